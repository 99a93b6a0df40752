/**
 * The reader's word links of a document (lib/reader/word-links.ts), derived once per document and
 * kept until the build changes. A build made before word alignment gives every document none.
 */
import { readerLinks, type ReaderLinks } from '../reader/word-links';
import { fresh, getDoc, getWordLinks, onNewBuild } from './index';

const cache = new Map<string, Promise<ReaderLinks | null>>();
onNewBuild(() => cache.clear());

/** The document's links for the reader, or null for an unknown document. */
export async function getReaderLinks(docId: string): Promise<ReaderLinks | null> {
  await fresh();
  let pending = cache.get(docId);
  if (!pending) {
    pending = Promise.all([getDoc(docId), getWordLinks()]).then(([doc, links]) => {
      if (!doc) return null;
      const own = links.get(doc.meta.id);
      return own ? readerLinks(doc, own) : {};
    });
    pending.catch(() => cache.delete(docId));
    cache.set(docId, pending);
  }
  return pending;
}
