import { describe, expect, it } from 'vitest';
import { DASHBOARDS } from '@/lib/dashboards/catalog';
import { groupByWidth } from './panel-grid';

const shape = (id: keyof typeof DASHBOARDS) => groupByWidth(DASHBOARDS[id].panels).map((g) => `${g.width}:${g.panels.length}`);

describe('groupByWidth', () => {
  it('puts what needs attention first, then the stats in one strip, the pair, and full-width panels one by one', () => {
    expect(shape('executive')).toEqual(['full:1', 'third:3', 'half:2', 'full:1', 'full:1', 'full:1']);
  });

  it('keeps every panel exactly once, in catalog order', () => {
    for (const id of ['executive', 'oncall', 'debug'] as const) {
      expect(groupByWidth(DASHBOARDS[id].panels).flatMap((g) => g.panels.map((p) => p.id))).toEqual(DASHBOARDS[id].panels.map((p) => p.id));
    }
  });
});
