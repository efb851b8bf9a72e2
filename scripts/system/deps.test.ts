// Binary lookup by the names a need's binaries go by: Debian installs Alertmanager as
// prometheus-alertmanager, release archives as alertmanager; an env override wins over both.
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findNeedBinary } from './deps';

const dirs: string[] = [];
function binDir(...names: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-bin-'));
  dirs.push(dir);
  // The lookup runs `sh -c "command -v ..."`, so sh must be on this PATH too.
  symlinkSync('/bin/sh', path.join(dir, 'sh'));
  for (const name of names) {
    writeFileSync(path.join(dir, name), '#!/bin/sh\n');
    chmodSync(path.join(dir, name), 0o755);
  }
  return dir;
}
afterEach(() => {
  vi.unstubAllEnvs();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('findNeedBinary', () => {
  it.each([
    [['prometheus-alertmanager', 'amtool'], 'prometheus-alertmanager'],
    [['alertmanager', 'prometheus-alertmanager', 'amtool'], 'alertmanager'],
  ])('with %j on PATH finds %s', (names, found) => {
    const dir = binDir(...names);
    vi.stubEnv('PATH', dir);
    vi.stubEnv('ALERTMANAGER_BIN', '');
    expect(findNeedBinary('alertmanager', 'alertmanager')).toBe(path.join(dir, found));
    expect(findNeedBinary('alertmanager', 'amtool')).toBe(path.join(dir, 'amtool'));
  });

  it('is null when absent, and takes the env override when set', () => {
    const empty = binDir();
    vi.stubEnv('PATH', empty);
    vi.stubEnv('ALERTMANAGER_BIN', '');
    expect(findNeedBinary('alertmanager', 'alertmanager')).toBeNull();
    const other = binDir('am');
    vi.stubEnv('ALERTMANAGER_BIN', path.join(other, 'am'));
    expect(findNeedBinary('alertmanager', 'alertmanager')).toBe(path.join(other, 'am'));
  });
});
