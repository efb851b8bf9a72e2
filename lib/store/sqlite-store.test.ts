import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sloSpecSchema, type SloSpec } from '@/lib/slo';
import { MIGRATIONS, migrate } from './migrations';
import { openSqliteStore, REVISION_REUSE_MS } from './sqlite-store';
import { ApiError } from '@/lib/api/api-error';
import { SloExistsError, SloNotFoundError, VersionConflictError, type SloStore } from './types';

const spec = (name: string, objective = 99.9): SloSpec =>
  sloSpecSchema.parse({ name, service: 'cart', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective, window: '30d' });

let dir: string;
let file: string;
let store: SloStore;
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 9, 1, 12, 0, tick++));

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-store-'));
  // A directory that does not exist yet: the store creates it.
  file = path.join(dir, 'nested', 'meshwatch.db');
  tick = 0;
  store = openSqliteStore(file, { now: clock });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite SLO store', () => {
  it('names a stored SLO the schema cannot read (500, not the caller\'s 422), and can still delete it', () => {
    store.create(spec('good'), 'alice');
    store.create(spec('old'), 'alice');
    // A row written by a version whose schema was looser (or edited by hand): its objective is out of range now.
    const raw = new Database(file);
    raw.prepare('UPDATE slos SET spec = json_set(spec, \'$.objective\', 120) WHERE name = ?').run('old');
    raw.close();
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let thrown: unknown;
    try {
      store.list();
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 500, code: 'stored_slo_unreadable', details: { name: 'old' } });
    expect((thrown as Error).message).toContain('"old"');
    // Deleting reads no spec: the way out.
    store.delete('old', 'alice');
    expect(store.list().map((s) => s.spec.name)).toEqual(['good']);
    errorLog.mockRestore();
  });

  it('has a revision that every write changes, reads do not, another process\'s writes do, and another store does not share', async () => {
    const seen = [store.revision()];
    store.create(spec('a'), 'alice');
    seen.push(store.revision());
    store.list();
    store.get('a');
    expect(store.revision()).toBe(seen[1]);
    store.update('a', spec('a', 99.5), 'bob');
    seen.push(store.revision());
    store.importMany([spec('b'), spec('c')], 'carol');
    seen.push(store.revision());
    store.delete('b', 'carol');
    seen.push(store.revision());
    // A failed write (the name is taken) changes nothing.
    expect(() => store.create(spec('a'), 'alice')).toThrow(SloExistsError);
    expect(store.revision()).toBe(seen.at(-1));
    // Another connection to the same file (another process, say) writes: this store sees it once its
    // last reading is older than REVISION_REUSE_MS, and lists the new SLO with it.
    const other = openSqliteStore(file, { now: clock });
    other.create(spec('d'), 'dave');
    await new Promise((resolve) => setTimeout(resolve, REVISION_REUSE_MS + 5));
    seen.push(store.revision());
    expect(store.list().map((s) => s.spec.name)).toEqual(['a', 'c', 'd']);
    expect(new Set(seen).size).toBe(seen.length);
    // Two stores never share a revision, even over the same rows.
    expect(other.revision()).not.toBe(store.revision());
    other.close();
  });

  it('lists its own writes at once, and hands out frozen SLOs that a caller cannot change for the next', () => {
    store.create(spec('a'), 'alice');
    const first = store.list();
    expect(first.map((s) => s.spec.name)).toEqual(['a']);
    expect(() => {
      (first[0] as { version: number }).version = 7;
    }).toThrow(TypeError);
    first.pop();
    expect(store.list()).toHaveLength(1);
    store.update('a', spec('a', 99.5), 'bob');
    expect(store.list().map((s) => [s.spec.name, s.version])).toEqual([['a', 2]]);
    store.delete('a', 'bob');
    expect(store.list()).toEqual([]);
  });

  it('creates, reads, updates and deletes with versions and a full history', () => {
    expect(store.create(spec('a'), 'alice')).toMatchObject({ version: 1, createdBy: 'alice', createdAt: '2026-10-01T12:00:00.000Z' });
    expect(store.update('a', spec('a', 99.5), 'bob', 1)).toMatchObject({ version: 2, createdBy: 'alice', updatedBy: 'bob' });
    expect(store.get('a')?.spec.objective).toBe(99.5);
    expect(store.list().map((s) => s.spec.name)).toEqual(['a']);
    store.delete('a', 'carol', 2);
    expect(store.get('a')).toBeUndefined();
    const history = store.history('a');
    expect(history.map((h) => [h.action, h.version, h.actor])).toEqual([
      ['delete', 2, 'carol'],
      ['update', 2, 'bob'],
      ['create', 1, 'alice'],
    ]);
    expect(history[1]?.before?.objective).toBe(99.9);
    expect(history[1]?.after?.objective).toBe(99.5);
    expect(history[0]?.after).toBeNull();
  });

  it('refuses stale versions, taken names and unknown SLOs', () => {
    store.create(spec('a'), 'alice');
    store.update('a', spec('a', 99), 'bob', 1);
    const stale = () => store.update('a', spec('a', 98), 'carol', 1);
    expect(stale).toThrow(VersionConflictError);
    try {
      stale();
    } catch (err) {
      expect((err as VersionConflictError).details).toMatchObject({ currentVersion: 2, current: { objective: 99 } });
    }
    expect(() => store.delete('a', 'carol', 1)).toThrow(VersionConflictError);
    expect(() => store.create(spec('a'), 'dave')).toThrow(SloExistsError);
    expect(() => store.update('nope', spec('nope'), 'dave')).toThrow(SloNotFoundError);
    expect(() => store.delete('nope', 'dave')).toThrow(SloNotFoundError);
    expect(store.get('a')?.version).toBe(2);
    expect(store.history('a')).toHaveLength(2);
  });

  it('continues the numbering when a deleted name is created again', () => {
    store.create(spec('a'), 'alice');
    store.update('a', spec('a', 99), 'alice');
    store.delete('a', 'alice');
    expect(store.create(spec('a'), 'bob').version).toBe(3);
  });

  it('imports all or nothing', () => {
    store.create(spec('b'), 'alice');
    expect(() => store.importMany([spec('a'), spec('b'), spec('c')], 'bob')).toThrow(SloExistsError);
    expect(store.list().map((s) => s.spec.name)).toEqual(['b']);
    expect(store.history('a')).toEqual([]);
    expect(store.importMany([spec('a'), spec('c')], 'bob').map((s) => s.version)).toEqual([1, 1]);
    expect(store.history('c')[0]).toMatchObject({ action: 'import', actor: 'bob' });
  });

  it('keeps everything across a reopen, in WAL mode with full sync, migrated once', () => {
    store.create(spec('a'), 'alice');
    store.close();
    store = openSqliteStore(file, { now: clock });
    expect(store.get('a')?.spec).toEqual(spec('a'));
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const rows = db.prepare('SELECT version, name FROM schema_migrations').all();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    } finally {
      db.close();
    }
  });

  it('loses nothing when a write fails half way: the spec and its history row commit together', () => {
    store.create(spec('a'), 'alice');
    const db = new Database(file);
    // Make the history insert fail after the spec update has run inside the same transaction.
    db.exec("CREATE TRIGGER fail_history BEFORE INSERT ON slo_history WHEN NEW.action = 'update' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    expect(() => store.update('a', spec('a', 95), 'bob', 1)).toThrow(/disk on fire/);
    db.exec('DROP TRIGGER fail_history');
    db.close();
    expect(store.get('a')).toMatchObject({ version: 1, spec: { objective: 99.9 } });
    expect(store.history('a')).toHaveLength(1);
  });

  it('refuses a database from a newer Meshwatch', () => {
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run();
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/schema version 999, newer than this Meshwatch/);
  });
});

