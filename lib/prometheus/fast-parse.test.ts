import { describe, expect, it } from 'vitest';
import { fastInstantData, fastRangeData } from './fast-parse';
import { instantDataSchema, rangeDataSchema } from './query-schemas';

const vector = {
  resultType: 'vector',
  result: [
    { metric: { job: 'a', le: '+Inf' }, value: [1_435_781_451.781, '1.5e3'] },
    { metric: {}, value: [1_435_781_451, 'NaN'] },
    { metric: { x: 'y' }, value: [1_435_781_451, '-Inf'] },
  ],
};
const matrix = {
  resultType: 'matrix',
  result: [
    { metric: { job: 'a' }, values: [[1_700_000_000, '1'], [1_700_000_015.5, '+Inf']] },
    { metric: { job: 'b' }, values: [] },
  ],
};
const scalar = { resultType: 'scalar', result: [1_700_000_000, '0.25'] };

describe('fast parse', () => {
  it('gives exactly what the schemas give for vectors, scalars and matrices', () => {
    for (const data of [vector, matrix, scalar]) expect(fastInstantData(data)).toEqual(instantDataSchema.parse(data));
    expect(fastRangeData(matrix)).toEqual(rangeDataSchema.parse(matrix));
  });

  it('normalises seconds to ms and strings to numbers, NaN and infinities included', () => {
    expect(fastInstantData(vector)).toEqual({
      resultType: 'vector',
      samples: [
        { labels: { job: 'a', le: '+Inf' }, timeMs: 1_435_781_451_781, value: 1500 },
        { labels: {}, timeMs: 1_435_781_451_000, value: Number.NaN },
        { labels: { x: 'y' }, timeMs: 1_435_781_451_000, value: Number.NEGATIVE_INFINITY },
      ],
    });
  });

  it.each([
    ['a value that is no number', { resultType: 'vector', result: [{ metric: {}, value: [1, '0x1F'] }] }],
    ['a label that is no string', { resultType: 'vector', result: [{ metric: { a: 1 }, value: [1, '1'] }] }],
    ['a native histogram sample', { resultType: 'vector', result: [{ metric: {}, histogram: [1, {}] }] }],
    ['an infinite timestamp', { resultType: 'matrix', result: [{ metric: {}, values: [[Infinity, '1']] }] }],
    ['a point of three', { resultType: 'matrix', result: [{ metric: {}, values: [[1, '1', '2']] }] }],
    ['a string result', { resultType: 'string', result: [1, 'text'] }],
    ['no data', null],
  ])('leaves %s to the schema', (_what, data) => {
    expect(fastInstantData(data)).toBeUndefined();
  });

  it('leaves a vector to the schema when a range was asked for', () => {
    expect(fastRangeData(vector)).toBeUndefined();
  });
});
