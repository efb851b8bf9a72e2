import { describe, expect, it } from 'vitest';
import { parsePairs, type PairsShape } from './env-pairs';

// A shape of its own (not teams' or regions'), so these cases pin the parser, not either variable.
const LOWER = /^[a-z]+$/;
const shape: PairsShape = { key: 'host', value: 'rack', validKey: (n) => LOWER.test(n), validValue: (n) => LOWER.test(n) };

describe('parsePairs', () => {
  it.each([
    [undefined, {}],
    ['', {}],
    [' , ,', {}],
    ['a=x', { a: 'x' }],
    [' a = x , b=x, ', { a: 'x', b: 'x' }],
    // Own keys only: names that are also Object.prototype members are names like any other.
    ['constructor=x,tostring=y', { constructor: 'x', tostring: 'y' }],
  ])('%j -> %j', (text, expected) => {
    expect(parsePairs(text, shape)).toEqual(expected);
  });

  it.each([
    ['A=x', 'invalid host "A" (expected host=rack pairs)'],
    ['=x', 'invalid host "" (expected host=rack pairs)'],
    ['a', 'host a needs one rack name (host=rack)'],
    ['a=', 'host a needs one rack name (host=rack)'],
    ['a=x=y', 'host a needs one rack name (host=rack)'],
    ['a=X', 'host a needs one rack name (host=rack)'],
    ['a=x,a=y', 'host a is mapped twice'],
    ['constructor=x,constructor=y', 'host constructor is mapped twice'],
  ])('%j is refused: %s', (text, problem) => {
    expect(parsePairs(text, shape)).toBe(problem);
  });

  it('adds the value hint to the "needs one" problem', () => {
    expect(parsePairs('a=1', { ...shape, valueHint: 'lowercase letters' })).toBe('host a needs one rack name (host=rack, lowercase letters)');
  });
});
