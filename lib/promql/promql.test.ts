import { describe, expect, it } from 'vitest';
import { escapeLabelValue, escapeRegex, isValidLabelName, labelMatcher, matchers } from './promql';

// PromQL's escapes for these characters coincide with JSON's, so JSON.parse is an independent unquoter.
const unquote = (matcher: string) => JSON.parse(matcher.slice(matcher.indexOf('"'))) as string;

describe('escapeLabelValue', () => {
  it.each([
    ['plain', 'checkout', 'checkout'],
    ['double quote', 'say "hi"', 'say \\"hi\\"'],
    ['backslash', 'C:\\path', 'C:\\\\path'],
    ['newline', 'a\nb', 'a\\nb'],
    ['carriage return and tab', 'a\r\tb', 'a\\r\\tb'],
    ['unicode, unchanged', 'café-🚀-日本', 'café-🚀-日本'],
    ['backslash before quote', '\\"', '\\\\\\"'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(escapeLabelValue(input)).toBe(expected);
  });
});

describe('labelMatcher', () => {
  it.each([
    'shop',
    'x"}',
    'x"} or vector(1) #',
    'x\\"} or on() vector(1)',
    'trailing backslash\\',
    'line1\nline2"}[5m]',
    'ünï©ødé "quoted" \\ back',
  ])('keeps %j inside one string literal', (value) => {
    const matcher = labelMatcher('namespace', '=', value);
    expect(matcher.startsWith('namespace="')).toBe(true);
    expect(unquote(matcher)).toBe(value);
  });

  it.each([
    ['=', 'a', 'l="a"'],
    ['!=', 'a', 'l!="a"'],
    ['=~', '5..|0', 'l=~"5..|0"'],
    ['!~', 'a\\.b', 'l!~"a\\\\.b"'],
  ] as const)('%s with a raw string', (op, value, expected) => {
    expect(labelMatcher('l', op, value)).toBe(expected);
  });

  it('escapes regex metacharacters of literals before string-escaping', () => {
    expect(labelMatcher('svc', '=~', { literal: 'a.b+c' })).toBe('svc=~"a\\\\.b\\\\+c"');
    expect(labelMatcher('svc', '=~', { literal: ['a|b', 'c'] })).toBe('svc=~"a\\\\|b|c"');
    expect(labelMatcher('svc', '=', { literal: 'a.b' })).toBe('svc="a.b"');
  });

  it('literal lists must be non-empty and only for regex operators', () => {
    expect(() => labelMatcher('svc', '=~', { literal: [] })).toThrow(/empty/);
    expect(() => labelMatcher('svc', '=', { literal: ['a', 'b'] })).toThrow(/single value/);
  });

  it.each(['', '1abc', 'a-b', 'a b', 'a"}', 'é', 'a{b'])('rejects label name %j', (name) => {
    expect(isValidLabelName(name)).toBe(false);
    expect(() => labelMatcher(name, '=', 'x')).toThrow(/invalid label name/);
  });

  it.each(['a', '_a', '__name__', 'A_1'])('accepts label name %j', (name) => {
    expect(isValidLabelName(name)).toBe(true);
  });
});

describe('escapeRegex', () => {
  it('makes every RE2 metacharacter literal', () => {
    const literal = '.+*?()|[]{}^$\\';
    const escaped = escapeRegex(literal);
    expect(escaped).toBe('\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$\\\\');
    // Anchored like Prometheus anchors regex matchers; JS regex agrees with RE2 on these escapes.
    expect(new RegExp(`^(?:${escaped})$`).test(literal)).toBe(true);
    expect(new RegExp(`^(?:${escapeRegex('a.c')})$`).test('abc')).toBe(false);
  });
});

describe('matchers', () => {
  it('joins entries, skipping undefined', () => {
    expect(
      matchers({ namespace: 'shop', service: undefined, code: ['=~', '5..'], pod: ['!=', { literal: 'x"y' }] }),
    ).toBe('{namespace="shop",code=~"5..",pod!="x\\"y"}');
  });

  it('gives an empty selector for no entries', () => {
    expect(matchers({})).toBe('{}');
  });

  it('rejects bad label names', () => {
    expect(() => matchers({ 'a"}': 'x' })).toThrow(/invalid label name/);
  });
});
