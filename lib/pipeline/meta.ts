/** Validation of `corpus/<docId>/meta.json`: a wire type reshaped into DocMeta, with clear errors. */
import type { DocMeta, ScriptVariant, SourceFormat, TranslationMeta } from '../model';
import { normaliseEncodingLabel } from './decode';
import { calendarDateProblem } from './calendar-date';
import { isDocId, reservedIdProblem } from '../base/doc-id';
import { MEMORY_FORMATS, SOURCE_FORMATS, TRANSLATION_FORMATS } from '../base/formats';
import { isRecord } from '../base/is-record';
import { SCRIPT_VARIANTS } from '../base/script-variants';

/** A file named in meta.json: a plain name inside the document folder, never a path. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export class MetaError extends Error {
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'MetaError';
  }
}

export function parseMeta(raw: unknown, folder: string, path: string): DocMeta {
  const fail = (problem: string): never => {
    throw new MetaError(path, problem);
  };
  if (!isRecord(raw)) return fail('meta.json must hold a JSON object');
  const str = (key: string, v: unknown = raw[key]): string =>
    typeof v === 'string' && v.trim() !== '' ? v : fail(`"${key}" must be a non-empty string`);
  const zhEn = (key: string) => {
    const v = raw[key];
    if (!isRecord(v)) return fail(`"${key}" must be an object with "zh" and "en"`);
    return { zh: str(`${key}.zh`, v.zh), en: str(`${key}.en`, v.en) };
  };
  const id = str('id');
  const reserved = reservedIdProblem(id);
  if (reserved !== null) fail(`id ${reserved}`);
  if (!isDocId(id)) fail(`id "${id}" must be lowercase letters, digits and single hyphens`);
  if (id !== folder) fail(`id "${id}" does not match its folder "${folder}"`);
  const encoding = str('encoding');
  if (!normaliseEncodingLabel(encoding)) fail(`unsupported encoding "${encoding}"`);
  const variant = str('variant') as ScriptVariant;
  if (!SCRIPT_VARIANTS.includes(variant)) fail(`variant must be one of ${SCRIPT_VARIANTS.join(', ')}`);
  const format = str('format') as SourceFormat;
  if (!SOURCE_FORMATS.includes(format)) fail(`format must be one of ${SOURCE_FORMATS.join(', ')}`);
  const source = str('source');
  if (!FILE_NAME.test(source)) fail(`source "${source}" must be a file name inside the document folder`);
  const date = str('date');
  const dateProblem = calendarDateProblem(date);
  if (dateProblem !== null) fail(`date: ${dateProblem}`);
  const meta: DocMeta = {
    id,
    title: zhEn('title'),
    publication: zhEn('publication'),
    date,
    encoding,
    variant,
    source,
    format,
  };
  if (raw.url !== undefined) meta.url = str('url');
  if (raw.translation !== undefined) {
    const t = raw.translation;
    if (!isRecord(t)) return fail('"translation" must be an object');
    const file = str('translation.file', t.file);
    if (!FILE_NAME.test(file)) fail(`translation file "${file}" must be a file name inside the document folder`);
    const tFormat = str('translation.format', t.format) as TranslationMeta['format'];
    if ((MEMORY_FORMATS as readonly string[]).includes(format)) {
      // The memory holds both sides; "translation" only credits its translator.
      if (file !== source || tFormat !== format)
        fail(
          `a ${format} memory holds its own translation: translation.file must be "${source}" and translation.format "${format}"`,
        );
    } else if (!(TRANSLATION_FORMATS as readonly string[]).includes(tFormat))
      fail(`translation.format must be one of ${TRANSLATION_FORMATS.join(', ')}`);
    meta.translation = { file, format: tFormat, note: str('translation.note', t.note) };
    if (t.translator !== undefined) meta.translation.translator = str('translation.translator', t.translator);
  }
  return meta;
}
