import { describe, expect, it } from 'vitest';
import { incidentDuration, metChip, parseUtcDay, periodLabel, sliChange, teamSections, utcDay } from './report-format';

const at = (iso: string) => Date.parse(iso) / 1000;
const none = { sli: null, budgetConsumed: null, met: null };

describe('report display', () => {
  it('names a month in UTC, or the bounds of a custom period', () => {
    expect(periodLabel({ from: at('2026-09-01T00:00:00Z'), to: at('2026-10-01T00:00:00Z'), month: '2026-09' })).toBe('September 2026 (UTC)');
    expect(periodLabel({ from: at('2026-09-10T00:00:00Z'), to: at('2026-09-17T06:30:00Z'), month: null })).toBe('2026-09-10 00:00 UTC to 2026-09-17 06:30 UTC');
  });

  it.each([
    [{ sli: 0.9995, budgetConsumed: 0.5, met: true }, { sli: 0.9985, budgetConsumed: 1.5, met: false }, '+0.100 pp'],
    [{ sli: 0.998, budgetConsumed: 2, met: false }, { sli: 0.999, budgetConsumed: 1, met: true }, '−0.100 pp'],
    [{ sli: 0.999, budgetConsumed: 1, met: true }, { sli: 0.999, budgetConsumed: 1, met: true }, 'unchanged'],
    [{ sli: 0.999, budgetConsumed: 1, met: true }, none, 'no data before'],
  ])('SLI change %j vs %j -> %s', (current, previous, expected) => {
    expect(sliChange(current, previous)).toBe(expected);
  });

  it('says met, missed or no data', () => {
    expect(metChip(true)).toEqual({ label: 'met', tone: 'good' });
    expect(metChip(false)).toEqual({ label: 'missed', tone: 'bad' });
    expect(metChip(null).label).toBe('no data');
  });

  it('reads durations in words, those still firing at the end as at least', () => {
    expect(incidentDuration({ durationSeconds: 71 * 60, end: 1 })).toBe('1h 11m');
    expect(incidentDuration({ durationSeconds: 3 * 3600, end: null })).toBe('3h+');
  });

  it('groups SLOs and incidents under their team', () => {
    const slo = (name: string, team: string) => ({ name, team, service: name, namespace: 'n', objective: 99.9, ...none, previous: none });
    const inc = (s: string, durationSeconds: number) => ({ slo: s, severity: 'page' as const, start: 0, end: durationSeconds, durationSeconds, budgetConsumed: 0.1 });
    const sections = teamSections({
      teams: [
        { team: 'pay', slos: 1, met: 0, worstBudgetRemaining: null },
        { team: 'web', slos: 2, met: 0, worstBudgetRemaining: null },
      ],
      slos: [slo('a', 'web'), slo('b', 'pay'), slo('c', 'web')],
      incidents: [inc('c', 600), inc('b', 300), inc('a', 60)],
    });
    expect(sections.map((s) => [s.team.team, s.slos.map((x) => x.name), s.incidents.map((i) => i.slo)])).toEqual([
      ['pay', ['b'], ['b']],
      ['web', ['a', 'c'], ['c', 'a']],
    ]);
  });

  it('round-trips UTC days for the date inputs', () => {
    expect(utcDay(at('2026-09-10T23:59:00Z'))).toBe('2026-09-10');
    expect(parseUtcDay('2026-09-10')).toBe(at('2026-09-10T00:00:00Z'));
    expect(parseUtcDay('10/09/2026')).toBeNull();
  });
});
