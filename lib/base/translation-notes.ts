/**
 * The provenance notes the project itself writes into a document's meta.json, in English as they
 * are stored. The pages show each in the reader's language (messages `Provenance.note.*`); a note
 * written by hand is shown as it stands.
 */
export const TRANSLATION_NOTES = {
  /** The corpus's own translations. */
  prepared: 'Prepared for Duizhao; not an official translation.',
  /** `duizhao add` without --note. */
  added: 'Brought in with duizhao add; whether it is an official translation is not stated.',
  /** A document saved on the import page. */
  imported: 'Brought in on the import page; whether it is an official translation is not stated.',
} as const;

export type TranslationNoteKey = keyof typeof TRANSLATION_NOTES;

/** The key of a note the project wrote, or null for any other text. */
export function translationNoteKey(note: string): TranslationNoteKey | null {
  for (const [key, text] of Object.entries(TRANSLATION_NOTES))
    if (text === note.trim()) return key as TranslationNoteKey;
  return null;
}
