import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { healthVerdict } from '@/lib/health';
import type { ServiceSummary } from '@/lib/queries/schemas';
import { ServicesTable } from './services-table';

const row = (service: string, successRatio: number | null, reasons: ServiceSummary['reasons'] = {}): ServiceSummary => ({
  namespace: 'shop',
  service,
  rps: successRatio === null ? 0 : 12.345,
  successRatio,
  p95Ms: successRatio === null ? null : 87.4,
  reasons,
  // What /api/services says for these numbers (lib/health); the table renders it as is.
  health: healthVerdict({ errorRatio: successRatio === null ? null : 1 - successRatio, rps: successRatio === null ? 0 : 12.345, windowSeconds: 300 }),
});

function cells(html: string, service: string): string {
  const start = html.indexOf(`>${service}<`);
  return html.slice(start, html.indexOf('</tr>', start));
}

describe('ServicesTable', () => {
  const html = renderToStaticMarkup(
    <ServicesTable
      caption="Services"
      services={[
        row('catalog', 0.9995),
        row('payments', 0.995),
        row('audit-export', 0.95),
        row('idle', null, { successRatio: 'no traffic in window', p95Ms: 'no traffic in window' }),
      ]}
    />,
  );

  it('has a caption, column headers with units and sort buttons', () => {
    expect(html).toContain('<caption>Services</caption>');
    for (const header of ['Service', 'Health', 'Requests', 'req/s', 'Success', '%', 'p95 latency', 'ms']) expect(html).toContain(header);
    expect(html.match(/<th scope="col"[^>]*><button type="button"/g)).toHaveLength(5);
    // Worst first by default: the Health column is sorted, descending, and the failing service leads.
    expect(html).toMatch(/<th scope="col" aria-sort="descending"[^>]*><button type="button">Health/);
    expect(html.indexOf('audit-export')).toBeLessThan(html.indexOf('catalog'));
  });

  it.each([
    // 99.5 % success is 0.5 % failing: under the 1 % warning threshold, so OK here as on /graph.
    ['catalog', '99.95', 'ok', 'OK', '0.05 % of requests fail (under the 1 % warning threshold)'],
    ['payments', '99.50', 'ok', 'OK', '0.50 % of requests fail (under the 1 % warning threshold)'],
    ['audit-export', '95.00', 'failing', '✖ Failing', '5.0 % of requests fail (failing at 5 % or more)'],
  ])('%s shows %s percent and the verdict %s, with a text cue and its reason as the name', (service, percent, level, text, reason) => {
    const tr = cells(html, service);
    expect(tr).toContain(`data-level="${level}"`);
    expect(tr).toContain(`>${percent}<`);
    expect(tr).toContain(`>${text}<`);
    expect(tr).toContain(`aria-label="${text.replace(/^\W+ /, '')}: ${reason}"`);
    expect(tr).toContain('>12.3<'); // 1 decimal from 10 req/s up
    expect(tr).toContain('>87<'); // whole ms from 10 ms up
  });

  it('shows why a value is missing instead of 0 or NaN', () => {
    const tr = cells(html, 'idle');
    expect(tr).toContain('no traffic in window');
    expect(tr).not.toContain('NaN');
    expect(tr).toContain('data-level="idle"');
    expect(tr).toContain('aria-label="Idle: no traffic in the window"');
  });
});

describe('ServicesTable order', () => {
  // `service/namespace` of each body row, in document order.
  const rowOrder = (html: string) =>
    [...(html.split('<tbody>')[1] ?? '').matchAll(/<tr>.*?>([\w-]+)<\/(?:a|span)> <span[^>]*>([\w-]+)<\/span>/g)].map((m) => `${m[1]}/${m[2]}`);

  it('starts worst first (payments warns at 1 %), ties by service name (case ignored), one name in two namespaces by namespace', () => {
    const html = renderToStaticMarkup(
      <ServicesTable caption="Services" services={[{ ...row('cart', 1), namespace: 'shop' }, row('payments', 0.99), { ...row('cart', 1), namespace: 'edge' }, row('Audit', 1)]} />,
    );
    expect(rowOrder(html)).toEqual(['payments/shop', 'Audit/shop', 'cart/edge', 'cart/shop']);
    expect(html).toMatch(/<th scope="col" aria-sort="descending"><button type="button">Health/);
  });
});
