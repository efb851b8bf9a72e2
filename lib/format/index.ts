// Time and number formatting for every page, and the one reader of times in URLs. Pure: client and server.
export { formatUtc, MS_THRESHOLD, NO_TIME, type Instant, type UtcFormat } from './time';
export { MAX_UNIX_SECONDS, parseUnixSeconds, unixSecondsOrUndefined, unixSecondsSchema, type UnixSecondsResult } from './unix-seconds';
