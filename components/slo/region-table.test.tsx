import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { withRegions } from '@/lib/slo/regions';
import { sloSpecSchema } from '@/lib/slo/spec';
import { buildStatus, statusWindows, type WindowCounts } from '@/lib/slo/status';
import { firingText, RegionTable } from './region-table';

const TIME = 1_790_856_000;
const spec = sloSpecSchema.parse({ name: 'reviews', service: 'reviews', namespace: 'shop', team: 't', indicator: { type: 'availability' }, objective: 99.9, window: '30d', perRegion: true });
const HOURS: Record<string, number> = { '5m': 1 / 12, '30m': 0.5, '1h': 1, '2h': 2, '6h': 6, '1d': 24, '3d': 72, '30d': 720 };
const steady = (ratio: number, overrides: Record<string, WindowCounts> = {}) => ({
  ...Object.fromEntries(statusWindows(spec).map((w) => [w, { bad: ratio * 1000 * (HOURS[w] ?? 1), total: 1000 * (HOURS[w] ?? 1) }])),
  ...overrides,
});

describe('RegionTable', () => {
  // eu-west: 40% errors over the last hour and 5 minutes (burn 400 > 14.4 on both): the 1h/5m page fires.
  const status = withRegions(buildStatus(spec, steady(0.0005), TIME), spec, { 'us-east': steady(0.0002), 'eu-west': steady(0.0006, { '1h': { bad: 400, total: 1000 }, '5m': { bad: 33, total: 83 } }) }, TIME);
  const html = renderToStaticMarkup(<RegionTable status={status} />);

  it('names the worst region and lists regions worst first (the order of the status, no sort until a header is clicked) with SLI, budget, 1h burn and firing alerts', () => {
    expect(html).toContain('Worst region: <strong>eu-west</strong>');
    const rows = (html.split('<tbody>')[1] ?? '').split('</tr>');
    expect(rows[0]).toContain('eu-west');
    expect(rows[0]).toContain('page 1h/5m');
    expect(rows[1]).toContain('us-east');
    expect(rows[1]).toContain('none');
    // us-east: 0.02% errors is 20% of a 99.9% budget consumed.
    expect(rows[1]).toContain('80');
    // Named by its caption (hidden: the section's heading shows), in the one table's markup.
    expect(html).toContain('<caption class="sr-only">Status per region</caption>');
    expect(rows[0]).toContain('<th scope="row">eu-west</th>');
  });

  it('says when no region served requests', () => {
    expect(renderToStaticMarkup(<RegionTable status={{ ...status, regions: [], worstRegion: null }} />)).toContain('No region served');
    expect(firingText([])).toBe('none');
  });
});
