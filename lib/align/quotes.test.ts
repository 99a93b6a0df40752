import { describe, expect, it } from 'vitest';
import {
  bracketStates,
  chineseQuoteStates,
  chineseSpeechEnds,
  englishQuoteStates,
  englishSpeechEnds,
  speechMark,
} from './quotes';

describe('chineseQuoteStates', () => {
  it('follows speech across sentences, ignoring inner quotes', () => {
    expect(chineseQuoteStates(['他说：“今天不打了。', '明天再来。”', '说着出屋而去。'])).toEqual([true, false, false]);
    expect(chineseQuoteStates(['俗语说的好：‘与人方便，自己方便。’'])).toEqual([false]);
    expect(chineseQuoteStates(['「好。」', '他笑道：「走吧！'])).toEqual([false, true]);
  });
});

describe('englishQuoteStates', () => {
  it('tells single quotes from apostrophes', () => {
    const en = [
      "'No more for today!",
      "Tomorrow, if you like.'",
      "Trinket's arms were sore, and he didn't mind.",
      "'Very well!' he replied.",
    ];
    expect(speechMark(en)).toBe('single');
    expect(englishQuoteStates(en)).toEqual([true, false, false, false]);
  });

  it('keeps the outer speech open across an inner quotation', () => {
    expect(
      englishQuoteStates([
        '\'You know what they say: "Important people have short memories."',
        "I wouldn't expect you to remember us!'",
      ]),
    ).toEqual([true, false]);
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

describe('speech ends', () => {
  it('tells speech, narration and attributions apart in Chinese', () => {
    expect(
      chineseSpeechEnds([
        '韦小宝道：“不降！”',
        '跃起身来，去抱他左腿。',
        '“哈哈。”他说。',
        '沙瑞山摇摇头说。',
        '她说：你怎么能这样不懂道理。',
        '我不知道。',
      ]),
    ).toEqual([1, -1, 0, 0, 0, -1]);
  });

  it('counts an attribution after the speech as narration in English', () => {
    expect(
      englishSpeechEnds([
        "'Surrender?'",
        "'No, I don't,' said Trinket.",
        'He left the room.',
        '"We\'ll know soon," Sha said.',
      ]),
    ).toEqual([1, -1, -1, -1]);
  });
});

describe('bracketStates', () => {
  it('marks the sentences inside a parenthesis that runs over a sentence end', () => {
    // A psalm's heading, cut at its "。" by the splitter, and a note in English brackets.
    expect(bracketStates(['细拉。', '（大卫的诗，交与伶长。', '用丝弦的乐器。）', '神阿，求你应允我。'])).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(bracketStates(['He said (as he had before.', 'Twice.) and left.'])).toEqual([true, false]);
  });

  it('leaves a parenthesis within one sentence, and a stray opening mark, alone', () => {
    expect(bracketStates(['（神人摩西的祈祷。）', '主阿。'])).toEqual([false, false]);
    expect(bracketStates(['（一', '二。', '三。', '四。', '五。', '六）。'])).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
