import 'server-only';
import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { getSloStore, SloNotFoundError, type StoredSlo } from '@/lib/store';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';

// Request and response helpers of the /api/slos routes, so each handler stays a few lines.

// Bodies are read by lib/api/body.ts (media type, size limit); re-exported for the routes that read them here.
export { readJson } from '@/lib/api/body';

/** 422 with messages per dotted field path (`indicator.thresholdMs`), for the form to show in place. */
export function validationError(error: z.ZodError, subject = 'SLO'): ApiError {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    if (issue.path.length === 0) formErrors.push(issue.message);
    else (fieldErrors[issue.path.join('.')] ??= []).push(issue.message);
  }
  const summary = error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
  return new ApiError(422, 'validation_failed', `Invalid ${subject}: ${summary}`, { fieldErrors, formErrors });
}

/** Validates a spec; `name` from the URL fills a missing one and must match a given one. */
export function parseSpec(body: unknown, name?: string): SloSpec {
  const input = name !== undefined && typeof body === 'object' && body !== null && !('name' in body) ? { ...body, name } : body;
  const parsed = sloSpecSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  if (name !== undefined && parsed.data.name !== name) {
    throw validationError(new z.ZodError([{ code: 'custom', path: ['name'], message: `must be ${name}: SLOs cannot be renamed`, input: parsed.data.name }]));
  }
  return parsed.data;
}

/** Strong ETag of a version. */
export const etag = (version: number) => `"${version}"`;

/**
 * The version an If-Match header requires: `"3"`, `W/"3"` or `3`; undefined without the header or
 * with `*`, which leave the write unconditional (DESIGN.md's API has no If-Match; automation may omit it).
 */
export function ifMatchVersion(request: Request): number | undefined {
  const header = request.headers.get('if-match');
  if (header === null || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match) throw new ApiError(400, 'invalid_if_match', 'If-Match must be the ETag of the SLO, e.g. "3"');
  return Number(match[1]);
}

export function storedOr404(name: string): StoredSlo {
  const found = getSloStore().get(name);
  if (!found) throw new SloNotFoundError(name);
  return found;
}

/** A spec with its ETag. */
export function specResponse(stored: StoredSlo, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(stored.spec, { status: init.status ?? 200, headers: { etag: etag(stored.version), 'cache-control': 'no-store', ...init.headers } });
}

/** YAML text for rule files and exports (RFC 9512 media type). */
export function yamlResponse(text: string, filename: string): Response {
  return fileResponse(text, filename, 'application/yaml');
}

/** A plain-text file (e.g. Alertmanager's Go templates) to show or download. */
export function textResponse(text: string, filename: string): Response {
  return fileResponse(text, filename, 'text/plain');
}

function fileResponse(text: string, filename: string, type: string): Response {
  return new Response(text, {
    headers: {
      'content-type': `${type}; charset=utf-8`,
      'content-disposition': `inline; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}
