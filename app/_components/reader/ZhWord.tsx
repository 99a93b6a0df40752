import { memo, type ReactNode } from 'react';
import { charReadings, joinSyllables, zhuyinOf, type CharReading } from '@/lib/learner/readings';
import { statusOf, type KnownWords } from '@/lib/learner/known-words';
import { isKnown, type HskStandard, type ReaderSettings } from '@/lib/learner/settings';
import { shortGlossKey } from '@/lib/learner/short-gloss';
import { wordParts, type ViewWord } from '@/lib/reader/view';

/** The settings a word's drawing depends on, plus the script actually shown. */
export interface WordStyle {
  annotation: ReaderSettings['annotation'];
  toneColours: boolean;
  simplified: boolean;
  hskMarks: boolean;
  knownLevel: number;
  interlinear: boolean;
  /** The standard of the marks and the known level; HSK 3.0 levels come from `levels3`. */
  hskStandard?: HskStandard;
  /** HSK 3.0 level of each simplified word of the document (fetched when that standard is chosen). */
  levels3?: Readonly<Record<string, readonly [number, number]>> | null;
  /** The learner's word statuses, to colour words by (null: not coloured). */
  statuses?: KnownWords | null;
  /** Colour new words too (once the learner has given any word a status). */
  markNew?: boolean;
}

/** A word's level by the standard chosen: HSK 2.0 travels with the text, HSK 3.0 is looked up. */
function levelOf(hsk2: number, simplified: string, style: WordStyle): number {
  if (style.hskStandard !== 'hsk3') return hsk2;
  const entry = style.levels3 && Object.hasOwn(style.levels3, simplified) ? style.levels3[simplified] : undefined;
  return entry ? entry[1] : 0;
}

function glyphOf({ char, tone }: CharReading, style: WordStyle): ReactNode {
  return style.toneColours && tone > 0 ? <span className={`tone tone-${tone}`}>{char}</span> : char;
}

/**
 * Each character, with its tone class and its reading when asked for. Pinyin is one ruby per word,
 * its syllables joined as pinyin writes a word (liǎngguó), so readings group by word and never run
 * into the next word's; Zhuyin stays one ruby per character, as it is printed.
 */
function characters(text: string, pinyin: string, style: WordStyle): ReactNode {
  const readings = charReadings(text, pinyin);
  const ruby = style.annotation !== 'none' && !style.interlinear;
  if (ruby && style.annotation === 'pinyin' && readings.some((r) => r.syllable !== '')) {
    const read = readings.filter((r) => r.syllable !== '');
    const joined = joinSyllables(read.map((r) => r.syllable));
    return (
      <ruby className="wr">
        {readings.map((r, i) => (
          <span key={i}>{glyphOf(r, style)}</span>
        ))}
        <rt>{style.toneColours ? syllableSpans(read, joined) : joined}</rt>
      </ruby>
    );
  }
  return readings.map((r, i) => {
    if (!ruby || r.syllable === '') return <span key={i}>{glyphOf(r, style)}</span>;
    return (
      <ruby key={i}>
        {glyphOf(r, style)}
        <rt className={style.toneColours ? `tone tone-${r.tone}` : undefined}>{zhuyinOf(r.syllable)}</rt>
      </ruby>
    );
  });
}

/** The joined reading with each syllable in its tone's colour (apostrophes between, uncoloured). */
function syllableSpans(read: readonly CharReading[], joined: string): ReactNode {
  let at = 0;
  return read.map((r, i) => {
    const start = joined.indexOf(r.syllable, at);
    const apostrophe = start > at ? joined.slice(at, start) : '';
    at = start + r.syllable.length;
    return (
      <span key={i}>
        {apostrophe}
        <span className={`tone tone-${r.tone}`}>{r.syllable}</span>
      </span>
    );
  });
}

/**
 * One word of the Chinese text. Words with Han characters become `.w` spans carrying what the
 * popover needs in data attributes (dictionary key, simplified form, pinyin), each only when it
 * says something the text does not; `data-o` holds the word itself when ruby or a gloss adds text
 * inside the span. No tabindex: the popover gives one word at a time a place in the tab order.
 */
export const ZhWord = memo(function ZhWord({
  word,
  style,
  gloss,
  reading,
}: {
  word: ViewWord;
  style: WordStyle;
  gloss?: string;
  /** The reading as spoken in its sentence (tone sandhi, lib/learner/sandhi.ts); the word's own pinyin when absent. */
  reading?: string;
}) {
  if (typeof word === 'string') return word;
  const parts = wordParts(word);
  const spoken = reading ?? parts.pinyin;
  const text = style.simplified ? parts.simplified : parts.original;
  const plainText = style.annotation === 'none' && !style.toneColours && !style.interlinear;
  const classes = ['w'];
  const hsk = levelOf(parts.hsk, parts.simplified, style);
  if (style.hskMarks) classes.push(hsk > 0 ? `hsk hsk-${hsk}` : 'hsk hsk-0');
  const status = style.statuses ? statusOf(style.statuses, parts.simplified) : null;
  if (isKnown(hsk, style) || status === 'known') classes.push('known');
  if (typeof status === 'number') classes.push(`st-${status}`);
  else if (status === 'new' && style.markNew) classes.push('st-new');
  if (style.interlinear) classes.push('wi');
  return (
    <span
      className={classes.join(' ')}
      data-k={parts.key !== null && parts.key !== parts.simplified ? parts.key : undefined}
      data-s={parts.simplified !== text ? parts.simplified : undefined}
      data-p={parts.pinyin === '' ? undefined : parts.pinyin}
      data-o={plainText ? undefined : text}
    >
      {plainText ? (
        text
      ) : style.interlinear ? (
        <>
          <span className="wi-zh">{characters(text, spoken, style)}</span>
          <span className="wi-py" aria-hidden="true">
            {style.annotation === 'zhuyin'
              ? spoken.split(' ').map(zhuyinOf).join(' ')
              : joinSyllables(spoken.split(' ').filter(Boolean))}
          </span>
          <span className="wi-gl" lang="en" aria-hidden="true">
            {gloss ?? '\u00a0'}
          </span>
        </>
      ) : (
        characters(text, spoken, style)
      )}
    </span>
  );
});

/** The short gloss of a word for interlinear mode, from the glosses fetched for the document. */
export function glossOf(word: ViewWord, glosses: Record<string, string> | null): string | undefined {
  if (typeof word === 'string' || glosses === null) return undefined;
  const parts = wordParts(word);
  if (parts.key === null) return undefined;
  const id = shortGlossKey(parts.key, parts.pinyin);
  return Object.hasOwn(glosses, id) ? glosses[id] : undefined;
}
