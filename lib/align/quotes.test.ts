import { describe, expect, it } from 'vitest';
import { chineseQuoteStates, englishQuoteStates, speechMark } from './quotes';

describe('chineseQuoteStates', () => {
  it('follows speech across sentences, ignoring inner quotes', () => {
    expect(chineseQuoteStates(['他说：“今天不打了。', '明天再来。”', '说着出屋而去。'])).toEqual([true, false, false]);
    expect(chineseQuoteStates(['俗语说的好：‘与人方便，自己方便。’'])).toEqual([false]);
    expect(chineseQuoteStates(['「好。」', '他笑道：「走吧！'])).toEqual([false, true]);
  });
});

describe('englishQuoteStates', () => {
  it('tells single quotes from apostrophes', () => {
    const en = ["'No more for today!", "Tomorrow, if you like.'", "Trinket's arms were sore, and he didn't mind.", "'Very well!' he replied."];
    expect(speechMark(en)).toBe('single');
    expect(englishQuoteStates(en)).toEqual([true, false, false, false]);
  });

  it('keeps the outer speech open across an inner quotation', () => {
    expect(englishQuoteStates(["'You know what they say: \"Important people have short memories.\"", "I wouldn't expect you to remember us!'"])).toEqual([true, false]);
  });

  it('follows double quotes when the translation uses them for speech', () => {
    const en = ['"Nowhere," she said.', '"Come with me.', 'It is late."', 'He went out.'];
    expect(speechMark(en)).toBe('double');
    expect(englishQuoteStates(en)).toEqual([false, true, false, false]);
    expect(englishQuoteStates(['“Come with me.', 'It is late.”'])).toEqual([true, false]);
  });

  it('is all false for text without speech', () => {
    expect(englishQuoteStates(['The talks were held in Beijing.', "China's trade grew."])).toEqual([false, false]);
  });
});
