/**
 * Whether each sentence ends inside quoted speech. In dialogue a translator regroups sentences
 * freely, but a Chinese quotation and its English rendering open and close together: a bead
 * boundary inside the speech on one side and outside it on the other is suspect. Written here
 * because no library tracks quotation state across sentences; English straight quotes are told
 * apart from apostrophes by what stands on either side of them.
 */

/** Chinese: “…” and 「…」 are speech; ‘…’ and 『…』 nest inside it and are left alone. */
export function chineseQuoteStates(sentences: string[]): boolean[] {
  let open = false;
  return sentences.map((s) => {
    for (const c of s) {
      if (c === '“' || c === '「') open = true;
      else if (c === '”' || c === '」') open = false;
    }
    return open;
  });
}

type Mark = 'single' | 'double';

const OPENING: Record<Mark, RegExp> = {
  single: /(?:^|(?<=[\s([—–-]))['‘](?=[\p{L}\p{N}.…\s])|‘/gu,
  double: /(?:^|(?<=[\s([—–-]))"(?=\S)|“/gu,
};
// A closing mark follows a word or punctuation and is not followed by a letter or digit (which
// would make a single one an apostrophe): '…now,' he said / "…a third party"①.
const CLOSING: Record<Mark, RegExp> = {
  single: /(?<=[\p{L}\p{N}.,!?;:…—–-])['’](?![\p{L}\p{Nd}])|(?<=[.,!?…—–-])['’]/gu,
  double: /(?<=\S)"(?![\p{L}\p{Nd}])|”/gu,
};

/** The speech mark of a translation: whichever of ' and " opens more of its sentences. */
export function speechMark(sentences: string[]): Mark {
  let single = 0;
  let double = 0;
  for (const s of sentences) {
    if (/^\s*['‘]/u.test(s)) single++;
    else if (/^\s*["“]/u.test(s)) double++;
  }
  return single > double ? 'single' : 'double';
}

/** English: the state after each sentence, following the translation's own speech mark only. */
export function englishQuoteStates(sentences: string[]): boolean[] {
  const mark = speechMark(sentences);
  let open = false;
  return sentences.map((s) => {
    const events: Array<[number, boolean]> = [];
    for (const m of s.matchAll(OPENING[mark])) events.push([m.index, true]);
    for (const m of s.matchAll(CLOSING[mark])) if (!events.some(([i]) => i === m.index)) events.push([m.index, false]);
    events.sort((a, b) => a[0] - b[0]);
    for (const [, opens] of events) open = opens;
    return open;
  });
}

/**
 * How a sentence ends: 1 with the close of quoted speech, -1 in narration, 0 when it may go either
 * way. A bead whose last sentences end one with speech and the other with narration is suspect:
 * translators move a speaker's attribution around within a sentence, but where one side closes a
 * speech the other closes it too far more often than not (97% of the development set's beads,
 * against 78% of the beads it got wrong).
 */
export type SpeechEnd = -1 | 0 | 1;

/**
 * Chinese: 0 for an attribution the translator may fold into the speech before it (“…”他说。,
 * 沙瑞山摇摇头说。) and for speech written without quotation marks (她说：…), which the translator
 * usually quotes.
 */
export function chineseSpeechEnds(sentences: string[]): SpeechEnd[] {
  return sentences.map((s) => {
    if (/[”」』][\s…。]*$/u.test(s)) return 1;
    if (
      /[”」』][^“”「」『』]{1,8}$/u.test(s) ||
      /^[^“”「」]{1,14}[^知][说道问叫喊答][。！]?\s*$/u.test(s) ||
      /[说道问][：:][^“「]/u.test(s)
    )
      return 0;
    return -1;
  });
}

/**
 * English: a sentence ends with speech only when it ends with the closing mark; one with the
 * attribution after the speech ('…,' said Trinket.) counts as narration, which its Chinese source
 * (韦小宝道：“…”) usually is not: measured, treating it as either way loses more beads than it saves.
 */
export function englishSpeechEnds(sentences: string[]): SpeechEnd[] {
  return sentences.map((s) => (/['"’”]\s*$/u.test(s) ? 1 : -1));
}

/**
 * Whether each sentence ends inside an unclosed parenthesis, (…) or （…）: a note in brackets that
 * runs over a sentence end (a psalm's heading, "（大卫的诗，交与伶长。 | 用丝弦的乐器。）") is one unit,
 * and a bead that ends inside it on one side only cuts it in two. Only a parenthesis that closes
 * within MAX_BRACKET_SENTENCES counts: a stray opening mark must not hold the rest of a text open.
 */
export function bracketStates(sentences: readonly string[]): boolean[] {
  const inside = sentences.map(() => false);
  let open = -1;
  sentences.forEach((s, i) => {
    for (const c of s) {
      if (c === '(' || c === '（') open = open < 0 ? i : open;
      else if ((c === ')' || c === '）') && open >= 0) {
        for (let k = open; k < i; k++) inside[k] = true;
        open = -1;
      }
    }
    if (open >= 0 && i - open >= MAX_BRACKET_SENTENCES) open = -1;
  });
  return inside;
}

/** A parenthesis longer than this many sentences is taken for a stray mark. */
const MAX_BRACKET_SENTENCES = 4;
