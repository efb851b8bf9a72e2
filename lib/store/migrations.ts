import 'server-only';
import type Database from 'better-sqlite3';
import { cleanStoredLabelText } from './migration-label-text';

// Schema migrations, applied in order at start-up. Append only: a released migration never changes.

export interface Migration {
  version: number;
  name: string;
  /** Schema changes. */
  sql?: string;
  /** Data rewrites SQL cannot express; runs after `sql`, in the same transaction. */
  run?: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'slos and their history',
    sql: `
      CREATE TABLE slos (
        name TEXT PRIMARY KEY,
        spec TEXT NOT NULL CHECK (json_valid(spec)),
        version INTEGER NOT NULL CHECK (version >= 1),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      -- No foreign key to slos: the history of a deleted SLO is kept.
      CREATE TABLE slo_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        slo_name TEXT NOT NULL,
        version INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'import')),
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        before TEXT CHECK (before IS NULL OR json_valid(before)),
        after TEXT CHECK (after IS NULL OR json_valid(after))
      ) STRICT;
      CREATE INDEX slo_history_by_name ON slo_history (slo_name, id);
    `,
  },
  { version: 2, name: 'no control characters in service, namespace, team or description', run: cleanStoredLabelText },
  {
    // A new table only: no SLO row is read or rewritten.
    version: 3,
    name: 'maintenance windows',
    sql: `
      CREATE TABLE maintenance_windows (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        namespace TEXT NOT NULL,
        service TEXT,
        start_s INTEGER NOT NULL,
        end_s INTEGER NOT NULL CHECK (end_s > start_s),
        reason TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        silence_state TEXT NOT NULL CHECK (silence_state IN ('active', 'pending', 'failed', 'ended', 'unconfigured')),
        silence_id TEXT,
        silence_error TEXT
      ) STRICT;
      CREATE INDEX maintenance_windows_by_time ON maintenance_windows (end_s, start_s);
    `,
  },
  {
    version: 4,
    name: 'mesh-health alert settings',
    // A new table only: the SLO tables are untouched. An alert without a row takes its defaults.
    sql: `
      CREATE TABLE mesh_alert_settings (
        id TEXT PRIMARY KEY,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        threshold REAL NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
    `,
  },
];

/** Applies pending migrations in one immediate transaction, so two processes cannot race. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL
  ) STRICT`);
  const run = db.transaction(() => {
    const rows = db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>;
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) {
      throw new Error(`The SLO database is at schema version ${newest}, newer than this Meshwatch (${known}); upgrade Meshwatch`);
    }
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      if (m.sql) db.exec(m.sql);
      m.run?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      done.push(m.version);
    }
    return done;
  });
  return run.immediate();
}
