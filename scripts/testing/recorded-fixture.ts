// A private Prometheus over the fixture history that also holds the series of the generated recording
// rules for a time range. Prometheus evaluates rules only at wall-clock now, so they are backfilled with
// its own rule engine: `promtool tsdb create-blocks-from rules` runs each rule as a range query (step =
// the group's interval, at the group's own evaluation offset) against a running Prometheus and writes
// the results as blocks, which a restarted Prometheus then serves beside the history.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { sloRuleGroups } from '../../lib/slo/rules/rules';
import type { SloSpec } from '../../lib/slo/spec';
import { binaryPath } from '../system/deps';
import { freePort } from '../system/ports';
import type { PrometheusProcess } from '../system/prometheus';
import { FIXTURE_SLI } from './fixture-sli';
import { copyFixture, startOnCopy, type FixtureMesh } from './fixture-tsdb';

const execFileAsync = promisify(execFile);

/**
 * Starts Prometheus over a copy of `mesh`'s fixture holding the recording rules of `specs` (generated
 * for that mesh's counters) over [from, to] (unix s).
 */
export async function startRecordedFixture(specs: readonly SloSpec[], from: number, to: number, mesh: FixtureMesh = 'istio'): Promise<PrometheusProcess> {
  const copy = await copyFixture(mesh);
  let prom: PrometheusProcess | undefined;
  try {
    prom = await startOnCopy(copy, await freePort());
    const rules = path.join(copy.work, 'recording-rules.yml');
    // Only the recording groups: the backfill does not evaluate alerting rules.
    const groups = specs.flatMap((spec) => sloRuleGroups(spec, FIXTURE_SLI[mesh])).filter((g) => g.rules.every((r) => 'record' in r));
    writeFileSync(rules, stringify({ groups }, { lineWidth: 0, aliasDuplicateObjects: false }));
    const blocks = path.join(copy.work, 'rule-blocks');
    mkdirSync(blocks, { recursive: true });
    await execFileAsync(
      binaryPath('prometheus', 'promtool'),
      ['tsdb', 'create-blocks-from', 'rules', '--quiet', `--start=${from}`, `--end=${to}`, `--url=${prom.url}`, `--output-dir=${blocks}`, '--eval-interval=60s', rules],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    await prom.stop();
    for (const block of readdirSync(blocks)) cpSync(path.join(blocks, block), path.join(copy.dataDir, block), { recursive: true });
    prom = await startOnCopy(copy, await freePort());
  } catch (err) {
    await prom?.stop();
    copy.remove();
    throw err;
  }
  const served = prom;
  return {
    ...served,
    stop: async () => {
      await served.stop();
      copy.remove();
    },
  };
}
