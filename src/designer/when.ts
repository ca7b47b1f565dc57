import { formatDay, formatHms, formatMoment } from '../core/format.ts';

/** A version's time: "2026/05/20 14:20" (Chongqing time, as everywhere in OneScreen). */
export const when = (ms: number) => formatMoment(ms);
/** A draft's time, to the second: "5月20日 14:20:05". */
export const whenExactly = (ms: number) => `${formatDay(ms)} ${formatHms(ms)}`;
