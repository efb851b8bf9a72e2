import { parseAllDocuments } from 'yaml';
import { fromOpenSlo } from './openslo-import';
import { fromSloth } from './sloth-import';
import { ImportError, asRecord, asString, finishSpec, type ImportProblem, type Imported, type UnknownRecord } from './interchange';
import type { SliSource } from '../sli-source';
import type { SloSpec } from '../spec';
import { yamlNestingProblem } from './yaml-depth';

// Import of SLO definitions from YAML or JSON (JSON is YAML): OpenSLO v1 (kind SLO, with kind SLI for
// indicatorRef), Sloth prometheus/v1, or Meshwatch's own spec. Several documents or a list of them
// may come at once; all must convert, or nothing is imported. Pure.

/** Generous for SLO files, small enough that a parse cannot hog the server. */
export const MAX_IMPORT_BYTES = 1_000_000;

/** Aliases expand on conversion; a few "billion laughs" lines would otherwise fill memory. */
const MAX_ALIAS_COUNT = 100;

function documents(text: string): unknown[] {
  const deep = yamlNestingProblem(text);
  if (deep) throw new ImportError([{ path: 'body', message: deep }]);
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text);
  } catch (err) {
    // Deeply nested input can exhaust the parser's stack; it is still the caller's bad input.
    throw new ImportError([{ path: 'body', message: `could not be parsed: ${err instanceof Error ? err.message : String(err)}` }]);
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const problems: ImportProblem[] = [];
  list.forEach((doc, i) => doc.errors.forEach((e) => problems.push({ path: `documents.${i}`, message: e.message.split('\n')[0] ?? e.message })));
  if (problems.length > 0) throw new ImportError(problems);
  return list.flatMap((doc, i) => {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      throw new ImportError([{ path: `documents.${i}`, message: err instanceof Error ? err.message : String(err) }]);
    }
    return Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  });
}

type Format = 'openslo' | 'openslo-sli' | 'sloth' | 'meshwatch' | 'ignored' | 'unknown';

function formatOf(doc: UnknownRecord): Format {
  const api = asString(doc.apiVersion);
  if (api === 'openslo/v1') return doc.kind === 'SLO' ? 'openslo' : doc.kind === 'SLI' ? 'openslo-sli' : 'ignored';
  if (doc.version === 'prometheus/v1') return 'sloth';
  if (api === undefined && doc.indicator !== undefined && doc.objective !== undefined) return 'meshwatch';
  return 'unknown';
}

/**
 * Converts every SLO in `text`; throws ImportError listing every problem. Sloth queries shaped like
 * the availability or latency queries of any of `sources` (the meshes) come back as those indicators.
 */
export function importSlos(text: string, sources: readonly SliSource[]): Imported {
  if (text.trim() === '') throw new ImportError([{ path: 'body', message: 'is empty' }]);
  const problems: ImportProblem[] = [];
  const warnings: string[] = [];
  const docs = documents(text).map((d, i) => ({ doc: asRecord(d), path: `documents.${i}` }));
  const slis = new Map<string, UnknownRecord>();
  for (const { doc } of docs) {
    const name = asString(asRecord(doc?.metadata)?.name);
    if (doc && formatOf(doc) === 'openslo-sli' && name) slis.set(name, doc);
  }
  const specs: SloSpec[] = [];
  for (const { doc, path } of docs) {
    if (!doc) {
      problems.push({ path, message: 'is not an object' });
      continue;
    }
    const format = formatOf(doc);
    if (format === 'openslo') {
      const spec = fromOpenSlo(doc, path, slis, problems, warnings);
      if (spec) specs.push(spec);
    } else if (format === 'sloth') specs.push(...fromSloth(doc, path, problems, warnings, sources));
    else if (format === 'meshwatch') {
      const spec = finishSpec(doc, path, problems);
      if (spec) specs.push(spec);
    } else if (format === 'ignored') warnings.push(`${path}: OpenSLO kind ${String(doc.kind)} is not used`);
    else if (format === 'unknown') {
      problems.push({ path, message: 'is neither an OpenSLO v1 SLO, a Sloth prometheus/v1 spec nor a Meshwatch SLO spec' });
    }
  }
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.name)) problems.push({ path: 'documents', message: `SLO ${spec.name} appears more than once` });
    seen.add(spec.name);
  }
  if (problems.length === 0 && specs.length === 0) problems.push({ path: 'documents', message: 'contain no SLO' });
  if (problems.length > 0) throw new ImportError(problems);
  return { specs, warnings };
}
