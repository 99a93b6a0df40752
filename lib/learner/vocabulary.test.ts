import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  dedupe,
  filterWords,
  hasWord,
  highlightParts,
  MAX_WORDS,
  parseVocabulary,
  serialiseVocabulary,
  sortWords,
  sourceHref,
  toSavedWord,
  upsertWord,
  withoutWord,
  type SavedWord,
} from './vocabulary';
import { ankiCsv, exportFileName, tsv } from './vocabulary-export';

function saved(over: Partial<Omit<SavedWord, 'source'>> & { source?: Partial<SavedWord['source']> } = {}): SavedWord {
  const { source, ...rest } = over;
  return {
    word: '合作',
    simplified: '合作',
    pinyin: 'hé zuò',
    meaning: 'to cooperate; to collaborate; to work together',
    sentence: '两国加强合作。',
    translation: 'The two countries strengthen cooperation.',
    source: { docId: 'doc-a', title: 'Document A', pair: 3, ...source },
    savedAt: '2026-05-20T10:00:00.000Z',
    ...rest,
  };
}

/** The records of an Anki CSV, its `#` header lines left out (Anki reads them as settings). */
function csvRecords(csv: string): string[][] {
  const body = csv.replace(/^(#[^\r\n]*\r\n)+/, '');
  return parse(body, { relax_column_count: false }) as string[][];
}

describe('ankiCsv', () => {
  it('starts with the header lines Anki reads, then one quoted record per word', () => {
    const csv = ankiCsv([saved()]);
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '#separator:Comma',
      '#html:false',
      '#columns:Word,Pinyin,Meaning,Sentence,Translation,Source',
    ]);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.split('\r\n')[3]).toBe(
      '"合作","hé zuò","to cooperate; to collaborate; to work together","两国加强合作。","The two countries strengthen cooperation.","Document A (doc-a #p-4)"',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips commas, quotes, newlines, tabs and a leading # through an RFC 4180 parser', () => {
    const hostile = saved({
      word: '#合作',
      meaning: 'one, two; "three"',
      sentence: '第一行\n第二行\r\n第三行',
      translation: 'tab\there, quote " and comma, <b>not html</b>',
      source: { title: 'A "quoted", title' },
    });
    const records = csvRecords(ankiCsv([hostile, saved({ word: '关系', simplified: '关系' })]));
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual([
      '#合作',
      'hé zuò',
      'one, two; "three"',
      '第一行\n第二行\r\n第三行',
      'tab\there, quote " and comma, <b>not html</b>',
      'A "quoted", title (doc-a #p-4)',
    ]);
    expect(records[1]?.[0]).toBe('关系');
  });

  it('row 22.6: a cell a spreadsheet would run as a formula gets a single quote in front, in the CSV and the TSV', () => {
    const hostile = saved({
      meaning: '=HYPERLINK("https://evil.example","click")',
      translation: '-2+3',
      sentence: '@SUM(A1)',
      pinyin: '+hé',
    });
    expect(csvRecords(ankiCsv([hostile]))[0]).toEqual([
      '合作',
      "'+hé",
      `'=HYPERLINK("https://evil.example","click")`,
      "'@SUM(A1)",
      "'-2+3",
      'Document A (doc-a #p-4)',
    ]);
    expect(tsv([hostile]).split('\n')[0]!.split('\t')).toEqual([
      '合作',
      "'+hé",
      `'=HYPERLINK("https://evil.example","click")`,
      "'@SUM(A1)",
      "'-2+3",
      'Document A (doc-a #p-4)',
    ]);
    // A tab or CR at the start of a TSV field becomes nothing (trimmed), never a formula.
    expect(tsv([saved({ translation: '\t=1' })]).split('\t')[4]).toBe("'=1");
  });

  it('quotes empty fields and writes only the header for an empty list', () => {
    expect(csvRecords(ankiCsv([saved({ translation: '' })]))[0]?.[4]).toBe('');
    expect(ankiCsv([]).split('\r\n').filter(Boolean)).toHaveLength(3);
  });
});

describe('tsv', () => {
  it('writes six columns a line, tabs and line breaks inside fields turned into spaces', () => {
    const out = tsv([saved({ sentence: '第一行\n第二行', translation: 'a\tb\r\nc', meaning: 'x "y", z' })]);
    const lines = out.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const fields = lines[0]!.split('\t');
    expect(fields).toEqual(['合作', 'hé zuò', 'x "y", z', '第一行 第二行', 'a b c', 'Document A (doc-a #p-4)']);
  });

  it('is empty for no words', () => {
    expect(tsv([])).toBe('');
  });
});

