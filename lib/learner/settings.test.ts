import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isKnown,
  parseSettings,
  scriptChoices,
  shownScript,
  stepTextSize,
  textScale,
  TEXT_SIZE_MAX,
  TEXT_SIZE_MIN,
  toggleFlag,
  togglePinyin,
} from './settings';

describe('parseSettings', () => {
  it('gives the defaults for nothing, broken JSON and non-objects', () => {
    for (const stored of [null, '', '{', 'null', '42', '"pinyin"', '[1,2]'])
      expect(parseSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid field and replaces only the invalid ones', () => {
    const parsed = parseSettings(
      JSON.stringify({
        annotation: 'zhuyin',
        toneColours: 'purple',
        knownLevel: 4,
        textSize: 99,
        reveal: true,
        sync: 'yes',
        extra: 1,
      }),
    );
    expect(parsed).toEqual({ ...DEFAULT_SETTINGS, annotation: 'zhuyin', knownLevel: 4, reveal: true });
    expect(parsed).not.toHaveProperty('extra');
  });

  it('refuses levels and sizes that are not whole numbers in range', () => {
    // 7 is HSK 3.0's 7–9 band; nothing above it.
    for (const knownLevel of [-1, 8, 2.5, '3'])
      expect(parseSettings(JSON.stringify({ knownLevel })).knownLevel).toBe(0);
    expect(parseSettings(JSON.stringify({ knownLevel: 7 })).knownLevel).toBe(7);
    for (const textSize of [TEXT_SIZE_MIN - 1, TEXT_SIZE_MAX + 1, 0.5])
      expect(parseSettings(JSON.stringify({ textSize })).textSize).toBe(0);
    expect(parseSettings(JSON.stringify({ textSize: TEXT_SIZE_MAX })).textSize).toBe(TEXT_SIZE_MAX);
  });

  it('round-trips what it produces', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      annotation: 'pinyin' as const,
      toneColours: 'pleco' as const,
      hskMarks: true,
      knownLevel: 2,
    };
    expect(parseSettings(JSON.stringify(settings))).toEqual(settings);
  });
});

describe('isKnown and textScale', () => {
  it('counts words at or below the level as known, never words outside the lists', () => {
    expect(isKnown(2, { knownLevel: 3 })).toBe(true);
    expect(isKnown(3, { knownLevel: 3 })).toBe(true);
    expect(isKnown(4, { knownLevel: 3 })).toBe(false);
    expect(isKnown(0, { knownLevel: 6 })).toBe(false);
    expect(isKnown(1, { knownLevel: 0 })).toBe(false);
  });

  it('scales by a constant factor per step', () => {
    expect(textScale(0)).toBe(1);
    expect(textScale(1)).toBeCloseTo(1.1, 3);
    expect(textScale(-2)).toBeCloseTo(0.826, 3);
  });
});

describe('the changes a button and its key share', () => {
  it('turns pinyin on from nothing and any reading off', () => {
    expect(togglePinyin({ annotation: 'none' })).toEqual({ annotation: 'pinyin' });
    expect(togglePinyin({ annotation: 'zhuyin' })).toEqual({ annotation: 'none' });
  });

  it('flips a flag and steps the text size within bounds', () => {
    expect(toggleFlag('reveal')({ ...DEFAULT_SETTINGS, reveal: false })).toEqual({ reveal: true });
    expect(stepTextSize(1)({ textSize: TEXT_SIZE_MAX })).toEqual({ textSize: TEXT_SIZE_MAX });
    expect(stepTextSize(-1)({ textSize: TEXT_SIZE_MIN })).toEqual({ textSize: TEXT_SIZE_MIN });
    expect(stepTextSize(1)({ textSize: 0 })).toEqual({ textSize: 1 });
  });
});

describe('shownScript and scriptChoices', () => {
  it("draws a document's own text when the choice is its own script, else the conversion", () => {
    expect(shownScript('simplified', 'simplified')).toBe('original');
    expect(shownScript('tw', 'simplified')).toBe('tw');
    expect(shownScript('hk', 'traditional-HK')).toBe('original');
    expect(shownScript('tw', 'traditional-HK')).toBe('tw');
    expect(shownScript('simplified', 'traditional-TW')).toBe('simplified');
    expect(shownScript('original', 'traditional-TW')).toBe('original');
  });
  it("offers every other script, the document's own first", () => {
    expect(scriptChoices('simplified')).toEqual(['original', 'tw', 'hk']);
    expect(scriptChoices('traditional-HK')).toEqual(['original', 'simplified', 'tw']);
    expect(scriptChoices('traditional-TW')).toEqual(['original', 'simplified', 'hk']);
  });
  it('keeps a stored tw or hk choice and drops anything else', () => {
    expect(parseSettings('{"script":"hk"}').script).toBe('hk');
    expect(parseSettings('{"script":"s2t"}').script).toBe('original');
  });
});
