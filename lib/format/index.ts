// Time and number formatting for every page, and the one reader of times in URLs. Pure: client and server.
export { formatUtc, MS_THRESHOLD, NO_TIME, type Instant, type UtcFormat } from './time';
export { MAX_UNIX_SECONDS, parseUnixSeconds, unixSecondsOrUndefined, type UnixSecondsResult } from './unix-seconds';
// unixSecondsSchema (zod) is imported from './unix-seconds-schema' by the server's query-string schemas only.
