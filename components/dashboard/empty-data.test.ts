import { describe, expect, it } from 'vitest';
import type { PanelData } from '@/lib/dashboards/schema';
import { emptyText, isEmptyData } from './empty-data';

describe('isEmptyData', () => {
  it.each<[string, PanelData, boolean]>([
    ['a null stat (it explains itself)', { kind: 'stat', value: null, unit: 'ratio', health: 'unknown' }, false],
    ['no series', { kind: 'timeseries', unit: 'reqps', series: [], markers: [], stacked: false }, true],
    ['only gaps', { kind: 'timeseries', unit: 'reqps', series: [{ name: 'a', labels: {}, points: [[0, null]] }], markers: [], stacked: false }, true],
    ['a zero is data', { kind: 'timeseries', unit: 'reqps', series: [{ name: 'a', labels: {}, points: [[0, 0]] }], markers: [], stacked: false }, false],
    ['no rows', { kind: 'table', columns: [], rows: [] }, true],
    ['zero-only heatmap', { kind: 'heatmap', unit: 'ms', buckets: ['+Inf'], timesMs: [0], cells: [[0, 0, 0]] }, true],
  ])('%s -> %s', (_name, data, expected) => {
    expect(isEmptyData(data)).toBe(expected);
  });
});

describe('emptyText', () => {
  it('says that no alerts firing is the news', () => {
    expect(emptyText('incidents', { kind: 'table', columns: [], rows: [] })).toBe('No alert fired in this range.');
    expect(emptyText('tcp-connections', { kind: 'table', columns: [], rows: [] })).toBe('No data in this range.');
  });
});
