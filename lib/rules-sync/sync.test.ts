// The rule-file sync with the real promtool (/usr/bin/promtool, from Debian's prometheus package) in a
// temporary directory: what the file holds is judged by promtool's own rule count, not by our code.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SloSpec } from '@/lib/slo/spec';
import { createRulesSyncer, type SyncDeps } from './sync';
import { writeCheckedRules } from './write';
import { istioSli, linkerdSli } from '@/lib/mesh';
import type { SliSource } from '@/lib/slo/sli-source';

const PROMTOOL = '/usr/bin/promtool';
const availability = (name: string, service: string): SloSpec => ({
  name,
  service,
  namespace: 'shop',
  team: 'storefront',
  indicator: { type: 'availability' },
  objective: 99.9,
  window: '30d',
});
// Valid as a spec (it has the {{window}} placeholder) but not as PromQL: only promtool notices.
const broken: SloSpec = { ...availability('broken', 'cart'), indicator: { type: 'custom', errorQuery: 'sum(rate(bad[{{window}}])', totalQuery: 'sum(rate(all[{{window}}]))' } };

/** promtool's verdict on a file, e.g. "SUCCESS: 20 rules found". */
const promtoolSays = (file: string) => execFileSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8' });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-rules-sync-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function syncer(file: string, specs: () => SloSpec[], overrides: Partial<SyncDeps> = {}) {
  const reloads: number[] = [];
  const deps: SyncDeps = {
    file,
    promtool: PROMTOOL,
    listSpecs: specs,
    sli: async () => istioSli,
    reload: async () => {
      reloads.push(Date.now());
      return { outcome: 'ok' };
    },
    ...overrides,
  };
  return { sync: createRulesSyncer(deps), reloads };
}

