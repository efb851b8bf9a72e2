import { apiHandler } from '@/lib/api';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Liveness: the process serves requests. Deliberately independent of Prometheus. */
export const GET = apiHandler('/api/healthz', () => Response.json({ status: 'ok' }));
