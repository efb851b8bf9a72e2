import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './data-table';

interface Row {
  id: string;
  rps: number | null;
  health?: string;
}

const rows: Row[] = Array.from({ length: 150 }, (_, i) => ({ id: `s${String(i).padStart(3, '0')}`, rps: i }));
const columns: Column<Row>[] = [
  { key: 'id', label: 'Service', sortValue: (r) => r.id },
  { key: 'rps', label: 'Requests', unit: 'req/s', sortValue: (r) => r.rps, numeric: true },
];
const render = (props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) =>
  renderToStaticMarkup(<DataTable caption="150 calls" rows={rows} columns={columns} rowKey={(r) => r.id} initialSort={{ key: 'rps', direction: 'descending' }} noun="calls" {...props} />);
const bodyRows = (html: string) => (html.split('<tbody>')[1] ?? '').match(/<tr/g)?.length ?? 0;

describe('DataTable', () => {
  it('renders the first rows of the sort over all rows, with a button for the rest', () => {
    const html = render({ limit: 100 });
    expect(bodyRows(html)).toBe(100);
    // Sorted over all 150 rows before the cut: the busiest (149) first, 50 the last shown.
    expect(html.indexOf('s149')).toBeLessThan(html.indexOf('s148'));
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

  it('has a caption, sort buttons in column headers with units, and row headers', () => {
    const html = render({ rows: rows.slice(0, 2) });
    expect(html).toContain('<caption>150 calls</caption>');
    expect(html.match(/<th scope="col"[^>]*><button type="button"/g)).toHaveLength(2);
    expect(html).toContain('Requests<span');
    expect(html).toMatch(/Requests<span[^>]*> \(req\/s\)<\/span>/);
    // Only the sorted column says how; the arrow is hidden from screen readers (the button's name stays "Requests (req/s)").
    expect(html.match(/aria-sort="descending"/g)).toHaveLength(1);
    expect(html).not.toContain('aria-sort="ascending"');
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
  });

  it('hides the caption visually when asked, and marks rows and the selection', () => {
    const html = render({ rows: rows.slice(0, 2), captionHidden: true, selected: 's001', rowData: (r) => ({ 'data-health': r.id === 's000' ? 'bad' : undefined }) });
    expect(html).toContain('<caption class="sr-only">');
    expect(html).toContain('<tr aria-selected="true">');
    expect(html).toContain('<tr data-health="bad">');
  });

  it('keeps the rows’ own order without an initial sort', () => {
    const shuffled = [rows[5], rows[2], rows[9]] as Row[];
    const html = render({ rows: shuffled, initialSort: null });
    expect(html.indexOf('s005')).toBeLessThan(html.indexOf('s002'));
    expect(html.indexOf('s002')).toBeLessThan(html.indexOf('s009'));
  });

  it('gives a column marked sortable: false a plain header, no sort button, and still renders its cells', () => {
    const withAction: Column<Row>[] = [...columns, { key: 'act', label: 'Actions', sortable: false, sortValue: () => null, render: (r) => <button type="button">Delete {r.id}</button> }];
    const html = render({ rows: rows.slice(0, 2), columns: withAction });
    expect(html.match(/<th scope="col"[^>]*><button type="button"/g)).toHaveLength(2);
    expect(html).toContain('<th scope="col">Actions</th>');
    expect(html).toContain('<td><button type="button">Delete s001</button></td>');
  });
});
