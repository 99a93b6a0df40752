/**
 * One entry point for every export, used by the CLI and by `GET /api/export`: the format table
 * (`formats.ts`) says what a format is made from, these functions make it.
 */
import type { BuiltDoc, GlossaryEntry } from '../model';
import { exportCsv } from './csv';
import type { DocFormat, GlossaryFormat } from './formats';
import { exportTbx } from './tbx';
import { exportTmx } from './tmx';
import { exportTsv } from './tsv';
import { DUIZHAO_VERSION } from './version';

export * from './formats';
export { EmptyGlossaryError } from './tbx';

/** The aligned documents (all of them, or the one asked for) in a document format. */
export function renderDocs(format: DocFormat, docs: BuiltDoc[]): string {
  return format === 'tmx' ? exportTmx(docs, { toolVersion: DUIZHAO_VERSION }) : exportTsv(docs);
}

/** The corpus-wide glossary in a glossary format. */
export function renderGlossary(format: GlossaryFormat, glossary: GlossaryEntry[]): string {
  return format === 'tbx' ? exportTbx(glossary, { toolVersion: DUIZHAO_VERSION }) : exportCsv(glossary);
}
