import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStaleTemporaries, tempPathFor } from './write';

// A process that ran and exited: its pid names no live process (pids are not reused this quickly).
const deadPid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-cleanup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('removeStaleTemporaries', () => {
  it("removes a crashed process's temporary rule files and check directories, and nothing else", async () => {
    const target = path.join(dir, 'meshwatch-rules.yml');
    writeFileSync(target, 'groups: []\n');
    const stale = path.join(dir, `.meshwatch-rules.yml.${deadPid}.0a1b2c3d.tmp`);
    const live = tempPathFor(target); // this process's own, as during a sync
    const other = path.join(dir, `.other.yml.${deadPid}.0a1b2c3d.tmp`);
    for (const file of [stale, live, other]) writeFileSync(file, 'x');
    const staleCheck = path.join(os.tmpdir(), `meshwatch-check-${deadPid}-abc123`);
    mkdirSync(staleCheck, { recursive: true });
    writeFileSync(path.join(staleCheck, 'rules.yml'), 'x');

    const removed = await removeStaleTemporaries(target);

    expect(removed.sort()).toEqual([path.basename(stale), path.basename(staleCheck)].sort());
    expect(readdirSync(dir).sort()).toEqual([path.basename(live), path.basename(other), 'meshwatch-rules.yml'].sort());
    expect(existsSync(staleCheck)).toBe(false);
  });
});
