import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SortableTable, type Column } from './sortable-table';

interface Row {
  id: string;
  rps: number;
}

const rows: Row[] = Array.from({ length: 150 }, (_, i) => ({ id: `s${String(i).padStart(3, '0')}`, rps: i }));
const columns: Column<Row>[] = [
  { key: 'id', label: 'Service', value: (r) => r.id },
  { key: 'rps', label: 'Req/s', value: (r) => r.rps, numeric: true },
];
const render = (limit?: number) =>
  renderToStaticMarkup(<SortableTable caption="150 calls" rows={rows} columns={columns} rowKey={(r) => r.id} initial={{ key: 'rps', desc: true }} limit={limit} noun="calls" />);
const bodyRows = (html: string) => (html.split('<tbody>')[1] ?? '').match(/<tr/g)?.length ?? 0;

describe('SortableTable', () => {
  it('renders the first rows of the sort over all rows, with a button for the rest', () => {
    const html = render(100);
    expect(bodyRows(html)).toBe(100);
    // Sorted over all 150 rows before the cut: the busiest (149) first, 50 the last shown.
    expect(html.indexOf('s149')).toBeGreaterThan(-1);
    expect(html).not.toContain('>s049<');
    expect(html).toContain('Showing the first 100 of 150 calls.');
    expect(html).toContain('Show 50 more calls</button>');
    expect(html).toContain('Show all 150 calls</button>');
  });

  it('renders every row without a limit', () => {
    const html = render();
    expect(bodyRows(html)).toBe(150);
    expect(html).not.toContain('Show all');
  });
});
