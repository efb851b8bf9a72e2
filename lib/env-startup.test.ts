import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '@/instrumentation';
import { getEnv } from './env';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('start-up validation (instrumentation.ts)', () => {
  it('exits with a message naming the variable, then caches a valid environment', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '50');
    await register();
    expect(log).toHaveBeenCalledWith(
      'Invalid configuration: PROMETHEUS_TIMEOUT_MS: must be an integer between 100 and 300000',
    );
    expect(exit).toHaveBeenCalledWith(1);

    exit.mockClear();
    vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '2500');
    await register();
    expect(exit).not.toHaveBeenCalled();
    const env = getEnv();
    expect(env.prometheus.timeoutMs).toBe(2_500);

    vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '50');
    expect(getEnv()).toBe(env);
  });

  it('does nothing in the edge runtime', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    vi.stubEnv('NEXT_RUNTIME', 'edge');
    vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '50');
    await register();
    expect(exit).not.toHaveBeenCalled();
  });
});
