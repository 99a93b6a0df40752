/**
 * Every check the API runs on a request before it reads anything, in one place. Each function takes
 * the request and returns its checked input or throws an HttpError (a 4xx the route's catch answers
 * with): the rules themselves live with the data they guard (lib/store/input.ts for the read APIs,
 * lib/export/request.ts, lib/import/wire.ts), so a page and the CLI share them with the API.
 */
import { checkExportRequest, type ExportRequest } from '@/lib/export/request';
import { readImportForm, readJsonBody, type ImportForm } from '@/lib/import/wire';
import { isDocId } from '@/lib/store';
import {
  checkGlossRequest,
  checkSearchRequest,
  checkTermRequest,
  type Checked,
  type GlossRequest,
  type SearchRequest,
} from '@/lib/store/input';
import { MAX_BATCH_PAIRS } from '@/lib/store/gloss-batch';
import {
  checkGlossBatchRequest,
  checkReaderGlossesRequest,
  checkReaderRequest,
  type ReaderRequest,
} from '@/lib/store/reader-input';
import { HttpError, noSuchDocument, rawSearch } from './_respond';

/** A checked value, or the refusal thrown as an HttpError. */
function valid<T>(checked: Checked<T>): T {
  if (!checked.ok) throw new HttpError(checked.status, checked.message);
  return checked.value;
}

export const searchInput = (request: Request): SearchRequest => valid(checkSearchRequest(rawSearch(request.url)));
export const glossInput = (request: Request): GlossRequest => valid(checkGlossRequest(rawSearch(request.url)));
/** `?doc=&from=&to=` of the popover's dictionary of a few pairs. */
export const glossBatchInput = (request: Request): { doc: string; from: number; to: number } =>
  valid(checkGlossBatchRequest(rawSearch(request.url), MAX_BATCH_PAIRS));
export const termInput = (request: Request): { term: string; lines: number } =>
  valid(checkTermRequest(rawSearch(request.url)));
export const readerInput = (request: Request): ReaderRequest => valid(checkReaderRequest(rawSearch(request.url)));
/** `?doc=<id>` of the reader's glosses and words. */
export const readerDocInput = (request: Request): string => valid(checkReaderGlossesRequest(rawSearch(request.url)));
export const exportInput = (request: Request): ExportRequest => valid(checkExportRequest(rawSearch(request.url)));

/** The import form (multipart); its refusals are ImportErrors, which carry their own status. */
export const importFormInput = (request: Request): Promise<ImportForm> => readImportForm(request);
/** A JSON body of bounded size and depth (the alignment corrections). */
export const jsonBodyInput = (request: Request): Promise<unknown> => readJsonBody(request);

/** A document id from the path (`/api/import/<docId>/…`): anything else names no document. */
export function docIdParam(docId: string): string {
  if (!isDocId(docId)) throw noSuchDocument(docId);
  return docId;
}

/** The statuses lib/security/request-guard.mjs sends to /api/refused. */
export function refusedStatusInput(request: Request): 400 | 405 | undefined {
  const status = new URL(request.url).searchParams.get('status');
  return status === '400' ? 400 : status === '405' ? 405 : undefined;
}
