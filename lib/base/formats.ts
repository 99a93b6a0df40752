/**
 * The file formats a document may come in, as `as const` tuples: the lists the validators check
 * against and print in their errors, with the types lib/model.ts derives from them, so a format is
 * added in one place. Order matters: it is the order the error messages list them in.
 */

/** Running text cleaned into blocks: plain text, Markdown, HTML (also what a DOCX becomes). */
export const TEXT_FORMATS = ['text', 'markdown', 'html'] as const;

/** A translation memory: both sides in one file. */
export const MEMORY_FORMATS = ['tmx', 'xliff'] as const;

/**
 * Running text in a file of its own: what a separate translation may be (a memory only ever
 * translates itself) and what the import page takes for either side.
 */
export const TRANSLATION_FORMATS = [...TEXT_FORMATS, 'docx'] as const;

/** Every format meta.json may declare for a source. */
export const SOURCE_FORMATS = [...TRANSLATION_FORMATS, ...MEMORY_FORMATS] as const;
