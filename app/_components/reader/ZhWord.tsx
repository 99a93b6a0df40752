import { memo, type ReactNode } from 'react';
import { charReadings, zhuyinOf } from '@/lib/learner/readings';
import { isKnown, type ReaderSettings } from '@/lib/learner/settings';
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
}

/** Each character, with its tone class and ruby when asked for. */
function characters(text: string, pinyin: string, style: WordStyle): ReactNode {
  const readings = charReadings(text, pinyin);
  const ruby = style.annotation !== 'none' && !style.interlinear;
  return readings.map(({ char, syllable, tone }, i) => {
    const glyph = style.toneColours && tone > 0 ? <span className={`tone tone-${tone}`}>{char}</span> : char;
    if (!ruby || syllable === '') return <span key={i}>{glyph}</span>;
    const reading = style.annotation === 'zhuyin' ? zhuyinOf(syllable) : syllable;
    return (
      <ruby key={i}>
        {glyph}
        <rt className={style.toneColours ? `tone tone-${tone}` : undefined}>{reading}</rt>
      </ruby>
    );
  });
}

/**
 * One word of the Chinese text. Words with Han characters become `.w` spans carrying what the
 * popover needs in data attributes (dictionary key, simplified form, pinyin), each only when it
 * says something the text does not; `data-o` holds the word itself when ruby or a gloss adds text
 * inside the span. No tabindex: the popover gives one word at a time a place in the tab order.
 */
export const ZhWord = memo(function ZhWord({ word, style, gloss }: { word: ViewWord; style: WordStyle; gloss?: string }) {
  if (typeof word === 'string') return word;
  const parts = wordParts(word);
  const text = style.simplified ? parts.simplified : parts.original;
  const plainText = style.annotation === 'none' && !style.toneColours && !style.interlinear;
  const classes = ['w'];
  if (style.hskMarks) classes.push(parts.hsk > 0 ? `hsk hsk-${parts.hsk}` : 'hsk hsk-0');
  if (isKnown(parts.hsk, style)) classes.push('known');
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
          <span className="wi-zh">{characters(text, parts.pinyin, style)}</span>
          <span className="wi-py" aria-hidden="true">
            {style.annotation === 'zhuyin' ? parts.pinyin.split(' ').map(zhuyinOf).join(' ') : parts.pinyin}
          </span>
          <span className="wi-gl" lang="en" aria-hidden="true">
            {gloss ?? '\u00a0'}
          </span>
        </>
      ) : (
        characters(text, parts.pinyin, style)
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
