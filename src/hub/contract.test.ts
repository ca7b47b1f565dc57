import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { MAX_EPOCH_MS } from './schema-kit.ts';
import {
  CONTRACT_VERSION,
  DisplayAuthSchema,
  DistrictsResponseSchema,
  HealthSchema,
  LIMITS,
  OverviewSchema,
  TOPICS,
  describeIssue,
  liveEnvelopeSchema,
  topicSnapshotSchema,
  type DistrictFigures,
  type Overview,
} from './contract.ts';

// The overview is an ordinary topic: its live event and snapshot are the generic envelopes.
const OverviewEventSchema = liveEnvelopeSchema('overview', OverviewSchema);
const OverviewSnapshotSchema = topicSnapshotSchema('overview', OverviewSchema);
type OverviewEvent = z.infer<typeof OverviewEventSchema>;
type OverviewSnapshot = z.infer<typeof OverviewSnapshotSchema>;

// ---- arbitraries of valid payloads -----------------------------------------------------------

const COUNT_FIELDS = [
  'systemsPlanned',
  'systemsConnected',
  'departmentsConnected',
  'scenarios',
  'dataCallsTotal',
  'dataCallsPerMinute',
  'cloudSystems',
  'govServiceUsers',
  'govMattersToday',
  'licenceCategories',
  'povertyPlatformUsers',
  'povertyPlatformUses',
  'povertyDailyActive',
  'basestations5g',
] as const satisfies readonly (keyof Overview)[];

const countArb = fc.maxSafeNat();
// Every time a date can hold (the contract refuses later ones: they cannot be shown).
const timeArb = fc.integer({ min: 1, max: MAX_EPOCH_MS });
const codeArb = fc.stringMatching(/^\d{6}$/);
const epochArb = fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/);

const districtFiguresArb: fc.Arbitrary<DistrictFigures> = fc.record({
  code: codeArb,
  dataCallsToday: countArb,
  openEvents: countArb,
  devicesOnline: countArb,
});

const overviewArb: fc.Arbitrary<Overview> = fc
  .record({
    time: timeArb,
    systemsPlanned: countArb,
    connectedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    departmentsConnected: countArb,
    scenarios: countArb,
    dataCallsTotal: countArb,
    dataCallsPerMinute: countArb,
    cloudSystems: countArb,
    cloudRate: fc.double({ min: 0, max: 1, noNaN: true }),
    govServiceUsers: countArb,
    govMattersToday: countArb,
    licenceCategories: countArb,
    povertyPlatformUsers: countArb,
    povertyPlatformUses: countArb,
    povertyDailyActive: countArb,
    basestations5g: countArb,
    districts: fc.uniqueArray(districtFiguresArb, { selector: (d) => d.code, maxLength: LIMITS.maxDistricts }),
  })
  .map(({ connectedShare, ...o }) => ({
    ...o,
    systemsConnected: Math.floor(o.systemsPlanned * connectedShare),
  }));

const eventArb: fc.Arbitrary<OverviewEvent> = fc.record({
  v: fc.constant(CONTRACT_VERSION),
  topic: fc.constant('overview' as const),
  epoch: epochArb,
  seq: countArb,
  time: timeArb,
  data: overviewArb,
});

const historyArb = fc.array(fc.tuple(timeArb, fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 40 });

const snapshotArb: fc.Arbitrary<OverviewSnapshot> = fc.record(
  {
    contractVersion: fc.constant(CONTRACT_VERSION),
    topic: fc.constant('overview' as const),
    simulated: fc.boolean(),
    epoch: epochArb,
    seq: countArb,
    time: timeArb,
    data: overviewArb,
    history: historyArb,
  },
  // `history` is optional: only topics whose spec declares one carry it.
  { requiredKeys: ['contractVersion', 'topic', 'simulated', 'epoch', 'seq', 'time', 'data'] },
);

/** A snapshot that always has a history (for the history-point cases). */
const snapshotWithHistoryArb = fc.tuple(snapshotArb, historyArb).map(([s, history]) => ({ ...s, history: s.history ?? history }));

