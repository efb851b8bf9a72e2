// A private real Prometheus over a history written for one test: OpenMetrics text (from the simulator,
// or hand-written counters) backfilled with promtool into a fresh TSDB.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { writeHistory, type Model } from '../simulator';
import { freePort } from '../system/ports';
import { backfill, prometheusConfig, startPrometheus, type PrometheusProcess } from '../system/prometheus';

/** Starts Prometheus over the OpenMetrics history that `write` puts into the file it is given. */
export async function startPrometheusOver(write: (file: string) => Promise<void>): Promise<PrometheusProcess> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-history-'));
  try {
    const file = path.join(work, 'history.om');
    await write(file);
    const dataDir = path.join(work, 'data');
    await backfill(file, dataDir);
    const prom = await startPrometheus({ dataDir, workDir: work, port: await freePort(), configYaml: prometheusConfig([]), retention: '100y' });
    return {
      ...prom,
      stop: async () => {
        await prom.stop();
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

/** The simulator's history of `model` (incidents included) over [from, to], sampled every `step` seconds. */
export function startModelPrometheus(model: Model, from: number, to: number, step = 60): Promise<PrometheusProcess> {
  return startPrometheusOver(async (outFile) => {
    await writeHistory({ model, from, to, outFile, step });
  });
}

export interface CounterSeries {
  /** Labels of the sample, e.g. { outcome: "error" }. */
  labels: Record<string, string>;
  /** The counter's value at unix second t. */
  value: (t: number) => number;
}

/** Hand-written counters of one family `<name>_total`, sampled at `times` (unix seconds, ascending). */
export function startCountersPrometheus(name: string, series: readonly CounterSeries[], times: readonly number[]): Promise<PrometheusProcess> {
  return startPrometheusOver(async (file) => {
    const out = createWriteStream(file, { encoding: 'utf8' });
    out.write(`# HELP ${name} Hand-written test counter.\n# TYPE ${name} counter\n`);
    for (const s of series) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',');
      let chunk = '';
      for (const t of times) chunk += `${name}_total{${labels}} ${s.value(t)} ${t}\n`;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end('# EOF\n');
    await once(out, 'finish');
  });
}
