import type Database from 'better-sqlite3';
import { isUsableText, replaceUnusable } from '@/lib/label-text';

// Migration 2: the spec schema now refuses control characters, line separators and U+FFFD in service,
// namespace and team (and controls other than tab and newline in description), which used to be stored
// and broke the rules bundle. Rows are read back through the schema (rows.ts), so old rows are
// rewritten in place: those characters removed from names (a name left empty becomes "unnamed"),
// turned into spaces in descriptions. SQLite's replace() cannot match NUL, hence JavaScript.

function cleanName(value: unknown): unknown {
  if (typeof value !== 'string' || isUsableText(value)) return value;
  const kept = replaceUnusable(value, () => '');
  return kept.trim() === '' ? 'unnamed' : kept;
}

function cleanDescription(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return replaceUnusable(value, (c) => (c === '\n' || c === '\t' ? c : ' '));
}

/** The spec JSON with its names and description cleaned; the same text when nothing changed. */
export function cleanSpecJson(json: string): string {
  const spec = JSON.parse(json) as Record<string, unknown>;
  if (typeof spec !== 'object' || spec === null) return json;
  const cleaned: Record<string, unknown> = { ...spec, service: cleanName(spec.service), namespace: cleanName(spec.namespace), team: cleanName(spec.team) };
  if ('description' in spec) cleaned.description = cleanDescription(spec.description);
  const out = JSON.stringify(cleaned);
  return out === JSON.stringify(spec) ? json : out;
}

export function cleanStoredLabelText(db: Database.Database): void {
  const rewrite = (table: string, key: string, column: string) => {
    const rows = db.prepare(`SELECT ${key} AS k, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all() as Array<{ k: string | number; v: string }>;
    const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
    for (const { k, v } of rows) {
      const cleaned = cleanSpecJson(v);
      if (cleaned !== v) update.run(cleaned, k);
    }
  };
  rewrite('slos', 'name', 'spec');
  rewrite('slo_history', 'id', 'before');
  rewrite('slo_history', 'id', 'after');
}
