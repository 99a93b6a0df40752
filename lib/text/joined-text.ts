/**
 * A text grown by joining line after line, where each join looks only at the end of the text so far
 * (joinWrapped, joinAcrossBreak: its last characters and trailing space). Joining into one string
 * costs the whole string at every line (trimEnd and code-point spreads flatten it), so 200,000 wrapped
 * lines took minutes (issue 22); here the text is kept in parts and a join sees only its tail.
 */
/** Code units of tail a join sees: at least TAIL_POINTS code points, whatever the surrogates. */
const TAIL_POINTS = 8;

export class JoinedText {
  private readonly parts: string[];

  constructor(first: string) {
    this.parts = [first];
  }

  /**
   * `join(tail, right)` must give the same as join(whole, right) with whole's start left unchanged:
   * true of a function that trims the end of its left side and reads at most TAIL_POINTS - 1 of its last
   * code points. The tail it is given is the text so far, trimmed at the end, from TAIL_POINTS code points before its end.
   */
  join(right: string, join: (tail: string, right: string) => string): void {
    this.trimEnd();
    let tail = '';
    while (this.parts.length > 0 && [...tail].length < TAIL_POINTS) {
      const last = this.parts.pop()!;
      const need = TAIL_POINTS * 2 - tail.length;
      if (last.length <= need) tail = last + tail;
      else {
        let cut = last.length - need;
        // Not between the halves of a surrogate pair.
        const unit = last.charCodeAt(cut);
        if (unit >= 0xdc00 && unit <= 0xdfff) cut--;
        this.parts.push(last.slice(0, cut));
        tail = last.slice(cut) + tail;
        break;
      }
    }
    this.parts.push(join(tail, right));
  }

  toString(): string {
    return this.parts.join('');
  }

  /** As whole.trimEnd(): trailing white space may span parts that are only space. */
  private trimEnd(): void {
    while (this.parts.length > 0) {
      const last = this.parts[this.parts.length - 1]!;
      const trimmed = last.trimEnd();
      if (trimmed !== '' || this.parts.length === 1) {
        this.parts[this.parts.length - 1] = trimmed;
        return;
      }
      this.parts.pop();
    }
  }
}