describe('migration 2: control characters in stored names', () => {
  it('rewrites rows the tightened schema could not read, in specs and history', () => {
    store.close();
    const legacy = path.join(dir, 'legacy.db');
    const db = new Database(legacy);
    migrate(db, MIGRATIONS.slice(0, 1));
    // As an older Meshwatch stored them: JSON escapes for a newline, NUL, U+2028 and U+FFFD.
    const old = '{"name":"odd","service":"ca\\u0000rt","namespace":"shop\\u2028","team":"a\\nb","description":"line\\nbreak\\u0007","indicator":{"type":"availability"},"objective":99.9,"window":"30d"}';
    db.prepare("INSERT INTO slos VALUES ('odd', ?, 1, 'x', 'alice', 'x', 'alice')").run(old);
    db.prepare("INSERT INTO slo_history (slo_name, version, action, actor, at, before, after) VALUES ('odd', 1, 'create', 'alice', 'x', NULL, ?)").run(old);
    db.prepare("INSERT INTO slos VALUES ('empty', ?, 1, 'x', 'alice', 'x', 'alice')").run(old.replace('"odd"', '"empty"').replace('"ca\\u0000rt"', '"\\ufffd"'));
    db.close();
    store = openSqliteStore(legacy, { now: clock });
    expect(store.get('odd')?.spec).toMatchObject({ service: 'cart', namespace: 'shop', team: 'ab', description: 'line\nbreak ' });
    expect(store.history('odd')[0]?.after).toMatchObject({ service: 'cart', team: 'ab' });
    expect(store.get('empty')?.spec.service).toBe('unnamed');
  });
});

describe('migration 4: mesh-health alert settings', () => {
  it('adds the settings table to a store at version 3, every stored SLO and its history kept', () => {
    store.close();
    const older = path.join(dir, 'v2.db');
    const db = new Database(older);
    migrate(db, MIGRATIONS.slice(0, 3));
    db.close();
    store = openSqliteStore(older, { now: clock });
    store.create(spec('a'), 'alice');
    store.update('a', spec('a', 99.5), 'bob', 1);
    store.close();
    // The same file at version 2 again, SLOs in it, then opened by this version.
    const again = new Database(older);
    again.exec('DROP TABLE mesh_alert_settings');
    again.prepare('DELETE FROM schema_migrations WHERE version = 4').run();
    again.close();
    store = openSqliteStore(older, { now: clock });
    expect(store.list().map((s) => [s.spec.name, s.spec.objective, s.version])).toEqual([['a', 99.5, 2]]);
    expect(store.history('a')).toHaveLength(2);
    expect(store.meshAlertSettings()).toEqual([]);
  });

  it('saves settings, updates them in place and keeps the others', () => {
    store.putMeshAlertSettings([{ id: 'ca-cert-ticket', enabled: true, threshold: 14 }], 'alice');
    const saved = store.putMeshAlertSettings([{ id: 'proxy-restarts', enabled: false, threshold: 5 }, { id: 'ca-cert-ticket', enabled: true, threshold: 10 }], 'bob');
    expect(saved.map((s) => [s.id, s.enabled, s.threshold, s.updatedBy])).toEqual([
      ['ca-cert-ticket', true, 10, 'bob'],
      ['proxy-restarts', false, 5, 'bob'],
    ]);
    store.close();
    store = openSqliteStore(file, { now: clock });
    expect(store.meshAlertSettings()).toHaveLength(2);
  });
});
