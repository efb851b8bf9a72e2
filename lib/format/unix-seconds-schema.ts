// The unix-seconds rule (unix-seconds.ts) as a zod schema for the API's query strings. Apart from
// unix-seconds.ts, which the browser uses too: this one is for the server, so zod stays out of the pages.
import { z } from 'zod';
import { parseUnixSeconds } from './unix-seconds';

/** The same rule for query-string schemas: a refused value is a 422 naming the field and the reason. */
export const unixSecondsSchema = z.string({ error: 'must be unix seconds' }).transform((text, ctx) => {
  const parsed = parseUnixSeconds(text);
  if (parsed.ok) return parsed.seconds;
  ctx.issues.push({ code: 'custom', message: parsed.error, input: text });
  return z.NEVER;
});
