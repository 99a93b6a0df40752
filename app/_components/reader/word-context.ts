/**
 * What the reader's DOM says about a word: its text, the sentence it stands in and that
 * sentence's aligned English. The reader draws each Chinese sentence as a `.zs` span and each
 * English one as an `.es` element, both carrying their sentence bead in `data-b` (see BlockView).
 */

/** The word as shown, without the ruby or gloss the reading aids put inside its span. */
export function wordText(el: HTMLElement): string {
  return el.dataset.o ?? el.textContent ?? '';
}

/** The text of a Chinese sentence (or any element holding words), without ruby or glosses. */
function plainText(root: Node): string {
  let text = '';
  for (const child of root.childNodes) {
    if (child instanceof HTMLElement && child.matches('.w')) text += wordText(child);
    else if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
    else text += plainText(child);
  }
  return text;
}

export interface WordPlace {
  /** The Chinese sentence, as shown. */
  sentence: string;
  /** Its aligned English ('' when none). */
  translation: string;
  /** The pair's id (0-based), or null outside the reader. */
  pair: number | null;
}

/** Where a word of the reader stands: its sentence, the aligned English and the pair. */
export function placeOf(el: HTMLElement): WordPlace {
  const sentence = el.closest<HTMLElement>('.zs');
  const pairEl = el.closest<HTMLElement>('.pair');
  const pair = pairEl ? Number(pairEl.dataset.pair) : NaN;
  const bead = sentence?.dataset.b;
  const english =
    pairEl && bead !== undefined
      ? [...pairEl.querySelectorAll<HTMLElement>(`.cell-en [data-b~="${CSS.escape(bead)}"]`)].map((e) =>
          (e.textContent ?? '').trim(),
        )
      : [];
  return {
    sentence: sentence ? plainText(sentence).trim() : '',
    translation: english.filter(Boolean).join(' '),
    pair: Number.isInteger(pair) ? pair : null,
  };
}
