import { describe, expect, it } from 'vitest';
import { americanSpelling } from './spelling';

describe('americanSpelling', () => {
  it.each([
    ['neighbourliness', 'neighborliness'],
    ['neighbourly', 'neighborly'],
    ['labour', 'labor'],
    ['favourable', 'favorable'],
    ['organisation', 'organization'],
    ['globalisation', 'globalization'],
    ['recognised', 'recognized'],
    ['analyse', 'analyze'],
    ['dialogue', 'dialog'],
    ['travelled', 'traveled'],
    ['centre', 'center'],
    ['defence', 'defense'],
    ['programme', 'program'],
  ])('%s → %s', (british, american) => {
    expect(americanSpelling(british)).toBe(american);
  });

  it.each(['four', 'hour', 'your', 'tour', 'journey', 'rise', 'league', 'called', 'cooperation', 'putin'])(
    'leaves %s alone',
    (word) => {
      expect(americanSpelling(word)).toBe(word);
    },
  );
});
