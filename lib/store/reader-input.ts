import type { TraditionalScript } from '@/lib/learner/settings';
import { checkInteger, fail, isDocId, parseQueryString, single, type Checked } from './input';

/** Validation of the reader's requests (see input.ts for the rules every API follows). */

export interface ReaderRequest {
  doc: string;
  /** First pair (0-based, inclusive). */
  from: number;
  /** End pair (exclusive); undefined: to the end of the document. */
  to: number | undefined;
  /** Drawn in traditional characters of this standard; undefined: as written. */
  script?: TraditionalScript;
}

const SCRIPTS: readonly TraditionalScript[] = ['tw', 'hk'];

const MAX_PAIR = 1_000_000;

function checkDocParam(params: Map<string, string[]>): Checked<string> {
  const doc = single(params, 'doc');
  if (!doc.ok) return doc;
  if (doc.value === undefined) return fail('Missing document: add ?doc=<document id>.', 'missing');
  if (!isDocId(doc.value)) return fail('A document id is lowercase letters, digits and hyphens.');
  return { ok: true, value: doc.value };
}

/** A pair index parameter (0-based, at most MAX_PAIR); undefined when absent. */
function pairParam(params: Map<string, string[]>, name: string): Checked<number | undefined> {
  const raw = single(params, name);
  if (!raw.ok) return raw;
  return raw.value === undefined ? { ok: true, value: undefined } : checkInteger(raw.value, name, 0, MAX_PAIR, 0);
}

/** `GET /api/reader?doc=&from=&to=`: a range of a document's pairs as the reader draws them. */
export function checkReaderRequest(search: string): Checked<ReaderRequest> {
  const parsed = parseQueryString(search);
  if (!parsed.ok) return parsed;
  const doc = checkDocParam(parsed.value);
  if (!doc.ok) return doc;
  const from = pairParam(parsed.value, 'from');
  if (!from.ok) return from;
  const scriptRaw = single(parsed.value, 'script');
  if (!scriptRaw.ok) return scriptRaw;
  const script = SCRIPTS.find((s) => s === scriptRaw.value);
  if (scriptRaw.value !== undefined && script === undefined)
    return fail('"script" is tw or hk (traditional characters of Taiwan or Hong Kong).');
  const withScript = script === undefined ? {} : { script };
  const to = pairParam(parsed.value, 'to');
  if (!to.ok) return to;
  if (to.value === undefined)
    return { ok: true, value: { doc: doc.value, from: from.value ?? 0, to: undefined, ...withScript } };
  if (to.value < (from.value ?? 0)) return fail('"to" must not be smaller than "from".');
  return { ok: true, value: { doc: doc.value, from: from.value ?? 0, to: to.value, ...withScript } };
}

/** `GET /api/reader/glosses?doc=`: the short glosses of a document's words (interlinear mode). */
export function checkReaderGlossesRequest(search: string): Checked<string> {
  const parsed = parseQueryString(search);
  if (!parsed.ok) return parsed;
  return checkDocParam(parsed.value);
}

/** `GET /api/gloss/batch?doc=&from=&to=`: the popover's dictionary of a few pairs of a document. */
export function checkGlossBatchRequest(
  search: string,
  maxPairs: number,
): Checked<{ doc: string; from: number; to: number }> {
  const parsed = parseQueryString(search);
  if (!parsed.ok) return parsed;
  const doc = checkDocParam(parsed.value);
  if (!doc.ok) return doc;
  const from = pairParam(parsed.value, 'from');
  if (!from.ok) return from;
  if (from.value === undefined) return fail('Missing "from": the first pair (0-based).', 'missing');
  const to = pairParam(parsed.value, 'to');
  if (!to.ok) return to;
  if (to.value === undefined) return fail('Missing "to": the pair after the last (exclusive).', 'missing');
  if (to.value <= from.value) return fail('"to" must be greater than "from".');
  if (to.value - from.value > maxPairs) return fail(`A batch spans at most ${maxPairs} pairs.`);
  return { ok: true, value: { doc: doc.value, from: from.value, to: to.value } };
}
