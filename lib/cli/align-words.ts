/** `align-words --zh Z --en E`: word links of sentence pairs (lib/wordalign). */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config';
import { UsageError, type Command } from './command';
import { closeStore, openStore } from './store';
import { readText, sentenceLines } from './text-file';

type WordAlign = typeof import('../wordalign/index');

/** The sentence beads of every document of a build, as token pairs; none (said on stderr) when there is no build. */
async function corpusBeads(
  build: string | undefined,
  documentBeads: WordAlign['documentBeads'],
  config: Config,
): Promise<Array<import('../wordalign/index').TokenPair>> {
  const store = await openStore({ build }, config);
  try {
    const beads = [];
    for (const { meta } of await store.listDocs()) {
      const doc = await store.getDoc(meta.id);
      if (doc) beads.push(...documentBeads(doc).map((b) => b.tokens));
    }
    return beads;
  } catch (e) {
    if (!(e instanceof store.BuildMissingError)) throw e;
    process.stderr.write(`duizhao: no build at ${path.resolve(build ?? 'build')}: learning from the input alone\n`);
    return [];
  } finally {
    await closeStore();
  }
}

export const alignWords: Command = {
  name: 'align-words',
  synopsis: 'align-words --zh Z --en E [--pretokenized]',
  description: `Align the words of sentence pairs: Z and E hold one sentence per
line, the same number of lines. Prints one line per pair: links
i-j (0-based Chinese token i, English token j; Pharaoh format).
Learns from the input and, when a build exists, the corpus's
sentence pairs, with CC-CEDICT, names' pinyin and numbers as priors.
Exit 2 on unequal line counts or unreadable input.`,
  options: `  --pretokenized           tokens are the space-separated items of each line, kept as given;
                           otherwise Chinese is cut by the segmenter (jieba + CC-CEDICT) and
                           English into words and marks ("China's" → China 's)
  --print-tokens           print "zh tokens ||| en tokens ||| links" instead, to see what i and j index
  --build DIR              the build whose corpus it also learns from (default: build)
  --no-corpus              learn from the input alone`,
  /** Unequal line counts and unreadable files are bad input (2), with one plain message. */
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        zh: { type: 'string' },
        en: { type: 'string' },
        pretokenized: { type: 'boolean' },
        'print-tokens': { type: 'boolean' },
        build: { type: 'string' },
        'no-corpus': { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (!values.zh || !values.en || positionals.length > 0)
      throw new UsageError('align-words needs --zh FILE and --en FILE');
    let zhLines: string[];
    let enLines: string[];
    try {
      [zhLines, enLines] = (await Promise.all([readText(values.zh), readText(values.en)])).map(sentenceLines) as [
        string[],
        string[],
      ];
    } catch (e) {
      process.stderr.write(`duizhao: ${(e as Error).message}\n`);
      return 2;
    }
    if (zhLines.length !== enLines.length) {
      process.stderr.write(
        `duizhao: ${values.zh} has ${zhLines.length} lines and ${values.en} has ${enLines.length}: align-words needs one sentence pair per line\n`,
      );
      return 2;
    }
    const [wordalign, { loadCedict }, { segmentWords }] = await Promise.all([
      import('../wordalign/index'),
      import('../dictionary/cedict'),
      import('../text/segment'),
    ]);
    const dict = loadCedict();
    const pairs = zhLines.map((zh, k) =>
      values.pretokenized
        ? { zh: wordalign.spaceTokens(zh), en: wordalign.spaceTokens(enLines[k]!) }
        : {
            zh: segmentWords(zh.trim(), dict).filter((w) => !wordalign.isBlank(w)),
            en: wordalign.englishTokens(enLines[k]!).map((t) => t.text),
          },
    );
    const training = values['no-corpus'] ? [] : await corpusBeads(values.build, wordalign.documentBeads, config);
    const links = wordalign.alignWords(pairs, dict, { training });
    const out = links.map((l, k) =>
      values['print-tokens']
        ? `${pairs[k]!.zh.join(' ')} ||| ${pairs[k]!.en.join(' ')} ||| ${wordalign.formatLinks(l)}\n`
        : `${wordalign.formatLinks(l)}\n`,
    );
    process.stdout.write(out.join(''));
    return 0;
  },
};
