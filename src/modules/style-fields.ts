import { z } from 'zod';

/**
 * Style fields several layer kinds share, each with its default and its description (what the
 * scene designer shows). A kind's schema is `z.strictObject({ … })` of these and its own.
 */
export const opacity = (value: number, what = 'Opacity of the layer') => z.number().min(0).max(1).default(value).describe(what);

export const labels = (what = 'Draw the name labels') => z.boolean().default(true).describe(what);
