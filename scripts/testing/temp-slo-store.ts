// A test file's own SLO store: a fresh SQLite file in a temporary directory holding the file's SLOs,
// set as the app's store before its tests and closed and removed after them, so route handlers read
// exactly these SLOs and no test sees another file's.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { SloSpec } from '@/lib/slo/spec';
import { openMaintenanceStore, openSqliteStore, setMaintenanceStore, setSloStore } from '@/lib/store';

/**
 * Registers beforeAll/afterAll hooks (in a describe: for its tests); `name` names the temporary directory
 * (`meshwatch-<name>-`). `maintenance`: an empty maintenance store in the same file is set too, as the app
 * keeps both (tests add their windows through getMaintenanceStore()).
 */
export function withTempSloStore(name: string, specs: readonly SloSpec[], options: { maintenance?: boolean } = {}): void {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), `meshwatch-${name}-`));
    const store = openSqliteStore(path.join(dir, 'slos.db'));
    for (const spec of specs) store.create(spec, 'int-test');
    setSloStore(store);
    if (options.maintenance) setMaintenanceStore(openMaintenanceStore(path.join(dir, 'slos.db')));
  });
  afterAll(() => {
    setSloStore(undefined)?.close();
    if (options.maintenance) setMaintenanceStore(undefined)?.close();
    rmSync(dir, { recursive: true, force: true });
  });
}
