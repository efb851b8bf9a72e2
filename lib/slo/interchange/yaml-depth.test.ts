import { describe, expect, it } from 'vitest';
import { importSlos } from './import';
import { ImportError } from './interchange';
import { MAX_YAML_DEPTH, yamlNestingProblem } from './yaml-depth';

const problemsOf = (text: string) => {
  try {
    importSlos(text, []);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as ImportError).problems;
  }
  return expect.fail('expected an ImportError');
};

describe('yamlNestingProblem', () => {
  it.each([
    ['flow sequences', (n: number) => '['.repeat(n) + ']'.repeat(n), 'nests more than 64 levels of [ or {'],
    ['flow maps', (n: number) => '{a: '.repeat(n) + '1' + '}'.repeat(n), 'nests more than 64 levels of [ or {'],
    ['compact sequences on one line', (n: number) => `${'- '.repeat(n)}x`, 'nests more than 64 entries on one line'],
    ['indentation', (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i * 4)}a:`).join('\n'), 'is indented more than 256 columns'],
  ])('allows %s up to the limit and refuses one more level', (shape, make, message) => {
    // Indented four columns a level, the 65th key sits at column 256, the last one allowed.
    const allowed = shape === 'indentation' ? 256 / 4 + 1 : MAX_YAML_DEPTH;
    expect(yamlNestingProblem(make(allowed))).toBeNull();
    expect(yamlNestingProblem(make(allowed + 1))).toBe(message);
  });

  it('ignores brackets inside quoted strings', () => {
    expect(yamlNestingProblem(`description: "${'['.repeat(100)}"\nq: '${'{'.repeat(100)}'`)).toBeNull();
  });
});

describe('importSlos on hostile YAML', () => {
  it('refuses deep nesting before the parser recurses (100,000 [ once aborted the process)', () => {
    expect(problemsOf('['.repeat(100_000))).toEqual([{ path: 'body', message: 'nests more than 64 levels of [ or {' }]);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const laughs = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n');
    expect(problemsOf(laughs)).toEqual([{ path: 'documents.0', message: 'Excessive alias count indicates a resource exhaustion attack' }]);
  });
});
