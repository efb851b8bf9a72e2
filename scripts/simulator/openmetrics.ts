// History as OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`: families
// contiguous, each series' samples time-ascending, timestamps in seconds, `# EOF` at the end.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Model } from './model';
import type { Family, Labels } from './series';

/** Full resolution (default 60 s) covers the last FINE_DAYS before `to`; older samples are 5 min apart. */
const FINE_DAYS = 4;
const COARSE_STEP = 300;
const DAY = 86_400;
/** Flush to the file in chunks of about this many characters. */
const CHUNK_CHARS = 1 << 20;

export interface HistoryOptions {
  model: Model;
  from: number; // unix seconds, inclusive
  to: number; // unix seconds, inclusive
  outFile: string;
  step?: number; // fine step in seconds (default 60); must divide 300
}

export interface HistoryStats {
  bytes: number;
  lines: number;
  series: number;
  samples: number;
  seconds: number;
}

/** The sample grid: multiples of 300 s up to the switch, then multiples of `step` up to `to`. */
export function sampleTimes(from: number, to: number, step = 60): number[] {
  if (COARSE_STEP % step !== 0) throw new Error(`step must divide ${COARSE_STEP}, got ${step}`);
  const switchAt = Math.max(from, Math.floor((to - FINE_DAYS * DAY) / COARSE_STEP) * COARSE_STEP);
  const times: number[] = [];
  for (let t = Math.ceil(from / COARSE_STEP) * COARSE_STEP; t < switchAt; t += COARSE_STEP) times.push(t);
  for (let t = Math.ceil(switchAt / step) * step; t <= to; t += step) times.push(t);
  return times;
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export function formatLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

/**
 * OpenMetrics names a counter family without `_total` and its samples with it; counters whose
 * Prometheus name has no `_total` (Envoy, istiod) are declared `unknown`, which the spec allows.
 */
function familyHeader(family: Family): string {
  let name = family.name;
  let type: string = family.type;
  if (family.type === 'counter') {
    if (name.endsWith('_total')) name = name.slice(0, -'_total'.length);
    else type = 'unknown';
  }
  return `# HELP ${name} ${family.help}\n# TYPE ${name} ${type}\n`;
}

export async function writeHistory(options: HistoryOptions): Promise<HistoryStats> {
  const { model, from, to, outFile } = options;
  if (from < model.facts.epoch) throw new Error(`history cannot start before the model epoch ${model.facts.epoch}`);
  const started = Date.now();
  const times = sampleTimes(from, to, options.step ?? 60);
  const out = createWriteStream(outFile, { encoding: 'utf8', highWaterMark: CHUNK_CHARS });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const stats: HistoryStats = { bytes: 0, lines: 0, series: 0, samples: 0, seconds: 0 };
  let chunk = '';
  const flush = async () => {
    stats.bytes += Buffer.byteLength(chunk);
    const ok = out.write(chunk);
    chunk = '';
    if (!ok) await Promise.race([once(out, 'drain'), failed]);
  };
  for (const family of model.families) {
    chunk += familyHeader(family);
    stats.lines += 2;
    for (const series of family.series) {
      const prefix = `${series.name}${formatLabels(series.labels)} `;
      let wrote = false;
      for (const t of times) {
        if (t < series.start) continue;
        if (t > series.end) break;
        chunk += `${prefix}${series.value(t)} ${t}\n`;
        stats.samples++;
        wrote = true;
        if (chunk.length >= CHUNK_CHARS) await flush();
      }
      if (wrote) stats.series++;
    }
  }
  chunk += '# EOF\n';
  await flush();
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  stats.lines += stats.samples + 1;
  stats.seconds = (Date.now() - started) / 1000;
  return stats;
}
