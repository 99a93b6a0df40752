/**
 * The reader's settings: every reading aid is a toggle, remembered between visits. This module is
 * the data and its rules (defaults, validation of whatever storage holds, the steps of the text
 * size); the browser side (localStorage, the React hook) lives in the reader's components.
 */

type Annotation = 'none' | 'pinyin' | 'zhuyin';
type ToneColours = 'off' | 'standard' | 'pleco';
/**
 * The characters the reader reads in: the document's own, simplified, or traditional as written in
 * Taiwan or Hong Kong (OpenCC's tw and hk standards, characters only: no vocabulary rewriting).
 */
export type Script = 'original' | 'simplified' | 'tw' | 'hk';
/** A conversion the reader asks the server for: the traditional standards. */
export type TraditionalScript = Extract<Script, 'tw' | 'hk'>;
/** The script variants of documents (lib/model's ScriptVariant), spelt here so this module stays free of imports. */
type Variant = 'simplified' | 'traditional-HK' | 'traditional-TW';
/** The HSK standard that marks words and grades documents: 2.0 (2012, six levels) or 3.0 (2021, 1–6 and the 7–9 band). */
export const HSK_STANDARDS = ['hsk2', 'hsk3'] as const;
export type HskStandard = (typeof HSK_STANDARDS)[number];
/** Highest level of each standard (HSK 3.0's 7 is the 7–9 band). */
export const HSK_TOP: Record<HskStandard, number> = { hsk2: 6, hsk3: 7 };
/** What happens to the pinyin of words at or below the reader's HSK level. */
type KnownPinyin = 'show' | 'soften' | 'hide';

export interface ReaderSettings {
  /** Reading shown above each character. */
  annotation: Annotation;
  toneColours: ToneColours;
  /** The characters to read any document in (see `shownScript`). */
  script: Script;
  /** Mark words by HSK level. */
  hskMarks: boolean;
  /** Colour words by the learner's statuses (new, learning 1–4). */
  statusColours: boolean;
  /** Which HSK standard the marks, the known level and the documents' difficulty follow. */
  hskStandard: HskStandard;
  /** The reader's own HSK level (0: none); words at or below it are "known". */
  knownLevel: number;
  knownPinyin: KnownPinyin;
  /** English hidden until a sentence or pair is revealed. */
  reveal: boolean;
  /** Pinyin and a short gloss under every word. */
  interlinear: boolean;
  /** Pointing at a sentence marks its aligned sentences on the other side. */
  sync: boolean;
  /** Steps from the default text size (0). */
  textSize: number;
  /** The contents sidebar is open (on wide screens). */
  contents: boolean;
}

export const DEFAULT_SETTINGS: Readonly<ReaderSettings> = Object.freeze({
  annotation: 'none',
  toneColours: 'off',
  script: 'original',
  hskMarks: false,
  hskStandard: 'hsk2',
  statusColours: true,
  knownLevel: 0,
  knownPinyin: 'soften',
  reveal: false,
  interlinear: false,
  sync: true,
  textSize: 0,
  contents: true,
});

export const TEXT_SIZE_MIN = -2;
export const TEXT_SIZE_MAX = 5;
/** Each step scales the text by this factor (−2 → 0.81×, +5 → 1.61×). */
const TEXT_SIZE_STEP = 1.1;

export function textScale(step: number): number {
  return Math.round(TEXT_SIZE_STEP ** step * 1000) / 1000;
}

const CHOICES = {
  annotation: ['none', 'pinyin', 'zhuyin'],
  toneColours: ['off', 'standard', 'pleco'],
  script: ['original', 'simplified', 'tw', 'hk'],
  knownPinyin: ['show', 'soften', 'hide'],
  hskStandard: HSK_STANDARDS,
} as const satisfies Partial<Record<keyof ReaderSettings, readonly string[]>>;

function choice<K extends keyof typeof CHOICES>(key: K, value: unknown): (typeof CHOICES)[K][number] {
  return (CHOICES[key] as readonly unknown[]).includes(value)
    ? (value as (typeof CHOICES)[K][number])
    : DEFAULT_SETTINGS[key];
}

function integer(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * Settings from whatever storage held (a string written by an older version, by hand, or nothing):
 * each valid field is kept, anything else falls back to its default. Never throws.
 */
export function parseSettings(stored: string | null): ReaderSettings {
  let raw: unknown = null;
  try {
    raw = stored === null ? null : JSON.parse(stored);
  } catch {
    raw = null;
  }
  const o = (raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  return {
    annotation: choice('annotation', o.annotation),
    toneColours: choice('toneColours', o.toneColours),
    script: choice('script', o.script),
    hskMarks: flag(o.hskMarks, DEFAULT_SETTINGS.hskMarks),
    hskStandard: choice('hskStandard', o.hskStandard),
    statusColours: flag(o.statusColours, DEFAULT_SETTINGS.statusColours),
    knownLevel: integer(o.knownLevel, 0, HSK_TOP.hsk3, DEFAULT_SETTINGS.knownLevel),
    knownPinyin: choice('knownPinyin', o.knownPinyin),
    reveal: flag(o.reveal, DEFAULT_SETTINGS.reveal),
    interlinear: flag(o.interlinear, DEFAULT_SETTINGS.interlinear),
    sync: flag(o.sync, DEFAULT_SETTINGS.sync),
    textSize: integer(o.textSize, TEXT_SIZE_MIN, TEXT_SIZE_MAX, DEFAULT_SETTINGS.textSize),
    contents: flag(o.contents, DEFAULT_SETTINGS.contents),
  };
}

/** Whether a word of this HSK level counts as known to the reader (level 0 words never do). */
export function isKnown(hsk: number, settings: Pick<ReaderSettings, 'knownLevel'>): boolean {
  return hsk > 0 && hsk <= settings.knownLevel;
}

/**
 * The changes the toolbar and the keyboard shortcuts both make, so a button and its key can never
 * disagree: pinyin on or off, a flag flipped, the text a step larger or smaller (within bounds).
 */
export function togglePinyin(s: Pick<ReaderSettings, 'annotation'>): Partial<ReaderSettings> {
  return { annotation: s.annotation === 'none' ? 'pinyin' : 'none' };
}

export function toggleFlag(
  flag: 'reveal' | 'interlinear' | 'contents',
): (s: ReaderSettings) => Partial<ReaderSettings> {
  return (s) => ({ [flag]: !s[flag] });
}

export function stepTextSize(delta: 1 | -1): (s: Pick<ReaderSettings, 'textSize'>) => Partial<ReaderSettings> {
  return (s) => ({ textSize: Math.max(TEXT_SIZE_MIN, Math.min(TEXT_SIZE_MAX, s.textSize + delta)) });
}

/**
 * What a document written in `variant` is drawn in when the reader chose `script`: its own text
 * ('original') when the choice is the script it is written in, else the conversion.
 */
export function shownScript(script: Script, variant: Variant): Script {
  if (script === 'simplified' && variant === 'simplified') return 'original';
  if ((script === 'tw' && variant === 'traditional-TW') || (script === 'hk' && variant === 'traditional-HK'))
    return 'original';
  return script;
}

/** The script choices offered for a document: its own first, then each other one. */
export function scriptChoices(variant: Variant): Script[] {
  return (['original', 'simplified', 'tw', 'hk'] as const).filter(
    (s) => s === 'original' || shownScript(s, variant) !== 'original',
  );
}