describe('parseVocabulary', () => {
  it('reads what serialiseVocabulary wrote', () => {
    const words = [saved(), saved({ word: '關係', simplified: '关系', savedAt: '2026-05-19T00:00:00.000Z' })];
    expect(parseVocabulary(serialiseVocabulary(words))).toEqual(words);
  });

  it('gives an empty list for missing, corrupt or foreign data, and never throws', () => {
    for (const raw of [
      null,
      undefined,
      '',
      '{',
      'undefined',
      'null',
      '42',
      '"text"',
      '{"version":1}',
      '{"words":{"0":{}}}',
      '[[[',
      '\u0000',
    ]) {
      expect(parseVocabulary(raw), String(raw)).toEqual([]);
    }
  });

  it('reads a bare array (an older shape) and drops items it cannot use', () => {
    const good = saved();
    const raw = JSON.stringify([
      good,
      null,
      7,
      'word',
      [],
      { word: '合作' },
      { ...good, word: '' },
      { ...good, word: 42 },
      { ...good, source: null },
      { ...good, source: { docId: '../../etc', pair: 1 } },
      { ...good, source: { docId: 'doc-a', pair: -1 } },
      { ...good, source: { docId: 'doc-a', pair: 1.5 } },
      { ...good, source: { docId: 'doc-a', pair: '3' } },
      { ...good, word: '字'.repeat(40) },
    ]);
    expect(parseVocabulary(raw)).toEqual([good]);
  });

  it('fills in the optional fields of a partial item', () => {
    const [w] = parseVocabulary(
      JSON.stringify({
        version: 1,
        words: [{ word: '關係', source: { docId: 'doc-b', pair: 0 }, savedAt: 'yesterday', pinyin: 5 }],
      }),
    );
    expect(w).toEqual({
      word: '關係',
      simplified: '關係',
      pinyin: '',
      meaning: '',
      sentence: '',
      translation: '',
      source: { docId: 'doc-b', title: 'doc-b', pair: 0 },
      savedAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it('ignores __proto__ and extra keys, and keeps no reference to the stored objects', () => {
    const raw = `{"version":1,"words":[{"__proto__":{"polluted":true},"word":"合作","source":{"docId":"doc-a","pair":2,"extra":1},"evil":"x"}]}`;
    const [w] = parseVocabulary(raw);
    expect(w?.word).toBe('合作');
    expect(Object.keys(w!)).toEqual([
      'word',
      'simplified',
      'pinyin',
      'meaning',
      'sentence',
      'translation',
      'source',
      'savedAt',
    ]);
    expect(Object.keys(w!.source)).toEqual(['docId', 'title', 'pair']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cuts long texts on code points, never inside a surrogate pair', () => {
    const w = toSavedWord({ ...saved(), sentence: `${'𠀀'.repeat(3000)}` });
    expect(Array.from(w!.sentence)).toHaveLength(2000);
    expect(w!.sentence.endsWith('𠀀')).toBe(true);
  });

  it('keeps one entry per simplified word and document, the latest', () => {
    const older = saved({ savedAt: '2026-01-01T00:00:00.000Z', sentence: 'old' });
    const newer = saved({ word: '合作', savedAt: '2026-02-01T00:00:00.000Z', sentence: 'new' });
    const otherDoc = saved({ source: { docId: 'doc-b' }, savedAt: '2025-01-01T00:00:00.000Z' });
    const parsed = parseVocabulary(JSON.stringify([older, newer, otherDoc]));
    expect(parsed.map((w) => [w.sentence, w.source.docId])).toEqual([
      ['new', 'doc-a'],
      ['两国加强合作。', 'doc-b'],
    ]);
  });

  it('is bounded', () => {
    const many = Array.from({ length: MAX_WORDS + 50 }, (_, i) => saved({ word: `词${i}`, simplified: `词${i}` }));
    expect(parseVocabulary(JSON.stringify(many))).toHaveLength(MAX_WORDS);
  });
});

describe('merge rules', () => {
  it('saving a word again updates its entry and moves it to the top', () => {
    const a = saved();
    const b = saved({ word: '关系', simplified: '关系' });
    const again = saved({ sentence: '再次合作。', savedAt: '2026-06-01T00:00:00.000Z' });
    const list = upsertWord(upsertWord(upsertWord([], a), b), again);
    expect(list.map((w) => w.sentence)).toEqual(['再次合作。', '两国加强合作。']);
    expect(list.map((w) => w.simplified)).toEqual(['合作', '关系']);
  });

  it('a traditional and a simplified save of one word in one document are one entry; in two documents, two', () => {
    const trad = saved({ word: '關係', simplified: '关系' });
    const simp = saved({ word: '关系', simplified: '关系' });
    expect(upsertWord([trad], simp)).toHaveLength(1);
    expect(upsertWord([trad], saved({ word: '关系', simplified: '关系', source: { docId: 'doc-b' } }))).toHaveLength(2);
    expect(dedupe([trad, simp])).toHaveLength(1);
  });

  it('removes and finds by simplified word and document', () => {
    const list = [saved(), saved({ source: { docId: 'doc-b' } })];
    expect(hasWord(list, '合作', 'doc-b')).toBe(true);
    expect(hasWord(list, '合作', 'doc-c')).toBe(false);
    const rest = withoutWord(list, '合作', 'doc-a');
    expect(rest.map((w) => w.source.docId)).toEqual(['doc-b']);
    expect(hasWord(rest, '合作', 'doc-a')).toBe(false);
  });
});

describe('sorting and filtering', () => {
  const list = [
    saved({
      word: '关系',
      simplified: '关系',
      pinyin: 'guān xì',
      meaning: 'relation',
      savedAt: '2026-05-01T00:00:00.000Z',
      source: { docId: 'doc-b', title: 'B', pair: 9 },
    }),
    saved({
      word: '合作',
      simplified: '合作',
      pinyin: 'hé zuò',
      savedAt: '2026-05-03T00:00:00.000Z',
      source: { docId: 'doc-b', title: 'B', pair: 2 },
    }),
    saved({
      word: '安全',
      simplified: '安全',
      pinyin: 'ān quán',
      meaning: 'safe; security',
      savedAt: '2026-05-02T00:00:00.000Z',
      source: { docId: 'doc-a', title: 'A', pair: 5 },
    }),
  ];
  it('sorts newest first, by document and position, and by pinyin', () => {
    expect(sortWords(list, 'newest').map((w) => w.word)).toEqual(['合作', '安全', '关系']);
    expect(sortWords(list, 'document').map((w) => w.word)).toEqual(['安全', '合作', '关系']);
    expect(sortWords(list, 'pinyin').map((w) => w.word)).toEqual(['安全', '关系', '合作']);
  });

  it('filters by either script, pinyin with or without tones, English and title', () => {
    const words = (q: string) => filterWords(list, q).map((w) => w.word);
    expect(words('')).toHaveLength(3);
    expect(words('合')).toEqual(['合作']);
    expect(words('hezuo')).toEqual(['合作']);
    expect(words('guān xì')).toEqual(['关系']);
    expect(words('SECURITY')).toEqual(['安全']);
    expect(words('a')).toContain('安全');
    expect(words('zzz')).toEqual([]);
  });
});

describe('highlightParts', () => {
  it('marks every occurrence of the word', () => {
    expect(highlightParts('合作共赢，合作发展', '合作')).toEqual([
      { text: '合作', match: true },
      { text: '共赢，', match: false },
      { text: '合作', match: true },
      { text: '发展', match: false },
    ]);
  });
  it('leaves a sentence without the word whole, and matches no half of a supplementary character', () => {
    expect(highlightParts('两国', '合作')).toEqual([{ text: '两国', match: false }]);
    expect(highlightParts('𠀁𠐀', '𠀀')).toEqual([{ text: '𠀁𠐀', match: false }]);
    expect(highlightParts('', '合作')).toEqual([]);
  });
});

describe('links and file names', () => {
  it('links to the pair in the reader', () => {
    expect(sourceHref('zh-Hant', { docId: 'doc-a', title: 'A', pair: 0 })).toBe('/zh-Hant/read/doc-a#p-1');
  });
  it('dates the file name in local time', () => {
    expect(exportFileName('csv', new Date(2026, 4, 9, 23, 59))).toBe('duizhao-vocabulary-2026-05-09.csv');
    expect(exportFileName('tsv', new Date(2026, 11, 31))).toBe('duizhao-vocabulary-2026-12-31.tsv');
  });
});
