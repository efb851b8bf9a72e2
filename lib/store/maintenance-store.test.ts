import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sloSpecSchema } from '@/lib/slo';
import { openMaintenanceStore } from './maintenance-store';
import { MIGRATIONS, migrate } from './migrations';
import { openSqliteStore } from './sqlite-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-maintenance-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const input = { scope: { namespace: 'shop', service: 'catalog' }, start: 1000, end: 2000, reason: 'upgrade' };
const pending = { state: 'pending' as const, id: null, error: 'not sent yet' };

describe('maintenance store', () => {
  it('creates, lists (latest start first, or those overlapping a range), updates the silence and deletes', () => {
    const store = openMaintenanceStore(path.join(dir, 'm.db'), { now: () => new Date(Date.UTC(2026, 9, 1)) });
    const a = store.create(input, 'alice', pending);
    const b = store.create({ ...input, scope: { namespace: 'payments' }, start: 3000, end: 4000 }, 'bob', { state: 'ended', id: null, error: null });
    expect(a).toEqual({ id: a.id, ...input, createdBy: 'alice', createdAt: '2026-10-01T00:00:00.000Z', silence: pending });
    expect(b.scope).toEqual({ namespace: 'payments' });
    expect(store.list().map((w) => w.id)).toEqual([b.id, a.id]);
    expect(store.list({ from: 1999, to: 3000 }).map((w) => w.id)).toEqual([a.id]);
    expect(store.list({ from: 2000, to: 3000 })).toEqual([]);
    expect(store.setSilence(a.id, { state: 'active', id: 'abc', error: null })?.silence).toEqual({ state: 'active', id: 'abc', error: null });
    expect(store.delete(a.id)).toBe(true);
    expect(store.delete(a.id)).toBe(false);
    expect(store.get(a.id)).toBeUndefined();
    store.close();
  });

  it('migration 3 adds the table to a database of SLOs and loses none of them', () => {
    const file = path.join(dir, 'old.db');
    const db = new Database(file);
    migrate(db, MIGRATIONS.filter((m) => m.version < 3));
    db.close();
    const slos = openSqliteStore(file);
    const spec = sloSpecSchema.parse({ name: 'cart', service: 'cart', namespace: 'shop', team: 't', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });
    slos.create(spec, 'alice');
    slos.close();
    // The SLO store opened it at the newest schema already; take migration 3 back out to see it run on data.
    const raw = new Database(file);
    raw.exec("DROP TABLE maintenance_windows; DELETE FROM schema_migrations WHERE version = 3");
    raw.close();
    const store = openMaintenanceStore(file);
    store.create(input, 'alice', pending);
    store.close();
    const reopened = openSqliteStore(file);
    expect(reopened.get('cart')?.spec).toEqual(spec);
    expect(reopened.history('cart')).toHaveLength(1);
    reopened.close();
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM schema_migrations WHERE version = 3').get()).toEqual({ n: 1 });
    check.close();
  });
});
