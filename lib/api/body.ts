import 'server-only';
import { ApiError } from './errors';

// Request bodies: only the media types a cross-site HTML form cannot send (text/plain, form-urlencoded
// and multipart are sent without a CORS preflight, so accepting them lets any page post in a signed-in
// user's name), read as a stream that stops at a limit, so a huge or endless body costs no memory.

/** SLO specs and import files are small; a megabyte is generous. */
export const MAX_BODY_BYTES = 1_000_000;

export const JSON_TYPES = ['application/json'] as const;
/** RFC 9512 names application/yaml; the older names are still common and equally need a preflight. */
export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'] as const;

/** The media type without parameters, lower case; '' when absent. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'too_large', `The body exceeds ${limit} bytes`, { limit });
}

/** 415 unless the body is one of `types` (a `+json` suffix counts as JSON). */
export function requireMediaType(request: Request, types: readonly string[]): void {
  const type = mediaType(request);
  const json = types.includes('application/json') && /^application\/[a-z0-9.+-]+\+json$/.test(type);
  if (!types.includes(type) && !json) {
    throw new ApiError(415, 'unsupported_media_type', `Content-Type must be ${types.join(' or ')}${type ? `, not ${type}` : ''}`, { accepted: types });
  }
}

/** The body's bytes, at most `limit`: 413 from the declared length or as soon as the stream passes it. */
export async function readBytes(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) throw tooLarge(limit);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Stop pulling: the rest of the body is never buffered.
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The body as UTF-8 text of one of `types`; 415 for another type, 413 past the limit, 400 for bad UTF-8. */
export async function readText(request: Request, types: readonly string[], limit = MAX_BODY_BYTES): Promise<string> {
  requireMediaType(request, types);
  const bytes = await readBytes(request, limit);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_encoding', 'The body must be UTF-8 text');
  }
}

/** The body as JSON (Content-Type application/json); 400 when it is not JSON at all. */
export async function readJson(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readText(request, JSON_TYPES, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body must be JSON');
  }
}
