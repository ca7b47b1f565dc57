/** Events, catalogue, alerts and audit entries for the desk's unit tests: valid by the contract. */
import type { Alert, AuditEntry, Catalog, CityEvent, Transition } from '../../../hub/contract.ts';

export const T0 = 1_790_000_000_000;

export const catalog: Catalog = {
  version: 1,
  categories: [
    {
      id: 'city-management',
      name: '城市管理',
      nameEn: 'City management',
      colour: '#4dd0e1',
      acceptWithinMin: 30,
      deadlineHours: { blue: 48, yellow: 24, orange: 8, red: 2 },
      departments: ['city-management-bureau', 'district-grid-centre'],
    },
  ],
  departments: [
    { id: 'district-grid-centre', name: '区网格中心', nameEn: 'District grid centre' },
    { id: 'city-management-bureau', name: '城市管理局', nameEn: 'City Management Bureau' },
    { id: 'transport-bureau', name: '交通局', nameEn: 'Transport Bureau' },
  ],
};

export function cityEvent(over: Partial<CityEvent> = {}): CityEvent {
  return {
    id: 'EV-20260520-00001',
    category: 'city-management',
    level: 'blue',
    status: 'reported',
    source: 'grid',
    title: '井盖缺失 Missing manhole cover',
    description: '',
    district: '500103',
    position: [106.577, 29.559],
    reportedAt: T0,
    acceptBy: T0 + 30 * 60_000,
    overdue: false,
    escalated: false,
    updatedAt: T0,
    version: 1,
    ...over,
  };
}

export function step(over: Partial<Transition> = {}): Transition {
  return { eventId: 'EV-20260520-00001', n: 1, action: 'report', from: null, to: 'reported', at: T0, actor: { id: 'grid-17', role: 'reporter' }, ...over };
}

export function alert(over: Partial<Alert> = {}): Alert {
  return {
    id: 'AL-1',
    ruleId: 'rain-district',
    ruleVersion: 1,
    metric: 'rain',
    place: { kind: 'district', id: '500103', name: '渝中区', district: '500103', position: [106.57, 29.55] },
    level: 'orange',
    value: 42.3,
    threshold: 30,
    status: 'active',
    openedAt: T0,
    updatedAt: T0 + 60_000,
    version: 1,
    ...over,
  };
}

export function auditEntry(over: Partial<AuditEntry> = {}): AuditEntry {
  return { id: 1, at: T0, actor: { id: 'operator', role: 'operator' }, action: 'event.accept', target: 'EV-20260520-00001', detail: 'accepted', ...over };
}
