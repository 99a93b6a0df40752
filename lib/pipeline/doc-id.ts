/**
 * A document id: lowercase letters, digits and single inner hyphens, at most 100 characters; the
 * folder name in corpus/, a file name in the build and a URL segment, so nothing else may pass.
 * A module of its own so the browser can check ids without loading the ingest's decoders.
 */
export const DOC_ID = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

export function isDocId(id: string): boolean {
  return DOC_ID.test(id) && !id.includes('--');
}

/**
 * An id for a new document: its date, then a slug of its name (an English title or a file name),
 * e.g. 2026-05-20-xi-putin-talks. A name with nothing Latin in it (a Chinese title) gives no slug;
 * `fallback` (a short hash of the source) stands in, so the id is still stable for the same file.
 */
export function deriveDocId(date: string, name: string, fallback: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const room = 100 - date.length - 1;
  const part = (slug(name) || slug(fallback)).slice(0, room).replace(/-+$/, '');
  return `${date}-${part}`;
}
