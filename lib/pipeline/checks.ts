/**
 * Checks that keep the translations honest, over a built document: every Chinese block has an
 * English counterpart, no Chinese is left in the English, every Arabic numeral of a Chinese pair
 * reappears in its English pair (allowing for 万/亿 scales and month names), and the English is
 * of a plausible length. The ingest report lists what they find; the corpus tests demand none.
 */
import type { BuiltDoc, Pair } from '../model';
import { countHan } from '../text/text-width';

type CheckKind = 'untranslated' | 'chinese-in-english' | 'missing-number' | 'length-ratio';

export interface CheckFinding {
  docId: string;
  /** 1-based pair number, as in the reader's #p-N. */
  pair: number;
  kind: CheckKind;
  detail: string;
}

/** English characters per Han character beyond which a pair is reported (soft) or refused by the tests (hard). */
const RATIO_SOFT = { min: 2, max: 6.5 } as const;
export const RATIO_HARD = { min: 1, max: 10 } as const;
/** Pairs shorter than this many Han characters are too short for a meaningful ratio. */
const RATIO_MIN_HAN = 12;

const CJK_IN_ENGLISH = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFF5E]/u;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A number of the Chinese text with the scale character after it, if any. */
interface ZhNumber {
  digits: string;
  scale?: '万' | '亿';
  month: boolean;
}

function zhNumbers(text: string): ZhNumber[] {
  const out: ZhNumber[] = [];
  // 5月 and the 5·9 of “5·9” are months, which English writes as names.
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(多)?([万亿月])?(·(?=\d))?/gu)) {
    const digits = m[1] ?? '';
    const unit = m[3];
    out.push({
      digits,
      scale: unit === '万' || unit === '亿' ? unit : undefined,
      month: unit === '月' || m[4] !== undefined,
    });
  }
  return out;
}

/** One spelling of a number for both sides: no separators, no leading zeros, no trailing decimal zeros. */
function canonical(n: string): string {
  return n
    .replace(/,/g, '')
    .replace(/^0+(?=\d)/, '')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** Numbers of the English text, in canonical spelling ("4,300" → "4300", "03" → "3"). */
function enNumbers(text: string): Set<string> {
  return new Set((text.match(/\d[\d,]*(?:\.\d+)?/gu) ?? []).map(canonical));
}

function trimNumber(n: number): string {
  return String(Number(n.toFixed(6)));
}

/** The ways an English translation may write a Chinese number. */
function englishForms(n: ZhNumber): string[] {
  const forms = [canonical(n.digits)];
  const value = Number(n.digits);
  if (n.scale) {
    const whole = value * (n.scale === '万' ? 1e4 : 1e8);
    forms.push(
      trimNumber(whole),
      trimNumber(whole / 1e3),
      trimNumber(whole / 1e6),
      trimNumber(whole / 1e9),
      trimNumber(whole / 1e12),
    );
  }
  return forms;
}

function numberFound(n: ZhNumber, english: string, numbers: Set<string>): boolean {
  if (englishForms(n).some((f) => numbers.has(f))) return true;
  const month = MONTHS[Number(n.digits) - 1];
  return n.month && month !== undefined && english.includes(month);
}

function pairTexts(doc: BuiltDoc, pair: Pair): { zh: string; en: string } {
  return {
    zh: pair.zh.map((i) => doc.zh[i]?.simplified ?? '').join('\n'),
    en: pair.en.map((i) => doc.en[i]?.text ?? '').join('\n'),
  };
}

export function checkTranslation(doc: BuiltDoc): CheckFinding[] {
  if (!doc.meta.translation) return [];
  const findings: CheckFinding[] = [];
  for (const pair of doc.pairs) {
    const n = pair.id + 1;
    const add = (kind: CheckKind, detail: string) => findings.push({ docId: doc.meta.id, pair: n, kind, detail });
    const { zh, en } = pairTexts(doc, pair);
    if (pair.zh.length > 0 && en.trim() === '') {
      add('untranslated', zh.slice(0, 40));
      continue;
    }
    if (pair.zh.length === 0) {
      add('untranslated', `English without a Chinese counterpart: ${en.slice(0, 60)}`);
      continue;
    }
    const cjk = CJK_IN_ENGLISH.exec(en);
    if (cjk) add('chinese-in-english', `"${cjk[0]}" in: ${en.slice(Math.max(0, cjk.index - 20), cjk.index + 20)}`);
    const numbers = enNumbers(en);
    const missing = zhNumbers(zh).filter((z) => !numberFound(z, en, numbers));
    if (missing.length > 0)
      add('missing-number', missing.map((z) => `${z.digits}${z.scale ?? (z.month ? '月' : '')}`).join(', '));
    const ratio = lengthRatio(doc, pair);
    if (ratio !== undefined && (ratio < RATIO_SOFT.min || ratio > RATIO_SOFT.max))
      add('length-ratio', ratio.toFixed(2));
  }
  return findings;
}

/**
 * English characters per Han character of a pair. What is not Han in the Chinese (URLs, Latin
 * names, digits) carries over to the English as it is, so it is taken off the English first.
 */
export function lengthRatio(doc: BuiltDoc, pair: Pair): number | undefined {
  const { zh, en } = pairTexts(doc, pair);
  const han = countHan(zh);
  if (han < RATIO_MIN_HAN || en === '') return undefined;
  const carried = [...zh].length - han;
  return Math.max(0, [...en].length - carried) / han;
}
