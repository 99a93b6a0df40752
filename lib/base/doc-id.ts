/**
 * A document id: lowercase letters, digits and single inner hyphens, at most 100 characters; the
 * folder name in corpus/, a file name in the build and a URL segment, so nothing else may pass.
 * A module of its own so the browser can check ids without loading the ingest's decoders.
 */
const DOC_ID = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

/**
 * Ids the shape allows but that must never name a document. Windows device names: a folder `con`
 * or `nul` cannot be made (or is the device) on Windows, so a corpus holding one cannot be copied
 * there. Route and locale names: an id is a URL segment (`/api/import/<id>/alignment` beside
 * `/api/import/preview`), and a document called `glossary` or `api` would read as the page of that
 * name. `tests/unit/reserved-ids.test.ts` keeps the route names in step with app/.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  // Windows device names (any case, with or without an extension: ids are lowercase, without dots)
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 10 }, (_, i) => `com${i}`),
  ...Array.from({ length: 10 }, (_, i) => `lpt${i}`),
  // the app's route segments and locales
  'api',
  'export',
  'gloss',
  'glossary',
  'glosses',
  'import',
  'links',
  'plot',
  'preview',
  'alignment',
  'batch',
  'read',
  'reader',
  'refused',
  'search',
  'term',
  'vocabulary',
  'words',
  'en',
  'zh-hans',
  'zh-hant',
  'static',
  'favicon',
]);

export function isDocId(id: string): boolean {
  return DOC_ID.test(id) && !id.includes('--') && !RESERVED_IDS.has(id);
}

/** Why an id of the right shape is still refused, or null. */
export function reservedIdProblem(id: string): string | null {
  return RESERVED_IDS.has(id)
    ? `"${id}" is a reserved name (a Windows device name or one of the site's own pages): choose another id`
    : null;
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
