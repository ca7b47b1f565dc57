/** Valid hub answers for the Displays view's tests (each checked against the contract by the tests). */
import type { DisplaysResponse, EnrolledDisplay, PendingEnrolment } from '../../../hub/enrolment.ts';

export const T0 = Date.UTC(2026, 4, 20, 10, 20, 0); // 18:20 in Chongqing

export function pending(over: Partial<PendingEnrolment> = {}): PendingEnrolment {
  return {
    code: '123456',
    hint: { wall: 'main', display: 'left', grid: { cols: 3, rows: 1, col: 0, row: 0 } },
    address: '10.0.0.21',
    requestedAt: T0 - 30_000,
    expiresAt: T0 + 570_000,
    ...over,
  };
}

export function enrolled(over: Partial<EnrolledDisplay> = {}): EnrolledDisplay {
  return {
    id: 'dev-abcdef0123',
    slot: { wall: 'main', display: 'left', grid: { cols: 3, rows: 1, col: 0, row: 0 } },
    enrolledAt: T0 - 3_600_000,
    enrolledBy: 'operator',
    lastSeenAt: T0 - 12_000,
    lastAddress: '10.0.0.20',
    online: true,
    replacements: 0,
    replacedAt: null,
    ...over,
  };
}

export function displaysResponse(over: Partial<DisplaysResponse> = {}): DisplaysResponse {
  return { pending: [pending()], enrolled: [enrolled()], walls: ['main'], ...over };
}
