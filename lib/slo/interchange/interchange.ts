import { z } from 'zod';
import { indicatorSchema, policySchema, sloSpecSchema, type SloSpec } from '../spec';
import { tidy } from '../math';

// Shared pieces of the OpenSLO and Sloth converters. Pure.

/** One problem in an imported document, with where it is (`documents[0].spec.objectives`). */
export interface ImportProblem {
  path: string;
  message: string;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(readonly problems: ImportProblem[]) {
    super(`Cannot import: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

export interface Imported {
  specs: SloSpec[];
  /** Things that were dropped or defaulted, in plain words. */
  warnings: string[];
}

/** Annotations that carry Meshwatch's own fields through formats that have no place for them. */
export const ANNOTATION = {
  namespace: 'meshwatch.dev/namespace',
  team: 'meshwatch.dev/team',
  indicator: 'meshwatch.dev/indicator',
  policy: 'meshwatch.dev/policy',
} as const;

/** Used when a document names no namespace or team (both are required by the spec). */
export const DEFAULT_NAMESPACE = 'default';
export const DEFAULT_TEAM = 'unassigned';

export const recordSchema = z.record(z.string(), z.unknown());
export type UnknownRecord = z.infer<typeof recordSchema>;

export function asRecord(value: unknown): UnknownRecord | undefined {
  const parsed = recordSchema.safeParse(value);
  return parsed.success && !Array.isArray(value) ? parsed.data : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A lowercase [a-z0-9-] name from free text (`Requests Availability` -> `requests-availability`). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** Reads a JSON annotation through `schema`; a broken one is reported, not silently dropped. */
export function jsonAnnotation<S extends z.ZodType>(text: string | undefined, schema: S, path: string, problems: ImportProblem[]): z.output<S> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    problems.push({ path, message: parsed.error.issues.map((i) => i.message).join('; ') });
  } catch {
    problems.push({ path, message: 'is not valid JSON' });
  }
  return undefined;
}

export const indicatorAnnotationSchema = indicatorSchema;
export const policyAnnotationSchema = policySchema;

/** Validates a converted spec, reporting its field errors under `path`. */
export function finishSpec(candidate: unknown, path: string, problems: ImportProblem[]): SloSpec | undefined {
  const parsed = sloSpecSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) problems.push({ path: [path, ...issue.path].join('.'), message: issue.message });
  return undefined;
}

/** 0.999 -> 99.9 without float noise. */
export function fractionToPercent(fraction: number): number {
  return tidy(fraction * 100);
}
