/**
 * One ingest worker thread (run by piscina, see parallel.ts): builds the documents it is handed,
 * one at a time, and answers with each document's text as the build writes it. The dictionary is
 * loaded on the first document and kept for the thread's life (`loadCedict` parses once per thread).
 */
import { loadCedict } from '../dictionary/cedict';
import { documentText } from './doc-cache';
import { buildDocument, type DocumentInput } from './build-document';

export default function buildInWorker(input: DocumentInput): string {
  return documentText(buildDocument(input, loadCedict()));
}
