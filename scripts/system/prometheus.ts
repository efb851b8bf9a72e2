// Runs the real Prometheus binary on loopback, and promtool for backfill and rule checks.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { binaryPath } from './deps';
import { startDaemon, type DaemonProcess } from './daemon';
import { assertPortFree } from './ports';

const execFileAsync = promisify(execFile);

export type PrometheusProcess = DaemonProcess;

export interface PrometheusOptions {
  dataDir: string;
  port: number;
  configYaml: string;
  /** Where the config and log files go; defaults to the parent of dataDir. */
  workDir?: string;
  retention?: string;
  portEnvName?: string;
}

/** Starts Prometheus and resolves once `/-/ready` answers. */
export async function startPrometheus(opts: PrometheusOptions): Promise<PrometheusProcess> {
  await assertPortFree(opts.port, 'Prometheus', opts.portEnvName ?? 'PROMETHEUS_PORT');
  const workDir = opts.workDir ?? path.dirname(opts.dataDir);
  mkdirSync(opts.dataDir, { recursive: true });
  const configFile = path.join(workDir, 'prometheus.yml');
  writeFileSync(configFile, opts.configYaml);
  return startDaemon({
    name: 'Prometheus',
    binary: binaryPath('prometheus', 'prometheus'),
    args: [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${opts.dataDir}`,
      // Retention counts back from the newest block; history must outlive the SLO windows.
      `--storage.tsdb.retention.time=${opts.retention ?? '45d'}`,
      `--web.listen-address=127.0.0.1:${opts.port}`,
      '--web.enable-lifecycle',
      '--query.lookback-delta=5m',
    ],
    port: opts.port,
    logFile: path.join(workDir, 'prometheus.log'),
    readyTimeoutMs: 120_000,
  });
}

/** Loads OpenMetrics history into a TSDB directory (large blocks: seconds instead of minutes). */
export async function backfill(openMetricsFile: string, dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  await execFileAsync(
    binaryPath('prometheus', 'promtool'),
    ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=720h', openMetricsFile, dataDir],
    { maxBuffer: 64 * 1024 * 1024 },
  );
}

/** `promtool check rules`; resolves with its output, rejects with it on failure. */
export async function checkRules(file: string): Promise<string> {
  const { stdout } = await execFileAsync(binaryPath('prometheus', 'promtool'), ['check', 'rules', file]);
  return stdout;
}

/**
 * `promtool test rules FILE` in `cwd` (the rule files a test file names are relative to it): the exit
 * code (0 when every case holds) and the whole output, resolved either way so a test shows why a case failed.
 */
export async function testRules(file: string, cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(binaryPath('prometheus', 'promtool'), ['test', 'rules', file], { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

export interface PrometheusConfigOptions {
  /** Rule files Prometheus loads (Meshwatch's MESHWATCH_RULES_FILE in the demo). */
  ruleFiles?: string[];
  /** How often rules are evaluated; default 15s. */
  evaluationInterval?: string;
  /** Default 15s; tests scrape the live simulator faster to see alerts sooner. */
  scrapeInterval?: string;
  /** Alertmanagers (host:port) that receive the firing alerts; the demo runs one. */
  alertmanagers?: string[];
}

export function prometheusConfig(
  scrapes: Array<{ job: string; target: string; path?: string; honorLabels?: boolean }>,
  options: string[] | PrometheusConfigOptions = {},
): string {
  const { ruleFiles = [], evaluationInterval = '15s', scrapeInterval = '15s' } = Array.isArray(options) ? { ruleFiles: options } : options;
  const lines = ['global:', `  scrape_interval: ${scrapeInterval}`, `  evaluation_interval: ${evaluationInterval}`];
  if (ruleFiles.length > 0) lines.push('rule_files:', ...ruleFiles.map((f) => `  - ${JSON.stringify(f)}`));
  const alertmanagers = Array.isArray(options) ? [] : (options.alertmanagers ?? []);
  if (alertmanagers.length > 0) lines.push('alerting:', '  alertmanagers:', '    - static_configs:', `        - targets: [${alertmanagers.map((t) => JSON.stringify(t)).join(', ')}]`);
  lines.push('scrape_configs:');
  if (scrapes.length === 0) lines.push('  []');
  for (const s of scrapes) {
    lines.push(`  - job_name: ${JSON.stringify(s.job)}`);
    if (s.path) lines.push(`    metrics_path: ${JSON.stringify(s.path)}`);
    if (s.honorLabels) lines.push('    honor_labels: true');
    lines.push('    static_configs:', `      - targets: [${JSON.stringify(s.target)}]`);
  }
  return `${lines.join('\n')}\n`;
}