describe('rules sync', () => {
  it('writes every SLO into one file that promtool accepts, then reloads', async () => {
    const file = path.join(dir, 'two.yml');
    const { sync, reloads } = syncer(file, () => [availability('cart-availability', 'cart'), availability('payments-availability', 'payments')]);
    const state = await sync.request();
    // Per 30d availability SLO with the default policy: 7 alert windows + the 30d window, two records each, and 4 alerts.
    expect(promtoolSays(file)).toContain('SUCCESS: 40 rules found');
    expect(state).toMatchObject({ ok: true, reload: 'ok', groups: 6 });
    expect(state.checkOutput).toContain('SUCCESS: 40 rules found');
    expect(reloads).toHaveLength(1);
    const names = (parse(readFileSync(file, 'utf8')) as { groups: Array<{ name: string }> }).groups.map((g) => g.name);
    expect(names.filter((n) => n.startsWith('slo-cart-availability-'))).toHaveLength(3);
    expect(sync.last()).toEqual(state);
  });

  it("writes the detected mesh's rules, and keeps the previous file while the mesh cannot be told", async () => {
    const file = path.join(dir, 'mesh.yml');
    let mesh: Promise<SliSource> = Promise.resolve(linkerdSli);
    const { sync, reloads } = syncer(file, () => [availability('cart-availability', 'cart')], { sli: () => mesh });
    expect(await sync.request()).toMatchObject({ ok: true, reload: 'ok' });
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('response_total{direction="inbound"');
    mesh = Promise.reject(new Error('Prometheus is unreachable'));
    const state = await sync.request();
    expect(state).toMatchObject({ ok: false, reload: 'error', error: expect.stringContaining('Prometheus is unreachable') });
    expect(readFileSync(file, 'utf8')).toBe(written);
    expect(reloads).toHaveLength(1);
  });

  it('without SLOs writes an empty but valid rule file', async () => {
    const file = path.join(dir, 'empty.yml');
    const state = await syncer(file, () => []).sync.request();
    expect(promtoolSays(file)).toContain('SUCCESS: 0 rules found');
    expect(state).toMatchObject({ ok: true, groups: 0 });
  });

  // Changed intent: a rejected SLO used to keep the whole previous file (no SLO's change reached
  // Prometheus any more); now only that SLO is left out and every other SLO is written and reloaded.
  it('leaves out an SLO whose rules promtool rejects, writes every other SLO and reloads', async () => {
    const file = path.join(dir, 'rejected.yml');
    let specs = [availability('cart-availability', 'cart')];
    const { sync, reloads } = syncer(file, () => specs);
    await sync.request();
    specs = [...specs, broken, availability('payments-availability', 'payments')];
    const state = await sync.request();
    expect(state).toMatchObject({ ok: false, reload: 'ok', groups: 6, error: expect.stringContaining('broken') });
    // promtool names the problem (an unclosed parenthesis) in the output kept for that SLO.
    expect(state.excluded).toEqual([{ slo: 'broken', output: expect.stringMatching(/unclosed left parenthesis/) }]);
    // promtool's own count: cart's and payments' 20 rules each, none of broken's.
    expect(promtoolSays(file)).toContain('SUCCESS: 40 rules found');
    const names = (parse(readFileSync(file, 'utf8')) as { groups: Array<{ name: string }> }).groups.map((g) => g.name);
    expect(names.filter((n) => n.startsWith('slo-broken-'))).toEqual([]);
    expect(names.filter((n) => n.startsWith('slo-payments-availability-'))).toHaveLength(3);
    expect(reloads).toHaveLength(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Fixed, it is delivered again and nothing is excluded.
    specs = specs.filter((s) => s.name !== 'broken');
    expect(await sync.request()).toMatchObject({ ok: true, groups: 6 });
    expect(sync.last()?.excluded).toBeUndefined();
  });

  it('keeps the previous file when the file fails but no SLO fails alone, and does not reload', async () => {
    const file = path.join(dir, 'together.yml');
    // A promtool that refuses files with more than one SLO's groups (the real one for everything else):
    // stands for a conflict between SLOs, which no single SLO's check can pin down.
    const wrapper = path.join(dir, 'promtool-one-slo.sh');
    writeFileSync(wrapper, `#!/bin/sh\nif [ "$(grep -c -- '- name: slo-.*-sli$' "$3")" -gt 1 ]; then echo conflict; exit 1; fi\nexec ${PROMTOOL} "$@"\n`);
    chmodSync(wrapper, 0o755);
    let specs = [availability('cart-availability', 'cart')];
    const { sync, reloads } = syncer(file, () => specs, { promtool: wrapper });
    expect(await sync.request()).toMatchObject({ ok: true });
    const good = readFileSync(file, 'utf8');
    specs = [...specs, availability('payments-availability', 'payments')];
    const state = await sync.request();
    expect(state).toMatchObject({ ok: false, reload: 'skipped', checkOutput: 'conflict', error: expect.stringContaining('previous rule file stays') });
    expect(state.excluded).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(good);
    expect(reloads).toHaveLength(1);
  });

  it('replaces the file by rename: while promtool checks, readers still see the old file', async () => {
    const file = path.join(dir, 'atomic.yml');
    writeFileSync(file, 'groups: []\n');
    const before = statSync(file).ino;
    // A promtool wrapper that records what the target holds and which file it was asked to check.
    const snapshot = path.join(dir, 'snapshot.txt');
    const wrapper = path.join(dir, 'promtool-wrapper.sh');
    writeFileSync(wrapper, `#!/bin/sh\ncat "${file}" > "${snapshot}"\necho "$3" >> "${snapshot}"\nexec ${PROMTOOL} "$@"\n`);
    chmodSync(wrapper, 0o755);
    const result = await writeCheckedRules(file, readFileSync(path.join(dir, 'two.yml'), 'utf8'), wrapper);
    expect(result).toMatchObject({ ok: true, unchanged: false });
    const [old, checked] = readFileSync(snapshot, 'utf8').split(/\n(?=\S+$)/m);
    expect(old).toBe('groups: []');
    // The checked file is a hidden temporary in the same directory (rename stays on one file system).
    expect(path.dirname(checked?.trim() ?? '')).toBe(dir);
    expect(path.basename(checked?.trim() ?? '')).toMatch(/^\.atomic\.yml\..*\.tmp$/);
    expect(statSync(file).ino).not.toBe(before);
    expect(promtoolSays(file)).toContain('SUCCESS: 40 rules found');
  });

  it('reports a missing promtool instead of throwing', async () => {
    const file = path.join(dir, 'no-promtool.yml');
    const state = await syncer(file, () => [availability('cart-availability', 'cart')], { promtool: path.join(dir, 'nope') }).sync.request();
    expect(state).toMatchObject({ ok: false, reload: 'skipped', checkOutput: expect.stringContaining('MESHWATCH_PROMTOOL') });
    // Not a verdict on any SLO: nothing is excluded (which would empty the file).
    expect(state.excluded).toBeUndefined();
  });

  it('runs one sync at a time and coalesces a burst into one more, which sees the last change', async () => {
    const file = path.join(dir, 'burst.yml');
    const specs: SloSpec[] = [];
    let running = 0;
    let overlapped = false;
    const { sync, reloads } = syncer(file, () => [...specs], {
      reload: async () => {
        running += 1;
        overlapped ||= running > 1;
        await new Promise((r) => setTimeout(r, 50));
        running -= 1;
        reloads.push(Date.now());
        return { outcome: 'ok' };
      },
    });
    const waits: Array<Promise<unknown>> = [];
    for (let i = 0; i < 5; i += 1) {
      specs.push(availability(`svc-${i}`, `svc-${i}`));
      waits.push(sync.request());
    }
    const states = await Promise.all(waits);
    expect(overlapped).toBe(false);
    expect(reloads).toHaveLength(2);
    expect(states.at(-1)).toMatchObject({ ok: true, groups: 15 });
    expect(promtoolSays(file)).toContain('SUCCESS: 100 rules found');
  });
});
