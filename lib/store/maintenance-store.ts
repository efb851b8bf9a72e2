import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MaintenanceInput, MaintenanceWindow, SilenceInfo } from '@/lib/maintenance/schema';
import { migrate } from './migrations';

// Maintenance windows in the same SQLite file as the SLOs (table of migration 3), through a connection
// of their own: the SLO store's contract stays as it is, and WAL lets both connections share the file.

export interface MaintenanceStore {
  /** Every window, the latest start first; with `overlapping`, only those overlapping [from, to). */
  list(overlapping?: { from: number; to: number }): MaintenanceWindow[];
  get(id: number): MaintenanceWindow | undefined;
  create(input: MaintenanceInput, actor: string, silence: SilenceInfo): MaintenanceWindow;
  setSilence(id: number, silence: SilenceInfo): MaintenanceWindow | undefined;
  /** True when a window was removed. */
  delete(id: number): boolean;
  close(): void;
}

interface Row {
  id: number;
  namespace: string;
  service: string | null;
  start_s: number;
  end_s: number;
  reason: string;
  created_by: string;
  created_at: string;
  silence_state: SilenceInfo['state'];
  silence_id: string | null;
  silence_error: string | null;
}

function toWindow(r: Row): MaintenanceWindow {
  return {
    id: r.id,
    scope: r.service === null ? { namespace: r.namespace } : { namespace: r.namespace, service: r.service },
    start: r.start_s,
    end: r.end_s,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
    silence: { state: r.silence_state, id: r.silence_id, error: r.silence_error },
  };
}

/** Opens (and migrates) the store at `file`; `now` fixes createdAt in tests. */
export function openMaintenanceStore(file: string, { now = () => new Date() }: { now?: () => Date } = {}): MaintenanceStore {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db);
  const all = db.prepare<[], Row>('SELECT * FROM maintenance_windows ORDER BY start_s DESC, id DESC');
  const between = db.prepare<[number, number], Row>('SELECT * FROM maintenance_windows WHERE start_s < ? AND end_s > ? ORDER BY start_s DESC, id DESC');
  const one = db.prepare<[number], Row>('SELECT * FROM maintenance_windows WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO maintenance_windows (namespace, service, start_s, end_s, reason, created_by, created_at, silence_state, silence_id, silence_error)
     VALUES (@namespace, @service, @start, @end, @reason, @actor, @at, @state, @silenceId, @error)`,
  );
  const update = db.prepare('UPDATE maintenance_windows SET silence_state = @state, silence_id = @silenceId, silence_error = @error WHERE id = @id');
  const remove = db.prepare('DELETE FROM maintenance_windows WHERE id = ?');
  const get = (id: number) => {
    const row = one.get(id);
    return row ? toWindow(row) : undefined;
  };
  return {
    list: (range) => (range ? between.all(range.to, range.from) : all.all()).map(toWindow),
    get,
    create(input, actor, silence) {
      const { lastInsertRowid } = insert.run({
        namespace: input.scope.namespace,
        service: input.scope.service ?? null,
        start: input.start,
        end: input.end,
        reason: input.reason,
        actor,
        at: now().toISOString(),
        state: silence.state,
        silenceId: silence.id,
        error: silence.error,
      });
      const created = get(Number(lastInsertRowid));
      if (!created) throw new Error('maintenance window vanished after insert');
      return created;
    },
    setSilence(id, silence) {
      update.run({ id, state: silence.state, silenceId: silence.id, error: silence.error });
      return get(id);
    },
    delete: (id) => remove.run(id).changes > 0,
    close: () => db.close(),
  };
}
