/**
 * The import API's requests on the wire, reshaped into domain values with clear 4xx errors before
 * anything reaches the pipeline. Light on purpose: the route handlers import this module, the
 * pipeline runs in the import host process (host.ts), so nothing here pulls jieba or CC-CEDICT.
 */
import type { AddOptions } from '../add/add';
import type { ScriptVariant, SourceFormat } from '../model';
import { calendarDateProblem } from '../pipeline/calendar-date';
import { isDocId, reservedIdProblem } from '../base/doc-id';
import { ENCODINGS } from '../base/encodings';
import { TRANSLATION_FORMATS } from '../base/formats';
import { SCRIPT_VARIANTS } from '../base/script-variants';
import type { ImportErrorDetail } from './error-detail';

/** Per side (the Chinese text, its translation): a long report is ~1 MB; four is room to spare. */
export const MAX_SIDE_BYTES = 4 * 1024 * 1024;
/** A whole request: both sides, the corrections and the form's own overhead. */
export const MAX_BODY_BYTES = 2 * MAX_SIDE_BYTES + 1024 * 1024;
/** Title, publication and such: a line, not a text. */
const MAX_FIELD_CHARS = 500;

/** A refused import request: the status to answer, a message in English and, for the page, its code. */
export class ImportError extends Error {
  readonly detail: ImportErrorDetail | undefined;
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 503,
    message: string,
    options?: ErrorOptions & { detail?: ImportErrorDetail },
  ) {
    super(message, options);
    this.name = 'ImportError';
    this.detail = options?.detail;
  }
}

/** One side of a document as received: its bytes exactly, the file's name, the format if chosen. */
export interface ImportSide {
  bytes: Uint8Array;
  name?: string;
  format?: SourceFormat;
}

/** The document's details the form may give: the ones `duizhao add` takes, under the same names. */
type ImportFields = Pick<AddOptions, 'title' | 'titleEn' | 'publication' | 'translator' | 'date' | 'id'>;

export interface ImportForm {
  zh: ImportSide;
  en?: ImportSide;
  encoding?: string;
  variant?: ScriptVariant;
  /** alignment.json's content as the page made it (parsed JSON, checked by the host). */
  corrections?: unknown;
  fields: ImportFields;
}

const KNOWN = new Set([
  'zh',
  'en',
  'zhFormat',
  'enFormat',
  'encoding',
  'variant',
  'corrections',
  'title',
  'titleEn',
  'publication',
  'translator',
  'date',
  'id',
]);

/**
 * The body of a request, read up to `max` bytes: a larger one is refused (413) as soon as it is
 * seen to be larger, by its Content-Length or while it streams, never buffered whole first.
 */
export async function readCappedBody(request: Request, max = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  // The limit named is the one applied: the form's (both sides) or a JSON body's own.
  const limit = max === MAX_BODY_BYTES ? `${mebibytes(max)} (${mebibytes(MAX_SIDE_BYTES)} a side)` : mebibytes(max);
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > max)
    throw new ImportError(413, `The request is ${declared} bytes; the limit is ${limit}.`, {
      detail: { code: 'requestTooLarge', params: { limit: mebibytes(max) } },
    });
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new ImportError(413, `The request is over the limit of ${limit}.`, {
        detail: { code: 'requestTooLarge', params: { limit: mebibytes(max) } },
      });
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

/** A size as people read it: 16 MiB, 4 MiB, 9.5 MiB. */
function mebibytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
}

/** A multipart form from a capped body; anything else is 415, a broken form 400. */
export async function readImportForm(request: Request): Promise<ImportForm> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data;/i.test(type))
    throw new ImportError(415, 'Send the texts as multipart/form-data (fields zh, en, …).');
  const body = await readCappedBody(request);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new ImportError(400, 'The form data could not be read.');
  }
  return parseImportForm(form);
}

async function sideOf(form: FormData, name: 'zh' | 'en', formatField: string): Promise<ImportSide | undefined> {
  const value = form.get(name);
  if (value === null) return undefined;
  const side: ImportSide =
    typeof value === 'string'
      ? { bytes: new TextEncoder().encode(value) }
      : { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name || undefined };
  if (side.bytes.byteLength > MAX_SIDE_BYTES)
    throw new ImportError(
      413,
      `${name === 'zh' ? 'The Chinese text' : 'The translation'} is ${side.bytes.byteLength} bytes; the limit is ${MAX_SIDE_BYTES}.`,
      {
        detail: {
          code: 'sideTooLarge',
          params: { side: name, size: mebibytes(side.bytes.byteLength), limit: mebibytes(MAX_SIDE_BYTES) },
        },
      },
    );
  // A file name is only a hint for the format: never a path anything is written to.
  if (side.name !== undefined) side.name = side.name.replace(/[\\/]/g, '_').slice(0, 200);
  const format = form.get(formatField);
  if (format !== null && format !== 'auto') {
    if (typeof format !== 'string' || !(TRANSLATION_FORMATS as readonly string[]).includes(format))
      throw new ImportError(400, `${formatField} must be auto, ${TRANSLATION_FORMATS.join(', ')}.`);
    side.format = format as SourceFormat;
  }
  return side;
}

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  if (value === null) return undefined;
  if (typeof value !== 'string') throw new ImportError(400, `${name} must be text, not a file.`);
  const trimmed = value.trim();
  if (trimmed.length > MAX_FIELD_CHARS)
    throw new ImportError(400, `${name} is longer than ${MAX_FIELD_CHARS} characters.`);
  return trimmed === '' ? undefined : trimmed;
}

