import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// Writes a rule file the way a careful operator would: into a temporary file next to the target (same
// directory, so the rename cannot cross file systems), `promtool check rules` on it, then an atomic
// rename over the target. Prometheus never reads a half-written or rejected file; a failed check leaves
// the previous, good file in place.

/** promtool checks a few hundred rules in well under a second; a hung binary must not hold syncs forever. */
const PROMTOOL_TIMEOUT_MS = 30_000;
/** promtool lists every problem; keep enough of them to act on. */
const MAX_OUTPUT_CHARS = 8_000;

export interface CheckedWrite {
  /** The check passed and the target now holds the new content. */
  ok: boolean;
  /** The target already held exactly this content (nothing was renamed). */
  unchanged: boolean;
  /** promtool's own words (stdout and stderr), or why it could not run. */
  checkOutput: string;
}

export interface Run {
  ok: boolean;
  output: string;
  /** promtool ran and judged the file (false: it is missing, hung or could not start). */
  ran: boolean;
}

function runPromtool(promtool: string, file: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(promtool, ['check', 'rules', file], { timeout: PROMTOOL_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      if (!error) return resolve({ ok: true, ran: true, output });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return resolve({ ok: false, ran: false, output: `promtool not found at "${promtool}": install Prometheus' promtool or set MESHWATCH_PROMTOOL` });
      if (error.killed) return resolve({ ok: false, ran: false, output: `promtool did not finish within ${PROMTOOL_TIMEOUT_MS / 1000} s` });
      // A non-numeric code (EACCES, ...) means promtool never ran; an exit status means it judged the file.
      resolve({ ok: false, ran: typeof code === 'number', output: output || error.message });
    });
  });
}

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** The temporary name hides the file from globs such as `rules/*.yml` in `rule_files:`. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Scratch directories of the save-time checks carry the pid too, so a crashed process's can be found. */
const CHECK_DIR_PREFIX = 'meshwatch-check-';
const checkDirPrefix = () => path.join(/*turbopackIgnore: true*/ os.tmpdir(), `${CHECK_DIR_PREFIX}${process.pid}-`);

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

async function removeDead(dir: string, pattern: RegExp): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const dead = names.filter((name) => {
    const pid = pattern.exec(name)?.[1];
    return pid !== undefined && !alive(Number(pid));
  });
  await Promise.all(dead.map((name) => rm(path.join(/*turbopackIgnore: true*/ dir, name), { recursive: true, force: true }).catch(() => undefined)));
  return dead;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Start-up: removes the temporary rule files next to `target` and the check directories that a crashed
 * (killed, out of memory) process left behind; those of live processes stay. Returns the names removed.
 */
export async function removeStaleTemporaries(target: string | undefined): Promise<string[]> {
  const checks = await removeDead(os.tmpdir(), new RegExp(`^${CHECK_DIR_PREFIX}(\\d+)-`));
  if (target === undefined) return checks;
  const temps = await removeDead(path.dirname(target), new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`));
  return [...checks, ...temps];
}

/** Checks `content` with promtool and atomically replaces `target` with it when the check passes. */
export async function writeCheckedRules(target: string, content: string, promtool: string): Promise<CheckedWrite> {
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(content);
    // Durable before the rename: a crash must not leave an empty file under the target's name.
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    const check = await runPromtool(promtool, temp);
    const checkOutput = check.output.split(temp).join(path.basename(target)).slice(0, MAX_OUTPUT_CHARS);
    if (!check.ok) return { ok: false, unchanged: false, checkOutput };
    if ((await readOrNull(target)) === content) return { ok: true, unchanged: true, checkOutput };
    await rename(temp, target);
    return { ok: true, unchanged: false, checkOutput };
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * promtool's verdict on `content` without touching any target: the per-SLO checks (at save time, and to
 * find which SLO a rejected file owes its rejection to). The file's name in the output is `name`.
 */
export async function checkRules(content: string, promtool: string, name = 'rules.yml'): Promise<Run> {
  const dir = await mkdtemp(checkDirPrefix());
  try {
    const file = path.join(dir, name);
    await writeFile(file, content);
    const run = await runPromtool(promtool, file);
    return { ...run, output: run.output.split(file).join(name).slice(0, MAX_OUTPUT_CHARS) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
