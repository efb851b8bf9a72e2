// A long-running binary on loopback (Prometheus, Alertmanager): started with its output in a log
// file, ready once `/-/ready` answers, stopped with SIGTERM (SIGKILL after ten seconds).
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { waitFor } from './ports';

export interface DaemonProcess {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface DaemonOptions {
  /** What the user knows it as, for messages ("Prometheus"). */
  name: string;
  binary: string;
  args: string[];
  port: number;
  logFile: string;
  readyTimeoutMs: number;
}

export async function startDaemon(opts: DaemonOptions): Promise<DaemonProcess> {
  const log = openSync(opts.logFile, 'a');
  const url = `http://127.0.0.1:${opts.port}`;
  const child = spawn(opts.binary, opts.args, { stdio: ['ignore', log, log] });
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
      opts.readyTimeoutMs,
      `${opts.name} on ${url}`,
    );
  } catch (err) {
    await stop();
    throw new Error(`${opts.name} did not become ready (${(err as Error).message}); see ${opts.logFile}`);
  }
  return { url, port: opts.port, pid: child.pid ?? -1, stop };
}
