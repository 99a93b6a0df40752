/**
 * A document id: lowercase letters, digits and single inner hyphens, at most 100 characters; the
 * folder name in corpus/, a file name in the build and a URL segment, so nothing else may pass.
 * A module of its own so the browser can check ids without loading the ingest's decoders.
 */
export const DOC_ID = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

export function isDocId(id: string): boolean {
  return DOC_ID.test(id) && !id.includes('--');
}
