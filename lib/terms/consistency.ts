/**
 * When a term's translations disagree. The rule is stated to users in whole percent ("less than
 * 60%"), and shares are shown rounded to whole percent, so the rule compares the rounded share: a
 * dominant rendering shown as 60% is not flagged under a 60% rule (0.596 was, before).
 */

/** Below this share of its own occurrences, a term's dominant rendering marks the term inconsistent. */
export const INCONSISTENT_BELOW = 0.6;

/** A share (0..1) in whole percent, as every page and export shows it. */
export function wholePercent(share: number): number {
  return Math.round(share * 100);
}

/** Whether a term's renderings disagree: more than one, the commonest under the threshold as shown. */
export function isInconsistent(
  renderings: ReadonlyArray<{ share: number }>,
  threshold: number = INCONSISTENT_BELOW,
): boolean {
  return renderings.length > 1 && wholePercent(renderings[0]!.share) < wholePercent(threshold);
}
