import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { getEnv } from '@/lib/env';
import type { MaintenanceInput, MaintenanceWindow, SilenceInfo } from '@/lib/maintenance/schema';
import { silenceFor } from '@/lib/maintenance/silence';
import { getMaintenanceStore, type MaintenanceStore } from '@/lib/store';
import { AlertmanagerError, expireSilence, postSilence } from './client';

// Maintenance windows and their Alertmanager silences. The window is saved first, whatever
// Alertmanager says: a planned maintenance must not be lost because Alertmanager is down. Its silence
// state then says what happened (pending: try again; failed: Alertmanager refused it), and
// POST /api/maintenance/{id}/silence tries again.

export interface MaintenanceDeps {
  store: MaintenanceStore;
  /** Alertmanager's base URL; undefined: silences are not Meshwatch's to make. */
  alertmanagerUrl?: string;
  /** Unix seconds. */
  now: () => number;
}

function defaultDeps(): MaintenanceDeps {
  const url = getEnv().alertmanager.url;
  return { store: getMaintenanceStore(), ...(url === undefined ? {} : { alertmanagerUrl: url }), now: () => Math.floor(Date.now() / 1000) };
}

const state = (s: SilenceInfo['state'], id: string | null = null, error: string | null = null): SilenceInfo => ({ state: s, id, error });

/** What a window's silence should be before Alertmanager is asked, or null to ask it. */
function withoutAsking(w: Pick<MaintenanceWindow, 'end'>, deps: MaintenanceDeps): SilenceInfo | null {
  if (w.end <= deps.now()) return state('ended');
  if (deps.alertmanagerUrl === undefined) return state('unconfigured', null, 'MESHWATCH_ALERTMANAGER_URL is not set: create the silence in Alertmanager yourself');
  return null;
}

async function silence(w: MaintenanceWindow, deps: MaintenanceDeps): Promise<MaintenanceWindow> {
  const settled = withoutAsking(w, deps);
  let next: SilenceInfo;
  if (settled) next = settled;
  else {
    try {
      next = state('active', await postSilence(deps.alertmanagerUrl ?? '', silenceFor(w)));
    } catch (err) {
      if (!(err instanceof AlertmanagerError)) throw err;
      next = state(err.kind === 'rejected' ? 'failed' : 'pending', null, err.message);
    }
  }
  return deps.store.setSilence(w.id, next) ?? { ...w, silence: next };
}

/** Saves a window, then silences its scope in Alertmanager for its duration. */
export async function createMaintenanceWindow(input: MaintenanceInput, actor: string, deps: MaintenanceDeps = defaultDeps()): Promise<MaintenanceWindow> {
  const saved = deps.store.create(input, actor, withoutAsking(input, deps) ?? state('pending', null, 'not sent to Alertmanager yet'));
  return saved.silence.state === 'pending' ? silence(saved, deps) : saved;
}

function found(id: number, deps: MaintenanceDeps): MaintenanceWindow {
  const w = deps.store.get(id);
  if (!w) throw new ApiError(404, 'not_found', `No maintenance window ${id}`);
  return w;
}

/** Tries the silence of a window again (pending or failed); an active one is left as it is. */
export async function retrySilence(id: number, deps: MaintenanceDeps = defaultDeps()): Promise<MaintenanceWindow> {
  const w = found(id, deps);
  return w.silence.state === 'active' ? w : silence(w, deps);
}

/**
 * Expires the window's silence, then removes the window. When Alertmanager cannot expire it, the
 * window stays (502): deleting it would leave a silence nobody sees in Meshwatch muting real alerts.
 */
export async function deleteMaintenanceWindow(id: number, deps: MaintenanceDeps = defaultDeps()): Promise<void> {
  const w = found(id, deps);
  const { id: silenceId } = w.silence;
  // An ended window's silence has expired by itself.
  if (w.silence.state === 'active' && silenceId !== null && deps.alertmanagerUrl !== undefined && w.end > deps.now()) {
    try {
      await expireSilence(deps.alertmanagerUrl, silenceId);
    } catch (err) {
      if (!(err instanceof AlertmanagerError)) throw err;
      throw new ApiError(502, 'alertmanager_unavailable', `The window is kept: its silence could not be expired (${err.message}). Try again when Alertmanager is back.`, {
        silenceId,
      });
    }
  }
  deps.store.delete(id);
}
