import type { SloSpec } from '@/lib/slo/spec';
import { allRuleGroups, rulesFileYaml } from './bundle';
import { writeCheckedRules } from './write';

// One rule-file sync at a time: a burst of SLO edits (an import, a script) becomes at most one running
// sync plus one queued behind it, which reads the store when it starts and so covers every edit made
// meanwhile. A sync never throws: its outcome is the state GET /api/rules reports.

/** ok: reloaded; disabled: Prometheus refuses /-/reload (no --web.enable-lifecycle); skipped: the check failed. */
export type ReloadOutcome = 'ok' | 'disabled' | 'error' | 'skipped';

export interface SyncState {
  /** RFC 3339. */
  at: string;
  /** The check passed and the file holds the rules of every stored SLO. */
  ok: boolean;
  checkOutput?: string;
  reload: ReloadOutcome;
  error?: string;
  groups: number;
}

export interface SyncDeps {
  file: string;
  promtool: string;
  listSpecs: () => SloSpec[];
  /** POST /-/reload; resolves with the outcome, never throws. */
  reload: () => Promise<{ outcome: 'ok' | 'disabled' | 'error'; error?: string }>;
  now?: () => Date;
}

export interface RulesSyncer {
  /** Starts a sync, or queues one behind the running sync; resolves with the state of a sync that saw the store as of this call. */
  request(): Promise<SyncState>;
  last(): SyncState | null;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createRulesSyncer(deps: SyncDeps): RulesSyncer {
  const now = deps.now ?? (() => new Date());
  let last: SyncState | null = null;
  let running: Promise<SyncState> | null = null;
  let queued: Promise<SyncState> | null = null;

  async function run(): Promise<SyncState> {
    const at = now().toISOString();
    let state: SyncState;
    try {
      const specs = deps.listSpecs();
      const groups = allRuleGroups(specs).length;
      const written = await writeCheckedRules(deps.file, rulesFileYaml(specs), deps.promtool);
      if (!written.ok) {
        state = { at, ok: false, checkOutput: written.checkOutput, reload: 'skipped', error: 'promtool check rules rejected the generated rules; the previous rule file stays in place', groups };
      } else {
        // Reloading an unchanged file is cheap and repairs a Prometheus that missed the previous reload.
        const reload = await deps.reload();
        state = { at, ok: true, checkOutput: written.checkOutput, reload: reload.outcome, ...(reload.error ? { error: reload.error } : {}), groups };
      }
    } catch (err) {
      state = { at, ok: false, reload: 'skipped', error: `Could not write ${deps.file}: ${message(err)}`, groups: 0 };
    }
    last = state;
    return state;
  }

  function request(): Promise<SyncState> {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
      return running;
    }
    // The queued sync starts after the running one and reads the store then: one queued sync serves every caller meanwhile.
    queued ??= running.then(() => {
      queued = null;
      return request();
    });
    return queued;
  }

  return { request, last: () => last };
}
