import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHECKPOINTS, checkpoint } from '../test-fixtures.ts';
import { STATUS, checkpointStatus } from '../scales.ts';
import { toRgba } from '../../../core/colour.ts';
import { RADIUS_PX, buildCheckpoints, checkpointColor, checkpointRadius, describeCheckpoint, drawOrder } from './checkpoints.ts';
import { createLayerMemo } from '../../../core/module-api.ts';

// The scene layer's memo, shared by the builds of a test as the scene driver shares it across frames.
const memo = createLayerMemo();

describe('buildCheckpoints', () => {
  it('one scatterplot with a stable id, triggers keyed by seq, sizes scaled by the wall', () => {
    const [a] = buildCheckpoints({ id: 'checkpoints', value: CHECKPOINTS, seq: 1, scale: 2, opacity: 1, memo });
    const [b] = buildCheckpoints({ id: 'checkpoints', value: CHECKPOINTS, seq: 2, scale: 2, opacity: 1, memo });
    expect(a.id).toBe('checkpoints-points');
    expect(b.id).toBe(a.id);
    const p = (l: typeof a) => l.props as unknown as { updateTriggers: Record<string, unknown>; radiusScale: number; data: unknown };
    expect(p(a).updateTriggers).toEqual({ getRadius: 1, getFillColor: 1 });
    expect(p(b).updateTriggers.getRadius).toBe(2);
    expect(p(a).radiusScale).toBe(2);
    expect(p(a).data).toBe(p(b).data);
  });

  it('draws the worst checkpoints last', () => {
    expect(drawOrder(CHECKPOINTS).map((c) => c.id)).toEqual(['cp-b', 'cp-c', 'cp-a']);
    expect(memo(drawOrder, CHECKPOINTS)).toBe(memo(drawOrder, CHECKPOINTS));
  });

  it('radius grows with scans from min to max px, capped', () => {
    expect(checkpointRadius(0)).toBe(RADIUS_PX.min);
    expect(checkpointRadius(12_000)).toBe(RADIUS_PX.max);
    expect(checkpointRadius(1e6)).toBe(RADIUS_PX.max);
    fc.assert(
      fc.property(fc.nat(50_000), fc.nat(50_000), (a, b) => {
        if (a <= b) expect(checkpointRadius(a)).toBeLessThanOrEqual(checkpointRadius(b));
      }),
    );
  });

  it('colours by status class: normal, attention, warning, alarm', () => {
    expect([0, 0.009, 0.01, 0.019, 0.02, 0.039, 0.04, 1].map(checkpointStatus)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(checkpointColor(checkpoint('x', 10, 0.05))).toEqual(toRgba(STATUS[3].color, 235));
    expect(checkpointColor(checkpoint('x', 10, 0))).toEqual(toRgba('#3ddc84', 235));
  });

  it('tooltips are plain text naming the place, kind, district and figures', () => {
    expect(describeCheckpoint(checkpoint('cp-a', 1234, 0.025), '渝北区')).toEqual([
      'cp-a 医院',
      '医院 · 渝北区',
      '近1小时扫码 1,234 次 · Scans last hour',
      '非绿码 2.50% · 警示 warning',
    ]);
  });
});
