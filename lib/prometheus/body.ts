import 'server-only';
import { PrometheusError } from './errors';

const MB = 1024 * 1024;

/**
 * The response body as text, refused as soon as it passes `maxBytes`: a runaway answer is cut off
 * while it streams instead of being held whole (a 50 MB answer took the process to 861 MB once parsed).
 */
export async function readCapped(response: Response, maxBytes: number, endpoint: string): Promise<string> {
  const tooLarge = (seen: string) =>
    new PrometheusError({
      kind: 'too_large',
      endpoint,
      status: response.status,
      message: `Prometheus answered with more than ${formatMb(maxBytes)} (${seen}); narrow the query or raise PROMETHEUS_MAX_RESPONSE_MB`,
    });
  const declared = Number(response.headers.get('content-length'));
  // Content-Length counts compressed bytes when the answer is gzipped; only a plain length can refuse early.
  if (!response.headers.get('content-encoding') && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(`${formatMb(declared)} declared`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge('cut off while streaming');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}
