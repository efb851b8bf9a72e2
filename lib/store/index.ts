import 'server-only';
import { getEnv } from '@/lib/env';
import { openSqliteStore } from './sqlite-store';
import type { SloStore } from './types';
import { openMaintenanceStore, type MaintenanceStore } from './maintenance-store';

export { openSqliteStore, type SqliteStoreOptions } from './sqlite-store';
export { openMaintenanceStore, type MaintenanceStore } from './maintenance-store';
export { MIGRATIONS, migrate, type Migration } from './migrations';
export * from './types';

// One store per process, shared by every server bundle Next.js builds (same reason as lib/metrics).
const globalForStore = globalThis as typeof globalThis & { __meshwatchSloStore?: SloStore };

/** The SQLite store at MESHWATCH_DB, opened and migrated on first use. */
export function getSloStore(): SloStore {
  globalForStore.__meshwatchSloStore ??= openSqliteStore(getEnv().dbPath);
  return globalForStore.__meshwatchSloStore;
}

/** The store's revision (SloStore.revision), or undefined when it cannot say (then keep nothing). */
export function sloStoreRevision(): string | undefined {
  try {
    return getSloStore().revision();
  } catch {
    return undefined;
  }
}

/** Swaps the process's store (tests use a temporary file); returns the previous one. */
export function setSloStore(store: SloStore | undefined): SloStore | undefined {
  const previous = globalForStore.__meshwatchSloStore;
  globalForStore.__meshwatchSloStore = store;
  return previous;
}

const globalForMaintenance = globalThis as typeof globalThis & { __meshwatchMaintenanceStore?: MaintenanceStore };

/** The maintenance windows at MESHWATCH_DB (same file as the SLOs), opened on first use. */
export function getMaintenanceStore(): MaintenanceStore {
  globalForMaintenance.__meshwatchMaintenanceStore ??= openMaintenanceStore(getEnv().dbPath);
  return globalForMaintenance.__meshwatchMaintenanceStore;
}

/** Swaps the process's maintenance store (tests); returns the previous one. */
export function setMaintenanceStore(store: MaintenanceStore | undefined): MaintenanceStore | undefined {
  const previous = globalForMaintenance.__meshwatchMaintenanceStore;
  globalForMaintenance.__meshwatchMaintenanceStore = store;
  return previous;
}
