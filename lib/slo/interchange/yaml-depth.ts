// The yaml parser recurses once per nesting level. A few hundred levels overflow the stack, and when
// that happens inside V8's regular-expression compiler the whole process aborts ("RegExpCompiler
// Allocation failed"), a crash no try/catch sees. So nesting is bounded before parsing: SLO files
// (OpenSLO, Sloth, Meshwatch specs) nest fewer than ten levels. Pure.

/** Flow collections ([ {) open at once, block indentation columns, or compact entries on one line. */
export const MAX_YAML_DEPTH = 64;
const MAX_INDENT = 4 * MAX_YAML_DEPTH;

/** Why `text` nests too deeply to parse safely, or null. Over-counts inside block scalars and comments, never under. */
export function yamlNestingProblem(text: string): string | null {
  let flow = 0;
  let quote: '"' | "'" | null = null;
  let escaped = false;
  for (const ch of text) {
    if (quote) {
      if (escaped) escaped = false;
      else if (ch === '\\' && quote === '"') escaped = true;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') {
      if (++flow > MAX_YAML_DEPTH) return `nests more than ${MAX_YAML_DEPTH} levels of [ or {`;
    } else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
  }
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (indent > MAX_INDENT) return `is indented more than ${MAX_INDENT} columns`;
    // `- - - x` nests a sequence per dash on one line.
    let compact = 0;
    for (let i = indent; i + 1 < line.length && (line[i] === '-' || line[i] === '?' || line[i] === ':') && /\s/.test(line[i + 1] ?? ''); i += 2) {
      while (i + 2 < line.length && line[i + 2] === ' ') i++;
      if (++compact > MAX_YAML_DEPTH) return `nests more than ${MAX_YAML_DEPTH} entries on one line`;
    }
  }
  return null;
}
