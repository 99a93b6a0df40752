/**
 * Which keys occur inside a longer one of a set of texts: `texts.some((t) => t.length > k.length &&
 * t.includes(k))` for every key, without its cost of keys × texts (a 4 MB page has tens of
 * thousands of paragraphs, and the cleaner asks this of each; issue 22). Hand-written because the
 * question is this narrow: an index of every text's 4-character grams at every 5th position, and a
 * key at least 8 characters long has, wherever it occurs, one of its first five grams at an indexed
 * position; only the texts listed under that gram are searched. Shorter keys are searched plainly.
 */
const GRAM = 4;
const STEP = 5;
const MIN_INDEXED_KEY = GRAM + STEP - 1;

export function containedInLonger(keys: readonly string[], texts: readonly string[]): boolean[] {
  const distinct = [...new Set(texts)];
  const index = new Map<string, number[]>();
  distinct.forEach((text, id) => {
    for (let p = 0; p + GRAM <= text.length; p += STEP) {
      const gram = text.slice(p, p + GRAM);
      const ids = index.get(gram);
      if (!ids) index.set(gram, [id]);
      else if (ids.at(-1) !== id) ids.push(id);
    }
  });
  const inside = (key: string, id: number) => distinct[id]!.length > key.length && distinct[id]!.includes(key);
  const memo = new Map<string, boolean>();
  const found = (key: string): boolean => {
    if (key.length < MIN_INDEXED_KEY) return distinct.some((_, id) => inside(key, id));
    // An occurrence at p puts the key's gram at offset r = (-p mod STEP) on an indexed position,
    // and so every gram at r + STEP·j: any of their lists holds the text; the shortest is searched.
    for (let r = 0; r < STEP; r++) {
      let shortest: number[] | undefined;
      for (let o = r; o + GRAM <= key.length; o += STEP) {
        const ids = index.get(key.slice(o, o + GRAM)) ?? [];
        if (!shortest || ids.length < shortest.length) shortest = ids;
        if (ids.length === 0) break;
      }
      if (shortest?.some((id) => inside(key, id))) return true;
    }
    return false;
  };
  return keys.map((key) => {
    let answer = memo.get(key);
    if (answer === undefined) memo.set(key, (answer = found(key)));
    return answer;
  });
}
