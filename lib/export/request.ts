/**
 * `GET /api/export?format=&doc=`, checked from the raw query string before anything is read:
 * the same contract as the other API inputs (lib/store/input.ts): a value or a 400 with a message,
 * never a throw.
 */
import { fail, isDocId, parseQueryString, single, type Checked } from '@/lib/store/input';
import { EXPORT_FORMATS, FORMAT_INFO, isExportFormat, type ExportFormat } from './formats';

export interface ExportRequest {
  format: ExportFormat;
  doc: string | undefined;
}

const PARAMETERS = new Set(['format', 'doc']);

export function checkExportRequest(search: string): Checked<ExportRequest> {
  const parsed = parseQueryString(search);
  if (!parsed.ok) return parsed;
  const params = parsed.value;
  // A misspelt parameter (`?format=tmx&docs=…`) would otherwise export the whole corpus silently.
  for (const name of params.keys()) {
    if (!PARAMETERS.has(name))
      return fail(`Unknown parameter "${name.slice(0, 40)}": an export takes "format" and, for tmx or tsv, "doc".`);
  }
  const formatRaw = single(params, 'format');
  if (!formatRaw.ok) return formatRaw;
  const formats = EXPORT_FORMATS.join(', ');
  if (formatRaw.value === undefined)
    return fail(`Missing format: add ?format=<${EXPORT_FORMATS.join('|')}>.`, 'missing');
  if (formatRaw.value === '') return fail(`The format is empty: use one of ${formats}.`, 'empty');
  if (!isExportFormat(formatRaw.value)) return fail(`Unknown format: use one of ${formats}.`);
  const format = formatRaw.value;
  const doc = single(params, 'doc');
  if (!doc.ok) return doc;
  if (doc.value !== undefined) {
    if (FORMAT_INFO[format].scope === 'glossary') {
      return fail(`"doc" does not apply to format=${format}: the glossary covers the whole corpus.`);
    }
    if (!isDocId(doc.value)) return fail('"doc" is not a document id.');
  }
  return { ok: true, value: { format, doc: doc.value } };
}
