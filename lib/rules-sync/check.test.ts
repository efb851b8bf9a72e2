// One SLO's rules judged by the real promtool (/usr/bin/promtool) alone, and promtool's complaint
// mapped to the spec field to fix. The expected lines are promtool's own, run here on the bare query.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SloSpec } from '@/lib/slo/spec';
import { checkSloRules } from './check';
import { istioSli } from '@/lib/mesh';

const PROMTOOL = '/usr/bin/promtool';
const custom = (errorQuery: string, totalQuery: string): SloSpec => ({
  name: 'cart-custom',
  service: 'cart',
  namespace: 'shop',
  team: 'storefront',
  indicator: { type: 'custom', errorQuery, totalQuery },
  objective: 99.9,
  window: '30d',
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-check-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** promtool's complaint about `expr` as the only rule of a file ("1:18: parse error: ..."). */
function promtoolAbout(expr: string): string {
  const file = path.join(dir, 'one.yml');
  writeFileSync(file, `groups:\n- name: g\n  rules:\n  - record: r\n    expr: '${expr}'\n`);
  try {
    execFileSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (err) {
    const out = `${(err as { stdout: string }).stdout}${(err as { stderr: string }).stderr}`;
    return /could not parse expression: (.*)/.exec(out)?.[1]?.trim() ?? out;
  }
}

describe('checkSloRules', () => {
  it.each([
    ['errorQuery', custom('sum(rate(bad[{{window}}])', 'sum(rate(all[{{window}}]))'), 'indicator.errorQuery', 'sum(rate(bad[5m])'],
    ['totalQuery', custom('sum(rate(bad[{{window}}]))', 'sum(rate(all[{{window}}])) by ('), 'indicator.totalQuery', 'sum(rate(all[5m])) by ('],
  ])('a broken %s is rejected on that field with promtool\'s line', async (_, spec, field, bare) => {
    const reason = promtoolAbout(bare);
    expect(reason).not.toBe('');
    const check = await checkSloRules(spec, istioSli, PROMTOOL);
    expect(check).toMatchObject({ verdict: 'rejected', fieldErrors: { [field]: [reason] } });
    expect(Object.keys(check.verdict === 'rejected' ? check.fieldErrors : {})).toEqual([field]);
  });

  it('accepts a generated availability SLO, and says unavailable (not rejected) without promtool', async () => {
    const spec: SloSpec = { ...custom('x', 'y'), indicator: { type: 'availability' } };
    expect(await checkSloRules(spec, istioSli, PROMTOOL)).toEqual({ verdict: 'accepted' });
    expect(await checkSloRules(spec, istioSli, path.join(dir, 'no-promtool'))).toMatchObject({ verdict: 'unavailable', output: expect.stringContaining('not found') });
  });
});
