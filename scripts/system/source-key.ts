// A short hash of the simulator's source: stored history made by other code is regenerated.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SIMULATOR_DIR = path.resolve(__dirname, '../simulator');

export function simulatorSourceKey(extra = ''): string {
  const hash = createHash('sha256').update(extra);
  const files = readdirSync(SIMULATOR_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  for (const f of files) hash.update(f).update(readFileSync(path.join(SIMULATOR_DIR, f)));
  return hash.digest('hex').slice(0, 16);
}
