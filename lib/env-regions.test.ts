import { describe, expect, it } from 'vitest';
import { hasRegions, parseRegions, regionOf } from './env-regions';

describe('parseRegions (MESHWATCH_REGIONS)', () => {
  it.each([
    [undefined, {}],
    ['', {}],
    ['prod-us-east=us-east,prod-eu-west=eu-west', { 'prod-us-east': 'us-east', 'prod-eu-west': 'eu-west' }],
    [' a = r1 , b=r1, ', { a: 'r1', b: 'r1' }],
    ['prod.eu-west-1=eu_west', { 'prod.eu-west-1': 'eu_west' }],
  ])('%j -> %j', (text, expected) => {
    expect(parseRegions(text)).toEqual(expected);
  });

  it.each([
    ['prod-us-east', 'needs one region'],
    ['prod-us-east=', 'needs one region'],
    ['Prod=us', 'invalid cluster "Prod"'],
    ['=us', 'invalid cluster ""'],
    ['a=b=c', 'needs one region'],
    ['a=us east', 'needs one region'],
    ['a=x,a=y', 'mapped twice'],
  ])('%j is refused (%s)', (text, problem) => {
    expect(parseRegions(text)).toEqual(expect.stringContaining(problem));
  });

  it('says the whole problem in the words of regions', () => {
    expect(parseRegions('a=us east')).toBe("cluster a needs one region name (cluster=region, lowercase letters, digits, '-', '.', '_')");
    expect(parseRegions('Prod=us')).toBe('invalid cluster "Prod" (expected cluster=region pairs)');
    expect(parseRegions('a=x,a=y')).toBe('cluster a is mapped twice');
  });
});

describe('regionOf', () => {
  const map = { 'prod-us-east': 'us-east', 'prod-eu-west': 'eu-west' };
  it.each([
    ['prod-us-east', 'us-east'],
    ['prod-eu-west', 'eu-west'],
    ['staging', 'staging'],
    ['', undefined],
    [undefined, undefined],
    ['constructor', 'constructor'],
  ])('%j -> %j', (cluster, region) => {
    expect(regionOf(cluster, map)).toBe(region);
  });

  it('knows whether regions are configured', () => {
    expect(hasRegions({})).toBe(false);
    expect(hasRegions(map)).toBe(true);
  });
});