/** The form's fields, each checked; repeated or unknown fields are refused rather than guessed at. */
export async function parseImportForm(form: FormData): Promise<ImportForm> {
  const names = [...form.keys()];
  for (const n of new Set(names)) {
    if (!KNOWN.has(n)) throw new ImportError(400, `Unknown field "${n.slice(0, 40)}".`);
    if (names.filter((m) => m === n).length > 1)
      throw new ImportError(400, `The field "${n}" is given more than once.`);
  }
  const zh = await sideOf(form, 'zh', 'zhFormat');
  if (!zh || zh.bytes.byteLength === 0)
    throw new ImportError(400, 'No Chinese text: paste it or choose a file.', { detail: { code: 'noChinese' } });
  const en = await sideOf(form, 'en', 'enFormat');
  const out: ImportForm = { zh, fields: {} };
  if (en && en.bytes.byteLength > 0) out.en = en;
  const encoding = text(form, 'encoding');
  if (encoding !== undefined && encoding !== 'auto') {
    if (!(ENCODINGS as readonly string[]).includes(encoding.toLowerCase()))
      throw new ImportError(400, `encoding must be auto, ${ENCODINGS.join(', ')}.`);
    out.encoding = encoding.toLowerCase();
  }
  const variant = text(form, 'variant');
  if (variant !== undefined && variant !== 'auto') {
    if (!(SCRIPT_VARIANTS as readonly string[]).includes(variant))
      throw new ImportError(400, `variant must be auto, ${SCRIPT_VARIANTS.join(', ')}.`);
    out.variant = variant as ScriptVariant;
  }
  const corrections = form.get('corrections');
  if (corrections !== null) {
    if (typeof corrections !== 'string') throw new ImportError(400, 'corrections must be JSON text.');
    out.corrections = parseJson(corrections, 'corrections');
  }
  const fields: ImportFields = {};
  for (const key of ['title', 'titleEn', 'publication', 'translator', 'date', 'id'] as const) {
    const v = text(form, key);
    if (v !== undefined) fields[key] = v;
  }
  const dateProblem = fields.date === undefined ? null : calendarDateProblem(fields.date);
  if (dateProblem !== null)
    throw new ImportError(400, `The date: ${dateProblem}.`, {
      detail: { code: 'badDate', params: { date: (fields.date ?? '').slice(0, 40) } },
    });
  const badId = { detail: { code: 'badId', params: { id: (fields.id ?? '').slice(0, 100) } } } as const;
  const reserved = fields.id === undefined ? null : reservedIdProblem(fields.id);
  if (reserved !== null) throw new ImportError(400, `The id ${reserved}.`, badId);
  if (fields.id !== undefined && !isDocId(fields.id))
    throw new ImportError(400, 'id must be lowercase letters, digits and single hyphens (at most 100).', badId);
  out.fields = fields;
  return out;
}

/**
 * How deep a JSON body may nest. Corrections are {pairs: [{zh: [0], en: [0]}]}: four levels. The
 * limit is not about parsing (V8's JSON.parse is not recursive) but about what comes after: the
 * value crosses to the import host through V8's serializer, which recurses and overflows the stack
 * at a few thousand levels, and checks walk it. 64 is far above any real body.
 */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in JSON text, counted without parsing (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

function parseJson(text: string, what: string): unknown {
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new ImportError(400, `${what} nests deeper than ${MAX_JSON_DEPTH} levels.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ImportError(400, `${what} is not valid JSON.`);
  }
}

/** A JSON request body (the corrections of an existing document), capped like the rest. */
export async function readJsonBody(request: Request, max = 16 * 1024 * 1024): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ImportError(415, 'Send the corrections as application/json.');
  const body = await readCappedBody(request, max);
  let textBody: string;
  try {
    textBody = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new ImportError(400, 'The body is not valid UTF-8.');
  }
  return parseJson(textBody, 'The body');
}
