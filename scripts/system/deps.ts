// Installs the system packages Meshwatch needs (Debian, as root) or says what to install elsewhere.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

export type SystemNeed = 'prometheus' | 'alertmanager' | 'chromium';

interface Requirement {
  /** `aliases`: other names of the same binary (Debian installs Alertmanager as prometheus-alertmanager). */
  binaries: Array<{ env: string; name: string; aliases?: string[] }>;
  debianPackages: string[];
  elsewhere: string;
}

const REQUIREMENTS: Record<SystemNeed, Requirement> = {
  prometheus: {
    binaries: [
      { env: 'PROMETHEUS_BIN', name: 'prometheus' },
      { env: 'PROMTOOL_BIN', name: 'promtool' },
    ],
    debianPackages: ['prometheus'],
    elsewhere:
      'install Prometheus 2.x (prometheus and promtool, from your distribution or a release archive) ' +
      'and put both on PATH, or set PROMETHEUS_BIN and PROMTOOL_BIN to their paths',
  },
  alertmanager: {
    binaries: [
      { env: 'ALERTMANAGER_BIN', name: 'alertmanager', aliases: ['prometheus-alertmanager'] },
      { env: 'AMTOOL_BIN', name: 'amtool' },
    ],
    // The package's service only starts under an init system that allows it: containers without one
    // (invoke-rc.d blocks by default) stay quiet; elsewhere it listens on :9093, which the demo needs.
    debianPackages: ['prometheus-alertmanager'],
    elsewhere:
      'install Alertmanager (alertmanager and amtool, from your distribution or a release archive) ' +
      'and put both on PATH, or set ALERTMANAGER_BIN and AMTOOL_BIN to their paths',
  },
  chromium: {
    binaries: [{ env: 'CHROMIUM_BIN', name: 'chromium' }],
    // Fonts keep screenshots readable on minimal images.
    debianPackages: ['chromium', 'fonts-liberation'],
    elsewhere: 'install Chromium and set CHROMIUM_BIN to its path (browser tests drive it with Playwright)',
  },
};

/** Absolute path of a binary: the env override, else the first match on PATH, else null. */
export function findBinary(name: string, envName?: string): string | null {
  const override = envName ? process.env[envName] : undefined;
  if (override) return existsSync(override) ? override : null;
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : null;
}

/** The first of a binary's names found (the env override wins). */
function findAny(b: { env: string; name: string; aliases?: string[] }): string | null {
  if (process.env[b.env]) return findBinary(b.name, b.env);
  for (const name of [b.name, ...(b.aliases ?? [])]) {
    const found = findBinary(name);
    if (found) return found;
  }
  return null;
}

/** A need's binary by its main name (aliases and env override included), or null when absent. */
export function findNeedBinary(need: SystemNeed, name: string): string | null {
  const spec = REQUIREMENTS[need].binaries.find((b) => b.name === name);
  return spec ? findAny(spec) : findBinary(name);
}

export function binaryPath(need: SystemNeed, name: string): string {
  const path = findNeedBinary(need, name);
  if (!path) throw new Error(`${name} not found; run \`npm run setup:system\``);
  return path;
}

function missing(need: SystemNeed): string[] {
  return REQUIREMENTS[need].binaries.filter((b) => !findAny(b)).map((b) => b.name);
}

function canUseApt(): boolean {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version') && findBinary('apt-get') !== null;
}

/** Make sure every need is met; installs with apt-get when possible, otherwise throws a how-to. */
export function ensureSystemPackages(needs: SystemNeed[], log: (line: string) => void = console.log): void {
  const unmet = needs.filter((need) => missing(need).length > 0);
  if (unmet.length === 0) return;
  const packages = unmet.flatMap((need) => REQUIREMENTS[need].debianPackages);
  if (!canUseApt()) {
    const lines = unmet.map((need) => `  - ${missing(need).join(', ')}: ${REQUIREMENTS[need].elsewhere}`);
    const debian = `On Debian or Ubuntu, as root: apt-get install ${packages.join(' ')}`;
    throw new Error(['Missing system packages:', ...lines, debian].join('\n'));
  }
  log(`Installing system packages with apt-get: ${packages.join(' ')} (Debian's packages; about a minute)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  const still = unmet.flatMap(missing);
  if (still.length > 0) throw new Error(`apt-get finished but these are still missing: ${still.join(', ')}`);
}
