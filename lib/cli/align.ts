/** `align --zh A --en B`: paragraphs or sentences of two texts aligned. */
import { parseArgs } from 'node:util';
import { clean } from '../pipeline/clean';
import { UsageError, type Command } from './command';
import { readText, sentenceLines } from './text-file';

export const align: Command = {
  name: 'align',
  synopsis: 'align --zh A --en B [--sentences]',
  description: `Align a Chinese and an English text. With --sentences, A and B hold
one sentence per line: prints one bead per line, [zh ids]:[en ids]
(0-based line numbers, [] for an empty side). Without it, A and B are
raw texts: they are cleaned and split into sentences, and the pairs
are printed as JSON with their confidences. At most 8 MiB a side
(a longer book aligns chapter by chapter, or through ingest).`,
  options: `  --zh A, --en B           the Chinese and the English text, in UTF-8
  --sentences              A and B hold one sentence per line, already split`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { zh: { type: 'string' }, en: { type: 'string' }, sentences: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (!values.zh || !values.en || positionals.length > 0) throw new UsageError('align needs --zh FILE and --en FILE');
    // The texts first: a file refused (too large, not a file) is said before jieba and the dictionary load.
    const [zhText, enText] = await Promise.all([readText(values.zh), readText(values.en)]);
    const [
      { Aligner },
      { loadCedict },
      { formatBead },
      { splitSentences },
      { splitEnglishSentences },
      { alignSoftly },
    ] = await Promise.all([
      import('../align/aligner'),
      import('../dictionary/cedict'),
      import('../align/score'),
      import('../text/segment'),
      import('../pipeline/english'),
      import('../align/soft-splits'),
    ]);
    const aligner = new Aligner(loadCedict());
    if (values.sentences) {
      const beads = aligner.align(sentenceLines(zhText), sentenceLines(enText));
      process.stdout.write(beads.map((b) => `${formatBead(b)}\n`).join(''));
      return 0;
    }
    const zhSentences = clean({ path: values.zh, text: zhText, format: 'text' }).blocks.flatMap((b) =>
      splitSentences(b.text),
    );
    const enSentences = clean(
      { path: values.en, text: enText, format: 'text' },
      { repairLayout: false },
    ).blocks.flatMap((b) => splitEnglishSentences(b.text));
    // As the ingest does: a "；" or a closed quotation cuts the Chinese only where the English is cut.
    const pairs = alignSoftly(aligner, zhSentences, enSentences).map((b) => ({
      zh: b.zh.map((i) => zhSentences[i]),
      en: b.en.map((j) => enSentences[j]),
      zhIds: b.zh,
      enIds: b.en,
      confidence: b.confidence,
    }));
    process.stdout.write(`${JSON.stringify(pairs, null, 2)}\n`);
    return 0;
  },
};
