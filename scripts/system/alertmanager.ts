// Runs the real Alertmanager binary on loopback (the demo's, and the integration tests'), and amtool.
import { spawn, execFile } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { binaryPath } from './deps';
import { assertPortFree, waitFor } from './ports';

const execFileAsync = promisify(execFile);

/** Alertmanager's own default port. */
export const DEFAULT_ALERTMANAGER_PORT = 9093;

export interface AlertmanagerProcess {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface AlertmanagerOptions {
  /** Holds alertmanager.yml, the log, and the data (silences, notification log) under data/. */
  workDir: string;
  port: number;
  configYaml: string;
  portEnvName?: string;
}

/** Starts Alertmanager and resolves once `/-/ready` answers. */
export async function startAlertmanager(opts: AlertmanagerOptions): Promise<AlertmanagerProcess> {
  await assertPortFree(opts.port, 'Alertmanager', opts.portEnvName ?? 'DEMO_ALERTMANAGER_PORT');
  const dataDir = path.join(opts.workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const configFile = path.join(opts.workDir, 'alertmanager.yml');
  writeFileSync(configFile, opts.configYaml);
  const logFile = path.join(opts.workDir, 'alertmanager.log');
  const log = openSync(logFile, 'a');
  const url = `http://127.0.0.1:${opts.port}`;
  const child = spawn(
    binaryPath('alertmanager', 'alertmanager'),
    [
      `--config.file=${configFile}`,
      `--storage.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${opts.port}`,
      // One instance: no gossip cluster (its default listens on 0.0.0.0:9094).
      '--cluster.listen-address=',
    ],
    { stdio: ['ignore', log, log] },
  );
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(timer);
  };
  try {
    await waitFor(
      async () => {
        if (exited) throw new Error('exited');
        return (await fetch(`${url}/-/ready`)).ok;
      },
      60_000,
      `Alertmanager on ${url}`,
    );
  } catch (err) {
    await stop();
    throw new Error(`Alertmanager did not become ready (${(err as Error).message}); see ${logFile}`);
  }
  return { url, port: opts.port, pid: child.pid ?? -1, stop };
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
