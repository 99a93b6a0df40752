/**
 * The export formats, as data: what each one exports (the aligned documents or the corpus-wide
 * glossary), its media type and its file name. The CLI and `GET /api/export` both read this table,
 * so the two can never disagree about which formats exist or what takes a document id.
 */

export const EXPORT_FORMATS = ['tmx', 'tsv', 'tbx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats made from the aligned documents (all of them, or one). */
export type DocFormat = 'tmx' | 'tsv';
/** Formats made from the glossary, which is corpus-wide: a term's entry does not say which documents it came from. */
export type GlossaryFormat = 'tbx' | 'csv';

export interface FormatInfo {
  scope: 'docs' | 'glossary';
  /** Sent as Content-Type by the API. TMX and TBX have no registered type: the `x-` names tools use, with `+xml` so browsers know it is XML. */
  contentType: string;
  extension: string;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  tmx: { scope: 'docs', contentType: 'application/x-tmx+xml; charset=utf-8', extension: 'tmx' },
  tsv: { scope: 'docs', contentType: 'text/tab-separated-values; charset=utf-8', extension: 'tsv' },
  tbx: { scope: 'glossary', contentType: 'application/x-tbx+xml; charset=utf-8', extension: 'tbx' },
  csv: { scope: 'glossary', contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function isDocFormat(format: ExportFormat): format is DocFormat {
  return FORMAT_INFO[format].scope === 'docs';
}

/**
 * `duizhao-<docId>.tmx`, `duizhao-corpus.tsv`, `duizhao-glossary.tbx`. A document id is lowercase
 * letters, digits and hyphens (checked before it gets here), so the name needs no quoting rules.
 */
export function exportFilename(format: ExportFormat, docId?: string): string {
  const what = FORMAT_INFO[format].scope === 'glossary' ? 'glossary' : (docId ?? 'corpus');
  return `duizhao-${what}.${FORMAT_INFO[format].extension}`;
}
