import type { Word, ZhBlock } from '@/lib/model';

const HAN = /\p{Script=Han}/u;

/**
 * One word of the Chinese text. Words with Han characters become spans carrying what the popover
 * needs (dictionary key, pinyin, simplified form) in data attributes, each only when it says
 * something the text does not; punctuation and Latin text stay plain text. No tabindex here: the
 * popover gives one word at a time a place in the tab order (a long document has 10,000 words and
 * every byte is sent twice, as HTML and as the RSC payload). The dictionary never reaches the client.
 */
function WordView({ word }: { word: Word }) {
  if (!HAN.test(word.original)) return word.original;
  const lookup = word.key ?? word.simplified;
  return (
    <span
      className="w"
      data-k={lookup !== word.original ? lookup : undefined}
      data-s={word.simplified !== word.original ? word.simplified : undefined}
      data-p={word.pinyin === '' ? undefined : word.pinyin}
    >
      {word.original}
    </span>
  );
}

/** The words of a Chinese block in the source's own script. */
export function ZhText({ block }: { block: ZhBlock }) {
  if (block.sentences.length === 0) return block.original || block.text;
  return block.sentences.flatMap((sentence, s) =>
    sentence.words.map((word, w) => <WordView key={`${s}.${w}`} word={word} />),
  );
}
