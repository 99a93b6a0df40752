/**
 * An editor's repairs of extraction artefacts in the words themselves (the layout rules are in
 * clean.ts): a character a page or column break repeated, and OCR's 一 for a dash. Pure functions
 * over strings; each repair is returned so that the ingest report can list it.
 */
import type { Repair } from '../model';
import { OCR_DASH_NAMES } from './clean-rules';
import { HAN_CHAR } from '../base/han';

/** Characters of context shown on each side of a repair in the report. */
const CONTEXT = 4;

/**
 * Joins the halves of a sentence cut by a page or column break. Extractions of such breaks often
 * repeat the character at the cut (领导人 | 人的, 以前 | 前所未有): a Han character ending the
 * first half and opening the second is written once. A true reduplication cut exactly at a page
 * break is rarer than this artefact, and the report lists every such repair for a human to check.
 */
export function joinAcrossBreak(left: string, right: string, line: number, repairs: Repair[]): string {
  const a = [...left.trimEnd()];
  const b = [...right.trimStart()];
  const last = a.at(-1);
  if (last === undefined || last !== b[0] || !HAN_CHAR.test(last)) return left.trimEnd() + right.trimStart();
  const before = `${a.slice(-CONTEXT).join('')}${b.slice(0, CONTEXT).join('')}`;
  const after = `${a.slice(-CONTEXT).join('')}${b.slice(1, CONTEXT).join('')}`;
  repairs.push({ line, kind: 'repeated-character', before, after });
  return a.join('') + b.slice(1).join('');
}

const NAMES = OCR_DASH_NAMES.join('|');
/** 一 between two names of regions or mechanisms (东北一远东, 长江一伏尔加河) was a dash before OCR. */
const OCR_DASH = new RegExp(`(${NAMES})一(${NAMES})`, 'gu');

/** Replaces OCR's 一 for a dash between two names with an em dash, listing each repair. */
export function repairOcrDashes(text: string, line: number, repairs: Repair[]): string {
  return text.replace(OCR_DASH, (match: string, a: string, b: string) => {
    const after = `${a}—${b}`;
    repairs.push({ line, kind: 'ocr-dash', before: match, after });
    return after;
  });
}
