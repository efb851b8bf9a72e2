import { describe, expect, it } from 'vitest';
import { csvField, csvFilename, reportCsv } from './csv';
import type { Report } from './schema';

const at = (iso: string) => Date.parse(iso) / 1000;

const REPORT: Report = {
  from: at('2026-09-01T00:00:00Z'),
  to: at('2026-10-01T00:00:00Z'),
  month: '2026-09',
  previousPeriod: { from: at('2026-08-01T00:00:00Z'), to: at('2026-09-01T00:00:00Z') },
  dataStart: at('2026-09-01T12:00:00Z'),
  slos: [
    {
      name: 'payments-availability',
      service: 'payments',
      namespace: 'payments',
      team: 'pay, "core"',
      objective: 99.9,
      sli: 0.9985,
      budgetConsumed: 1.5,
      met: false,
      previous: { sli: null, budgetConsumed: null, met: null },
    },
  ],
  teams: [{ team: 'pay, "core"', slos: 1, met: 0, worstBudgetRemaining: -0.5 }],
  incidents: [{ slo: 'payments-availability', severity: 'page', start: at('2026-09-28T11:50:00Z'), end: at('2026-09-28T12:40:00Z'), durationSeconds: 3000, budgetConsumed: 0.25 }],
  services: [{ service: 'frontend', namespace: 'shop', availability: 0.99995 }],
  errors: [],
};

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [true, 'true'],
    [0.1 + 0.2, '0.3'],
  ] as const)('%j -> %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('reportCsv', () => {
  const text = reportCsv(REPORT);
  const lines = text.split('\r\n');

  it('ends every line with CRLF (RFC 4180) and starts with the period and where the data starts', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(lines[0]).toBe('Meshwatch SLO report,2026-09-01T00:00:00Z to 2026-10-01T00:00:00Z (2026-09)');
    expect(lines[1]).toBe('Data starts,2026-09-01T12:00:00Z');
  });

  it('gives each SLO in percent, quoting the team name, with empty cells where the previous period had no data', () => {
    const header = lines.indexOf('SLOs') + 1;
    expect(lines[header]).toBe('team,slo,service,namespace,objective_percent,sli_percent,budget_consumed_percent,met,previous_sli_percent,previous_budget_consumed_percent,previous_met');
    expect(lines[header + 1]).toBe('"pay, ""core""",payments-availability,payments,payments,99.9,99.85,150,false,,,');
  });

  it('lists teams, incidents (with their team and UTC times) and services without SLOs', () => {
    expect(lines[lines.indexOf('Teams') + 2]).toBe('"pay, ""core""",1,0,-50');
    expect(lines[lines.indexOf('Incidents') + 2]).toBe('"pay, ""core""",payments-availability,page,2026-09-28T11:50:00Z,2026-09-28T12:40:00Z,3000,25');
    expect(lines[lines.indexOf('Services without SLOs') + 2]).toBe('shop,frontend,99.995');
  });
});

describe('csvFilename', () => {
  it('names the month, or the dates of a custom period', () => {
    expect(csvFilename(REPORT)).toBe('meshwatch-slo-report-2026-09.csv');
    expect(csvFilename({ ...REPORT, month: null, to: at('2026-09-08T00:00:00Z') })).toBe('meshwatch-slo-report-2026-09-01_2026-09-08.csv');
  });
});
