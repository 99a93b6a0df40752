/**
 * What went wrong with an import, as its page says it in the reader's language: `code` names a
 * message of the `ImportErrors` namespace (messages/*.json) and `params` are its arguments. The
 * English message of the error stays the API's answer for every other client and for the log.
 * No imports: the page's client code reads these answers.
 */
export const IMPORT_ERROR_CODES = [
  'requestTooLarge',
  'sideTooLarge',
  'noChinese',
  'badDate',
  'badId',
  'needTitle',
  'idTaken',
  'busy',
  'rebuilding',
  'textsChanged',
  'docChanged',
  'tooManyLines',
  'tooManyElements',
  'tooManyParagraphs',
  'memoryFormat',
  'emptySide',
  'wrongEncoding',
  'unknownEncoding',
  'unreadable',
  'nothingLeft',
  'notBuilt',
  'hostStopped',
  'hostTimeout',
] as const;
type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** The side of a document a message is about: the Chinese text or its translation. */
export type ImportSideName = 'zh' | 'en';

export interface ImportErrorDetail {
  code: ImportErrorCode;
  params?: Record<string, string | number>;
}

export function isImportErrorDetail(value: unknown): value is ImportErrorDetail {
  if (typeof value !== 'object' || value === null) return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !(IMPORT_ERROR_CODES as readonly string[]).includes(code)) return false;
  if (params === undefined) return true;
  return (
    typeof params === 'object' &&
    params !== null &&
    Object.values(params).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}
