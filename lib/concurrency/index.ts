// Bounded concurrency: the one limiter (a queue with round-robin owners) and a pool over a list built on it.
export { createLimiter, pool, type Limiter, type RunOptions } from './limiter';
