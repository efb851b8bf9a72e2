import 'server-only';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { meshAlertIdSchema, type MeshAlertSetting } from '@/lib/mesh-alerts';
import type { SloSpec } from '@/lib/slo';
import { migrate } from './migrations';
import { toHistoryEntry, toStored, type HistoryRow, type SloRow } from './rows';
import { SloExistsError, SloNotFoundError, VersionConflictError, type HistoryAction, type SloStore, type StoredMeshAlertSetting, type StoredSlo } from './types';

// SQLite store (better-sqlite3). Every mutation and its history row commit in one transaction, so a
// crash mid-write leaves either both or neither.

/**
 * WAL lets readers go on while a write commits. synchronous=FULL fsyncs the WAL on every commit, so a
 * committed edit survives power loss too; NORMAL would only survive a process crash. SLO edits are a
 * few a day, so the extra fsync costs nothing anyone notices (https://www.sqlite.org/pragma.html#pragma_synchronous).
 */
const PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON'] as const;
/** Another replica or process holding the write lock gets this long before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
/** How long a read revision is reused (see revision() below). */
export const REVISION_REUSE_MS = 1;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export interface SqliteStoreOptions {
  /** Clock for timestamps (tests fix it). */
  now?: () => Date;
}

/** Opens (creating the directory and the file if needed) and migrates the store at `file`. */
export function openSqliteStore(file: string, { now = () => new Date() }: SqliteStoreOptions = {}): SloStore {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  for (const pragma of PRAGMAS) db.pragma(pragma);
  migrate(db);

  const selectOne = db.prepare<[string], SloRow>('SELECT * FROM slos WHERE name = ?');
  const selectAll = db.prepare<[], SloRow>('SELECT * FROM slos ORDER BY name');
  const lastVersion = db.prepare<[string], { v: number | null }>('SELECT max(version) AS v FROM slo_history WHERE slo_name = ?');
  const insertSlo = db.prepare(
    'INSERT INTO slos (name, spec, version, created_at, created_by, updated_at, updated_by) VALUES (@name, @spec, @version, @at, @actor, @at, @actor)',
  );
  const updateSlo = db.prepare('UPDATE slos SET spec = @spec, version = @version, updated_at = @at, updated_by = @actor WHERE name = @name');
  const deleteSlo = db.prepare('DELETE FROM slos WHERE name = ?');
  const insertHistory = db.prepare(
    'INSERT INTO slo_history (slo_name, version, action, actor, at, before, after) VALUES (@name, @version, @action, @actor, @at, @before, @after)',
  );
  const selectHistory = db.prepare<[string], HistoryRow>('SELECT * FROM slo_history WHERE slo_name = ? ORDER BY id DESC');
  // Every write adds a history row (AUTOINCREMENT ids never go back), whichever process made it.
  const lastHistoryId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM slo_history');
  const instance = randomUUID();

  // One request asks for the revision several times (the front door's coalescing, the route's keying,
  // the SLO listing below), each a read transaction of its own: it is read at most once per
  // REVISION_REUSE_MS. A write of this store forgets it at once; another process's shows within that.
  let known: { revision: string; at: number } | undefined;
  const revision = () => {
    const at = performance.now();
    if (!known || at - known.at >= REVISION_REUSE_MS) known = { revision: `${instance}:${lastHistoryId.get()?.id ?? 0}`, at };
    return known.revision;
  };
  // The listing is kept under its revision: reading and validating every spec again on each request
  // cost more than the request's own work with a thousand SLOs. Frozen, as every caller shares it.
  let listed: { revision: string; slos: readonly StoredSlo[] } | undefined;
  const list = (): StoredSlo[] => {
    const now = revision();
    if (listed?.revision !== now) listed = { revision: now, slos: selectAll.all().map((row) => deepFreeze(toStored(row))) };
    return [...listed.slos];
  };
  const written = <A extends unknown[], R>(write: (...args: A) => R) => (...args: A): R => {
    try {
      return write(...args);
    } finally {
      known = undefined;
    }
  };

  const selectAlertSettings = db.prepare<[], { id: string; enabled: number; threshold: number; updated_at: string; updated_by: string }>('SELECT * FROM mesh_alert_settings ORDER BY id');
  const upsertAlertSetting = db.prepare(
    'INSERT INTO mesh_alert_settings (id, enabled, threshold, updated_at, updated_by) VALUES (@id, @enabled, @threshold, @at, @actor) ' +
      'ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, threshold = excluded.threshold, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
  );
  const alertSettings = (): StoredMeshAlertSetting[] =>
    selectAlertSettings.all().flatMap((r) => {
      // A row of an alert this version no longer knows is left alone, not served.
      const id = meshAlertIdSchema.safeParse(r.id);
      return id.success ? [{ id: id.data, enabled: r.enabled === 1, threshold: r.threshold, updatedAt: r.updated_at, updatedBy: r.updated_by }] : [];
    });
  const putAlertSettingsTx = db.transaction((settings: readonly MeshAlertSetting[], actor: string) => {
    const at = now().toISOString();
    for (const x of settings) upsertAlertSetting.run({ id: x.id, enabled: x.enabled ? 1 : 0, threshold: x.threshold, at, actor });
    return alertSettings();
  });

  const json = (spec: SloSpec | null) => (spec === null ? null : JSON.stringify(spec));
  const current = (name: string) => {
    const row = selectOne.get(name);
    return row ? toStored(row) : undefined;
  };
  const checkVersion = (found: StoredSlo, expected: number | undefined) => {
    if (expected !== undefined && expected !== found.version) throw new VersionConflictError(found, expected);
  };

  function insert(spec: SloSpec, actor: string, action: HistoryAction): StoredSlo {
    if (selectOne.get(spec.name)) throw new SloExistsError(spec.name);
    // A re-created name continues its old numbering, so a stale If-Match from before the delete cannot match.
    const version = (lastVersion.get(spec.name)?.v ?? 0) + 1;
    const at = now().toISOString();
    insertSlo.run({ name: spec.name, spec: json(spec), version, at, actor });
    insertHistory.run({ name: spec.name, version, action, actor, at, before: null, after: json(spec) });
    return { spec, version, createdAt: at, createdBy: actor, updatedAt: at, updatedBy: actor };
  }

  const createTx = db.transaction((spec: SloSpec, actor: string) => insert(spec, actor, 'create'));
  const importTx = db.transaction((specs: readonly SloSpec[], actor: string) => specs.map((s) => insert(s, actor, 'import')));
  const updateTx = db.transaction((name: string, spec: SloSpec, actor: string, expected: number | undefined) => {
    const found = current(name);
    if (!found) throw new SloNotFoundError(name);
    checkVersion(found, expected);
    const version = found.version + 1;
    const at = now().toISOString();
    updateSlo.run({ name, spec: json(spec), version, at, actor });
    insertHistory.run({ name, version, action: 'update', actor, at, before: json(found.spec), after: json(spec) });
    return { ...found, spec, version, updatedAt: at, updatedBy: actor };
  });
  // Reads the row as stored, not through the schema: an SLO whose spec no longer validates can still go.
  const deleteTx = db.transaction((name: string, actor: string, expected: number | undefined) => {
    const row = selectOne.get(name);
    if (!row) throw new SloNotFoundError(name);
    // Only a conflict reads the spec: the error carries the SLO as it stands.
    if (expected !== undefined && expected !== row.version) throw new VersionConflictError(toStored(row), expected);
    deleteSlo.run(name);
    insertHistory.run({ name, version: row.version, action: 'delete', actor, at: now().toISOString(), before: row.spec, after: null });
  });

  return {
    list,
    get: current,
    // IMMEDIATE takes the write lock up front: two writers never both read and then collide on commit.
    create: written((spec: SloSpec, actor: string) => createTx.immediate(spec, actor)),
    importMany: written((specs: readonly SloSpec[], actor: string) => importTx.immediate(specs, actor)),
    update: written((name: string, spec: SloSpec, actor: string, expected?: number) => updateTx.immediate(name, spec, actor, expected)),
    delete: written((name: string, actor: string, expected?: number) => deleteTx.immediate(name, actor, expected)),
    history: (name) => selectHistory.all(name).map(toHistoryEntry),
    meshAlertSettings: alertSettings,
    putMeshAlertSettings: (settings, actor) => putAlertSettingsTx.immediate(settings, actor),
    revision,
    close: () => db.close(),
  };
}