/** One fixed, plausible overview for the hand-written cases. */
function sampleOverview(): Overview {
  return {
    time: 1_700_000_000_000,
    systemsPlanned: 120,
    systemsConnected: 42,
    departmentsConnected: 21,
    scenarios: 17,
    dataCallsTotal: 8_670_000_000,
    dataCallsPerMinute: 12_000,
    cloudSystems: 1942,
    cloudRate: 0.857,
    govServiceUsers: 12_000_000,
    govMattersToday: 5000,
    licenceCategories: 12,
    povertyPlatformUsers: 270_000,
    povertyPlatformUses: 35_200_000,
    povertyDailyActive: 50_000,
    basestations5g: 1300,
    districts: [
      { code: '500101', dataCallsToday: 100, openEvents: 3, devicesOnline: 900 },
      { code: '500103', dataCallsToday: 200, openEvents: 5, devicesOnline: 1900 },
    ],
  };
}

function sampleEvent(): OverviewEvent {
  const data = sampleOverview();
  return { v: CONTRACT_VERSION, topic: 'overview', epoch: 'hub-1', seq: 7, time: data.time, data };
}

function sampleSnapshot(): OverviewSnapshot {
  const data = sampleOverview();
  return { contractVersion: CONTRACT_VERSION, topic: 'overview', simulated: true, epoch: 'hub-1', seq: 1, time: data.time, data, history: [] };
}

/** safeParse must never throw on hostile input; returns the result for further checks. */
function parseSafely<S extends z.ZodType>(schema: S, value: unknown) {
  let result: ReturnType<S['safeParse']> | undefined;
  expect(() => {
    result = schema.safeParse(value) as ReturnType<S['safeParse']>;
  }).not.toThrow();
  return result!;
}

function issueText(schema: z.ZodType, value: unknown): string {
  const r = parseSafely(schema, value);
  expect(r.success).toBe(false);
  return describeIssue(r.error!);
}

// ---- (a) valid payloads are accepted ---------------------------------------------------------

