/**
 * A corpus of about a million characters of text the pipeline was never tuned on, for the ingest's
 * speed (`npm run bench:ingest -- --align-dev`): the Chinese and English of ../shared/align-dev (the
 * Bible, Chinese Union Version against the KJV, and the six MAC-Dev chapters), read in place at run
 * time and written as document folders into a temporary directory, never into the repository (the
 * texts are research data; see ../shared/align-dev/README.md).
 *
 * The Bible is cut into documents of about `DOC_CODE_POINTS` code points along its gold beads, so
 * each Chinese paragraph has its English paragraph (a bead is one verse); the Chinese past the last
 * English verse becomes documents with no translation, as a corpus may hold. Each MAC-Dev chapter is
 * one document, its paragraphs also cut along the gold beads.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const ALIGN_DEV = path.resolve(import.meta.dirname, '../../../shared/align-dev');
/** About a news feature's ten-fold: documents of this size keep the hand-over window and the workers busy. */
const DOC_CODE_POINTS = 60_000;
/** Beads per paragraph: a paragraph of a few verses, as a printed Bible or a novel sets them. */
const BEADS_PER_PARAGRAPH = 6;

interface Doc {
  id: string;
  title: string;
  zh: string[];
  en: string[] | null;
}

const lines = async (file: string) =>
  (await readFile(file, 'utf8')).split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');

/** `[1,2]:[3]` → [[1, 2], [3]]. */
function parseBead(line: string): [number[], number[]] {
  const m = /^\[([\d,\s]*)\]:\[([\d,\s]*)\]$/.exec(line.trim());
  if (!m) throw new Error(`not a bead: ${line}`);
  const ids = (s: string) => (s.trim() ? s.split(',').map(Number) : []);
  return [ids(m[1]!), ids(m[2]!)];
}

/** Paragraphs of `BEADS_PER_PARAGRAPH` beads each, both sides; documents of about `DOC_CODE_POINTS`. */
function docsAlongBeads(name: string, zh: string[], en: string[], beads: Array<[number[], number[]]>): Doc[] {
  const docs: Doc[] = [];
  let cur: Doc | null = null;
  let size = 0;
  for (let b = 0; b < beads.length; b += BEADS_PER_PARAGRAPH) {
    const group = beads.slice(b, b + BEADS_PER_PARAGRAPH);
    const zhPara = group.flatMap(([z]) => z.map((i) => zh[i]!)).join('');
    const enPara = group.flatMap(([, e]) => e.map((i) => en[i]!)).join(' ');
    if (!cur || size >= DOC_CODE_POINTS) {
      cur = { id: `${name}-${String(docs.length + 1).padStart(3, '0')}`, title: name, zh: [], en: [] };
      docs.push(cur);
      size = 0;
    }
    if (zhPara) cur.zh.push(zhPara);
    if (enPara) cur.en!.push(enPara);
    size += [...zhPara].length;
  }
  return docs;
}

/** The documents, in corpus order. */
export async function alignDevDocs(): Promise<Doc[]> {
  if (!existsSync(ALIGN_DEV))
    throw new Error(`no development sets at ${ALIGN_DEV} (../shared/align-dev is read in place)`);
  const docs: Doc[] = [];
  const bible = path.join(ALIGN_DEV, 'bible');
  const zh = await lines(path.join(bible, 'zh', '006'));
  const en = await lines(path.join(bible, 'en', '006'));
  const beads = (await lines(path.join(bible, 'gold', '006.align'))).map(parseBead);
  docs.push(...docsAlongBeads('bible', zh, en, beads));
  const covered = Math.max(...beads.flatMap(([z]) => z)) + 1;
  const rest = zh.slice(covered);
  for (let i = 0, n = 0; i < rest.length; n++) {
    const doc: Doc = { id: `bible-zh-only-${String(n + 1).padStart(3, '0')}`, title: 'bible', zh: [], en: null };
    for (let size = 0; i < rest.length && size < DOC_CODE_POINTS; i += BEADS_PER_PARAGRAPH) {
      const para = rest.slice(i, i + BEADS_PER_PARAGRAPH).join('');
      doc.zh.push(para);
      size += [...para].length;
    }
    docs.push(doc);
  }
  for (const id of ['001', '002', '003', '004', '005', '006']) {
    const mac = path.join(ALIGN_DEV, 'mac-dev-2021');
    const chapter = docsAlongBeads(
      `mac-dev-${id}`,
      await lines(path.join(mac, 'zh', id)),
      await lines(path.join(mac, 'en', id)),
      (await lines(path.join(mac, 'gold', `${id}.align`))).map(parseBead),
    );
    docs.push(...chapter);
  }
  return docs;
}

/** Writes the corpus into `dir` (document folders as `corpus/` holds them); returns the number of documents. */
export async function writeAlignDevCorpus(dir: string): Promise<number> {
  const docs = await alignDevDocs();
  for (const doc of docs) {
    const folder = path.join(dir, doc.id);
    await mkdir(folder, { recursive: true });
    const meta = {
      id: doc.id,
      title: { zh: doc.title, en: doc.title },
      publication: { zh: 'align-dev', en: 'align-dev' },
      date: '2021-12',
      encoding: 'utf-8',
      variant: 'simplified',
      source: 'source.txt',
      format: 'text',
      ...(doc.en
        ? {
            translation: {
              file: 'en.txt',
              format: 'text',
              translator: 'published translation',
              note: 'Research data of ../shared/align-dev, read in place.',
            },
          }
        : {}),
    };
    await writeFile(path.join(folder, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
    await writeFile(path.join(folder, 'source.txt'), `${doc.zh.join('\n\n')}\n`);
    if (doc.en) await writeFile(path.join(folder, 'en.txt'), `${doc.en.join('\n\n')}\n`);
  }
  return docs.length;
}
