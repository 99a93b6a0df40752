import type { Messages } from 'next-intl';
import { getMessages } from 'next-intl/server';

/**
 * What a page's client components read: a namespace whole (`true`), or the few keys of a namespace
 * that is mostly server text (the library's head, the reader's copied-link notice).
 */
export type ClientMessagePick = { [N in keyof Messages]?: true | readonly (keyof Messages[N] & string)[] };

/**
 * The messages of the request's locale cut down to `pick`, for the `NextIntlClientProvider` around
 * a page's client components. Only these reach the browser (in the page's RSC payload), so the
 * reader's first view carries its few namespaces, never the catalogue. A provider does not merge
 * with the one above it: it must name everything the client components below it read.
 */
export async function clientMessages(pick: ClientMessagePick): Promise<Partial<Messages>> {
  const all = await getMessages();
  const out: Record<string, unknown> = {};
  for (const [namespace, keys] of Object.entries(pick) as [keyof Messages, true | readonly string[]][]) {
    const messages = all[namespace] as Record<string, unknown>;
    out[namespace] = keys === true ? messages : Object.fromEntries(keys.map((k) => [k, messages[k]]));
  }
  return out as Partial<Messages>;
}
