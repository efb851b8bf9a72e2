// Runs the real Alertmanager binary on loopback (the demo's, and the integration tests'), and amtool.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { binaryPath } from './deps';
import { startDaemon, type DaemonProcess } from './daemon';
import { assertPortFree } from './ports';

const execFileAsync = promisify(execFile);

/** Alertmanager's own default port. */
export const DEFAULT_ALERTMANAGER_PORT = 9093;

export type AlertmanagerProcess = DaemonProcess;

export interface AlertmanagerOptions {
  /** Holds alertmanager.yml, the log, and the data (silences, notification log) under data/. */
  workDir: string;
  port: number;
  configYaml: string;
  /** Files the config loads by a path relative to it (its notification templates), by name. */
  files?: Readonly<Record<string, string>>;
  portEnvName?: string;
}

/** Starts Alertmanager and resolves once `/-/ready` answers. */
export async function startAlertmanager(opts: AlertmanagerOptions): Promise<AlertmanagerProcess> {
  await assertPortFree(opts.port, 'Alertmanager', opts.portEnvName ?? 'DEMO_ALERTMANAGER_PORT');
  const dataDir = path.join(opts.workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const configFile = path.join(opts.workDir, 'alertmanager.yml');
  writeFileSync(configFile, opts.configYaml);
  for (const [name, text] of Object.entries(opts.files ?? {})) writeFileSync(path.join(opts.workDir, name), text);
  return startDaemon({
    name: 'Alertmanager',
    binary: binaryPath('alertmanager', 'alertmanager'),
    args: [
      `--config.file=${configFile}`,
      `--storage.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${opts.port}`,
      // One instance: no gossip cluster (its default listens on 0.0.0.0:9094).
      '--cluster.listen-address=',
    ],
    port: opts.port,
    logFile: path.join(opts.workDir, 'alertmanager.log'),
    readyTimeoutMs: 60_000,
  });
}

/** `amtool check-config`; resolves with its output, rejects with it on failure. */
export async function checkAlertmanagerConfig(file: string): Promise<string> {
  const { stdout } = await execFileAsync(binaryPath('alertmanager', 'amtool'), ['check-config', file]);
  return stdout;
}

/** `amtool config routes test`: the receivers an alert with these labels goes to, one per line. */
export async function routeReceivers(file: string, labels: Record<string, string>): Promise<string[]> {
  const args = ['config', 'routes', 'test', `--config.file=${file}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)];
  const { stdout } = await execFileAsync(binaryPath('alertmanager', 'amtool'), args);
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .flatMap((l) => l.split(','));
}