describe('contract: valid payloads', () => {
  it('accepts every generated overview event, unchanged', () => {
    fc.assert(
      fc.property(eventArb, (event) => {
        const r = OverviewEventSchema.safeParse(event);
        expect(r.success).toBe(true);
        expect(r.data).toEqual(event);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts every generated snapshot', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const r = OverviewSnapshotSchema.safeParse(snapshot);
        expect(r.success).toBe(true);
        expect(r.data).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts the boundaries: systemsConnected == systemsPlanned, cloudRate 0 and 1, exactly maxDistricts', () => {
    const o = sampleOverview();
    expect(OverviewSchema.safeParse({ ...o, systemsConnected: o.systemsPlanned }).success).toBe(true);
    expect(OverviewSchema.safeParse({ ...o, cloudRate: 0 }).success).toBe(true);
    expect(OverviewSchema.safeParse({ ...o, cloudRate: 1 }).success).toBe(true);
    const full = Array.from({ length: LIMITS.maxDistricts }, (_, i) => ({ ...o.districts[0], code: String(500100 + i) }));
    expect(OverviewSchema.safeParse({ ...o, districts: full }).success).toBe(true);
  });

  it('accepts a snapshot with exactly maxHistoryPoints and rejects one more', () => {
    const history = Array.from({ length: LIMITS.maxHistoryPoints }, (_, i) => [1_000 + i, i] as [number, number]);
    const base = sampleSnapshot();
    expect(OverviewSnapshotSchema.safeParse({ ...base, history }).success).toBe(true);
    const over = [...history, [99_999, 1]];
    expect(issueText(OverviewSnapshotSchema, { ...base, history: over })).toMatch(/^history:/);
  });
});

// ---- (b) malformed payloads are rejected without throwing ------------------------------------

describe('contract: malformed payloads', () => {
  it('rejects arbitrary values (fc.anything) without throwing', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }), (value) => {
        expect(parseSafely(OverviewEventSchema, value).success).toBe(false);
        expect(parseSafely(OverviewSnapshotSchema, value).success).toBe(false);
        expect(parseSafely(DistrictsResponseSchema, value).success).toBe(false);
        expect(parseSafely(DisplayAuthSchema, value).success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects arbitrary JSON values without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(parseSafely(OverviewEventSchema, value).success).toBe(false);
        expect(parseSafely(OverviewSnapshotSchema, value).success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  const wrongTypeArb = fc.oneof(
    fc.string(),
    fc.constant(null),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
    fc.constant(Number.NaN),
    fc.constant(Number.POSITIVE_INFINITY),
    fc.constant(Number.NEGATIVE_INFINITY),
  );
  const badCountArb = fc.oneof(
    wrongTypeArb,
    fc.integer({ min: -1_000_000, max: -1 }),
    fc.double({ min: 0.001, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
  );
  const badRatioArb = fc.oneof(
    wrongTypeArb,
    fc.double({ min: 1, max: 1e9, noNaN: true, minExcluded: true }),
    fc.double({ min: -1e9, max: 0, noNaN: true, maxExcluded: true }).filter((x) => !Object.is(x, -0)),
  );

  it('rejects an event with one count field of the wrong type, negative, fractional or non-finite, naming it', () => {
    fc.assert(
      fc.property(eventArb, fc.constantFrom(...COUNT_FIELDS), badCountArb, (event, field, bad) => {
        const mutated = { ...event, data: { ...event.data, [field]: bad } };
        expect(issueText(OverviewEventSchema, mutated).startsWith(`data.${field}:`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects an event with a count field missing, naming it', () => {
    fc.assert(
      fc.property(eventArb, fc.constantFrom(...COUNT_FIELDS, 'time' as const, 'cloudRate' as const), (event, field) => {
        const data: Record<string, unknown> = { ...event.data };
        delete data[field];
        expect(issueText(OverviewEventSchema, { ...event, data }).startsWith(`data.${field}:`)).toBe(true);
      }),
    );
  });

  it('rejects an out-of-range or non-numeric cloudRate, naming it', () => {
    fc.assert(
      fc.property(eventArb, badRatioArb, (event, bad) => {
        const mutated = { ...event, data: { ...event.data, cloudRate: bad } };
        expect(issueText(OverviewEventSchema, mutated).startsWith('data.cloudRate:')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects systemsConnected > systemsPlanned, naming systemsConnected', () => {
    fc.assert(
      fc.property(eventArb, fc.integer({ min: 1, max: 1_000_000 }), (event, extra) => {
        const data = { ...event.data, systemsConnected: event.data.systemsPlanned + extra };
        fc.pre(Number.isSafeInteger(data.systemsConnected));
        const text = issueText(OverviewEventSchema, { ...event, data });
        expect(text).toMatch(/^data\.systemsConnected: systemsConnected cannot exceed systemsPlanned/);
      }),
    );
  });

  it('rejects district arrays longer than LIMITS.maxDistricts', () => {
    fc.assert(
      fc.property(
        eventArb,
        districtFiguresArb,
        fc.integer({ min: LIMITS.maxDistricts + 1, max: LIMITS.maxDistricts * 4 }),
        (event, figures, n) => {
          // Distinct codes, so only the bound is broken.
          const data = { ...event.data, districts: Array.from({ length: n }, (_, i) => ({ ...figures, code: String(500000 + i) })) };
          expect(issueText(OverviewEventSchema, { ...event, data }).startsWith('data.districts:')).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects district codes that are not exactly six ASCII digits, naming the index', () => {
    const badCode = fc.oneof(
      fc.string().filter((s) => !/^\d{6}$/.test(s)),
      fc.stringMatching(/^\d{1,5}$/),
      fc.stringMatching(/^\d{7,9}$/),
      fc.constant('５００１０１'), // full-width digits
      fc.constant('500101\n'),
      fc.integer({ min: 100000, max: 999999 }), // a number, not a string
    );
    fc.assert(
      fc.property(eventArb, districtFiguresArb, badCode, fc.nat(), (event, figures, code, at) => {
        const districts: unknown[] = [...event.data.districts];
        const index = Math.min(at, districts.length);
        districts.splice(index, 0, { ...figures, code });
        fc.pre(districts.length <= LIMITS.maxDistricts);
        const text = issueText(OverviewEventSchema, { ...event, data: { ...event.data, districts } });
        expect(text.startsWith(`data.districts.${index}.code:`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects negative or fractional district figures', () => {
    fc.assert(
      fc.property(
        eventArb,
        districtFiguresArb,
        fc.constantFrom('dataCallsToday', 'openEvents', 'devicesOnline'),
        badCountArb,
        (event, figures, field, bad) => {
          const data = { ...event.data, districts: [{ ...figures, [field]: bad }] };
          expect(issueText(OverviewEventSchema, { ...event, data }).startsWith(`data.districts.0.${field}:`)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects a wrong envelope: version, topic, seq, time', () => {
    const e = sampleEvent();
    expect(issueText(OverviewEventSchema, { ...e, v: 1 })).toMatch(/^v:/); // the previous contract
    expect(issueText(OverviewEventSchema, { ...e, topic: 'scenes' })).toMatch(/^topic:/);
    const { epoch: _epoch, ...withoutEpoch } = e;
    expect(issueText(OverviewEventSchema, withoutEpoch)).toMatch(/^epoch:/);
    expect(issueText(OverviewEventSchema, { ...e, epoch: '' })).toMatch(/^epoch:/);
    expect(issueText(OverviewEventSchema, { ...e, epoch: 'hub 1' })).toMatch(/^epoch:/);
    expect(issueText(OverviewEventSchema, { ...e, epoch: 'x'.repeat(65) })).toMatch(/^epoch:/);
    expect(issueText(OverviewEventSchema, { ...e, epoch: 7 })).toMatch(/^epoch:/);
    expect(issueText(OverviewEventSchema, { ...e, seq: -1 })).toMatch(/^seq:/);
    expect(issueText(OverviewEventSchema, { ...e, seq: 1.5 })).toMatch(/^seq:/);
    expect(issueText(OverviewEventSchema, { ...e, time: 0 })).toMatch(/^time:/);
    expect(issueText(OverviewEventSchema, { ...e, time: Number.NaN })).toMatch(/^time:/);
    // Past what a date can hold: it would throw wherever it is shown.
    expect(issueText(OverviewEventSchema, { ...e, time: MAX_EPOCH_MS + 1 })).toMatch(/^time: a time past the range a date can show/);
    expect(issueText(OverviewEventSchema, { ...e, data: { ...e.data, time: Number.POSITIVE_INFINITY } })).toMatch(
      /^data\.time:/,
    );
  });

  it('rejects snapshots with a bad history point, seq or version', () => {
    fc.assert(
      fc.property(
        snapshotWithHistoryArb,
        fc.oneof(
          fc.constant([0, 1]),
          fc.constant([-5, 1]),
          fc.constant([1.5, 1]),
          fc.constant([1000, Number.NaN]),
          fc.constant([1000, Number.POSITIVE_INFINITY]),
          fc.constant([1000]),
          fc.constant([1000, '12']),
        ),
        (snapshot, bad) => {
          const history = [...snapshot.history, bad];
          const text = issueText(OverviewSnapshotSchema, { ...snapshot, history });
          expect(text.startsWith(`history.${history.length - 1}`)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
    const s = sampleSnapshot();
    expect(OverviewSnapshotSchema.safeParse(s).success).toBe(true);
    const { history: _history, ...withoutHistory } = s;
    expect(OverviewSnapshotSchema.safeParse(withoutHistory).success).toBe(true);
    expect(issueText(OverviewSnapshotSchema, { ...s, seq: -1 })).toMatch(/^seq:/);
    expect(issueText(OverviewSnapshotSchema, { ...s, contractVersion: 1 })).toMatch(/^contractVersion:/);
    expect(issueText(OverviewSnapshotSchema, { ...s, simulated: 'yes' })).toMatch(/^simulated:/);
    expect(issueText(OverviewSnapshotSchema, { ...s, topic: 'gov.services' })).toMatch(/^topic:/);
    expect(issueText(OverviewSnapshotSchema, { ...s, time: 0 })).toMatch(/^time:/);
    const { epoch: _epoch, ...withoutEpoch } = s;
    expect(issueText(OverviewSnapshotSchema, withoutEpoch)).toMatch(/^epoch:/);
  });
});

describe('contract: the overview topic', () => {
  it('rejects an overview whose districts repeat a code, in an event and a snapshot too', () => {
    const o = sampleOverview();
    const dup = { ...o, districts: [...o.districts, { ...o.districts[1], dataCallsToday: 1 }] };
    expect(issueText(OverviewSchema, dup)).toBe('districts: district codes must be unique');
    expect(issueText(OverviewEventSchema, { ...sampleEvent(), data: dup })).toBe('data.districts: district codes must be unique');
    expect(issueText(OverviewSnapshotSchema, { ...sampleSnapshot(), data: dup })).toBe('data.districts: district codes must be unique');
    fc.assert(
      fc.property(eventArb, fc.nat(), (event, pick) => {
        const ds = event.data.districts;
        fc.pre(ds.length > 0);
        const districts = [...ds, { ...ds[pick % ds.length] }];
        fc.pre(districts.length <= LIMITS.maxDistricts);
        expect(issueText(OverviewEventSchema, { ...event, data: { ...event.data, districts } })).toBe('data.districts: district codes must be unique');
      }),
      { numRuns: 100 },
    );
  });

  it('is registered as an ordinary JSON topic with a snapshot and a one-day history of data calls per minute', () => {
    const spec = TOPICS.get('overview');
    expect(spec).toBeDefined();
    expect(spec).toMatchObject({ name: 'overview', schema: OverviewSchema, snapshot: true, codec: 'json', maxBytes: LIMITS.maxMessageBytes });
    expect(spec!.history).toMatchObject({ bucketMs: 5 * 60_000, maxPoints: 288 });
    expect(spec!.history!.maxPoints).toBeLessThanOrEqual(LIMITS.maxHistoryPoints);
    expect(spec!.history!.value(sampleOverview())).toBe(12_000);
  });
});

describe('HealthSchema', () => {
  it('requires the hub run (epoch) and this contract version', () => {
    const h = { status: 'ok', contractVersion: CONTRACT_VERSION, hub: 'mock', simulated: true, epoch: 'hub-1', time: 1_700_000_000_000, uptimeS: 3 };
    expect(HealthSchema.safeParse(h).success).toBe(true);
    const { epoch: _epoch, ...withoutEpoch } = h;
    expect(issueText(HealthSchema, withoutEpoch)).toMatch(/^epoch:/);
    expect(issueText(HealthSchema, { ...h, epoch: 'a/b' })).toMatch(/^epoch:/);
    expect(issueText(HealthSchema, { ...h, contractVersion: 1 })).toMatch(/^contractVersion:/);
  });
});

// ---- (c) describeIssue ------------------------------------------------------------------------

describe('describeIssue', () => {
  it('names the first offending path and counts the rest', () => {
    const e = sampleEvent();
    const r = OverviewEventSchema.safeParse({ ...e, seq: -1, data: { ...e.data, scenarios: 'x', cloudRate: 2 } });
    expect(r.success).toBe(false);
    const text = describeIssue(r.error!);
    expect(text).toMatch(/^seq: /);
    expect(text).toMatch(/ \(\+2 more\)$/);
  });

  it('has no "more" suffix for a single issue and uses (root) for a non-object', () => {
    const e = sampleEvent();
    const one = describeIssue(OverviewEventSchema.safeParse({ ...e, data: { ...e.data, scenarios: -3 } }).error!);
    expect(one).toMatch(/^data\.scenarios: /);
    expect(one).not.toContain('more');
    expect(describeIssue(OverviewEventSchema.safeParse('overview unavailable').error!)).toMatch(/^\(root\): /);
  });

  it('says "invalid payload" for an error without issues', () => {
    expect(describeIssue(new z.ZodError([]))).toBe('invalid payload');
  });
});

// ---- districts and display auth --------------------------------------------------------------

function square(lon: number, lat: number): [number, number][] {
  return [
    [lon, lat],
    [lon + 0.1, lat],
    [lon + 0.1, lat + 0.1],
    [lon, lat + 0.1],
    [lon, lat],
  ];
}

function feature(code: string, ring = square(106.5, 29.5)) {
  return {
    type: 'Feature' as const,
    properties: { code, name: '渝中区', nameEn: 'Yuzhong', center: [106.55, 29.55] as [number, number], areaKm2: 22.3 },
    geometry: { type: 'Polygon' as const, coordinates: [ring] },
  };
}

function districts(features: unknown[]) {
  return { contractVersion: CONTRACT_VERSION, datum: 'WGS84', type: 'FeatureCollection', features };
}

describe('DistrictsResponseSchema', () => {
  it('accepts distinct codes and rejects any collection with a duplicate code', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(codeArb, { minLength: 1, maxLength: 20 }),
        fc.nat(),
        (codes, pick) => {
          const fs = codes.map((c) => feature(c));
          expect(DistrictsResponseSchema.safeParse(districts(fs)).success).toBe(true);
          const dup = [...fs, feature(codes[pick % codes.length])];
          const r = DistrictsResponseSchema.safeParse(districts(dup));
          expect(r.success).toBe(false);
          expect(describeIssue(r.error!)).toBe('features: district codes must be unique');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects rings with fewer than four positions', () => {
    for (const n of [0, 1, 2, 3]) {
      const ring = square(106.5, 29.5).slice(0, n);
      const text = issueText(DistrictsResponseSchema, districts([feature('500103', ring)]));
      expect(text.startsWith('features.0.geometry.coordinates.0:')).toBe(true);
    }
    expect(DistrictsResponseSchema.safeParse(districts([feature('500103', square(106.5, 29.5).slice(0, 4))])).success).toBe(
      true,
    );
  });

  it('rejects a MultiPolygon with a short ring, out-of-range coordinates, empty or oversized collections, other datums', () => {
    const multi = {
      ...feature('500101'),
      geometry: { type: 'MultiPolygon', coordinates: [[square(107, 30)], [square(108, 30).slice(0, 3)]] },
    };
    expect(issueText(DistrictsResponseSchema, districts([multi]))).toMatch(/^features\.0\.geometry\.coordinates\.1\.0:/);
    const farAway = feature('500101', [[200, 29], [106, 29], [106, 30], [200, 29]]);
    expect(issueText(DistrictsResponseSchema, districts([farAway]))).toMatch(/^features\.0\.geometry\.coordinates\.0\.0\.0:/);
    expect(issueText(DistrictsResponseSchema, districts([]))).toMatch(/^features:/);
    const tooMany = Array.from({ length: LIMITS.maxDistricts + 1 }, (_, i) => feature(String(500100 + i)));
    expect(issueText(DistrictsResponseSchema, districts(tooMany))).toMatch(/^features:/);
    expect(issueText(DistrictsResponseSchema, { ...districts([feature('500101')]), datum: 'GCJ02' })).toMatch(/^datum:/);
  });
});

describe('DisplayAuthSchema', () => {
  const id = /^[a-z0-9-]{1,40}$/;

  it('accepts lower-case ids of 1..40 characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(id), fc.stringMatching(id), (wall, display) => {
        expect(DisplayAuthSchema.safeParse({ role: 'display', wall, display }).success).toBe(true);
      }),
    );
  });

  it('rejects any wall or display id outside [a-z0-9-]{1,40}', () => {
    const badId = fc.oneof(
      fc.string({ maxLength: 60 }).filter((s) => !id.test(s)),
      fc.stringMatching(/^[a-z0-9-]{41,60}$/),
      fc.constantFrom('', 'Main', 'main wall', 'main/0', '../etc', 'main\n', '主屏', 'a_b'),
    );
    fc.assert(
      fc.property(badId, fc.boolean(), (bad, inWall) => {
        const auth = inWall ? { role: 'display', wall: bad, display: '0' } : { role: 'display', wall: 'main', display: bad };
        const text = issueText(DisplayAuthSchema, auth);
        expect(text.startsWith(inWall ? 'wall:' : 'display:')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects other roles and non-string ids', () => {
    expect(issueText(DisplayAuthSchema, { role: 'admin', wall: 'main', display: '0' })).toMatch(/^role:/);
    expect(issueText(DisplayAuthSchema, { role: 'display', wall: 'main', display: 0 })).toMatch(/^display:/);
    expect(issueText(DisplayAuthSchema, { role: 'display', display: '0' })).toMatch(/^wall:/);
  });
});
