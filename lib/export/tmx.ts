/**
 * `export --format tmx`: the aligned sentences of the corpus (or of one document) as a TMX 1.4b
 * translation memory, one `<tu>` per sentence bead that has text on both sides.
 *
 * Language tags, chosen for what CAT tools accept:
 * - Chinese is `zh-CN`, not `zh-Hans`: Trados Studio keys memories on specific Windows cultures
 *   (zh-Hans is a neutral one and cannot be a memory language), memoQ knows Chinese only by region
 *   (zho-CN, zho-TW, zho-HK…), and OmegaT matches on language-COUNTRY codes. The text is the
 *   mainland simplified form for every document, so zh-CN is also what it is.
 * - English is `en-GB`: the translations use British spelling throughout (organisation,
 *   revitalisation), and these tools want a specific English for a memory.
 * - A document written in traditional characters keeps its original as a third variant, tagged by
 *   its declared region (`zh-HK`, `zh-TW`). A multilingual `<tu>` is valid TMX; tools load the two
 *   languages of the project and skip the rest, so a zh-HK project can use the original directly.
 *   (The original is not a `<prop>`: a prop is metadata no tool would match against.)
 *
 * No `<!DOCTYPE>`: Java XML parsers (inside several CAT tools) try to load a named DTD and fail when
 * it is not beside the file. Validity against tmx14.dtd is checked by the tests instead.
 * No creation date either, so that two exports of the same build are byte-identical.
 */
import type { BuiltDoc, ScriptVariant } from '../model';
import { newXmlDocument, serializeXml } from './xml';

const TMX_ZH = 'zh-CN';
const TMX_EN = 'en-GB';

/** The tag of a document's original script, or null when the original is the simplified text itself. */
function originalLang(variant: ScriptVariant): string | null {
  if (variant === 'traditional-HK') return 'zh-HK';
  if (variant === 'traditional-TW') return 'zh-TW';
  return null;
}

/** One sentence bead worth a translation unit. */
export interface SentenceUnit {
  docId: string;
  /** 1-based, as the reader numbers pairs (its anchor is `#p-<pair>`). */
  pair: number;
  /** 1-based position of the sentence bead inside the pair. */
  bead: number;
  /** Mainland simplified. */
  zh: string;
  /** As written in the source, for documents in traditional characters. */
  original?: string;
  en: string;
  confidence: number;
}

/** Chinese sentences join without a space, English ones with one. */
const joinZh = (parts: string[]) => parts.join('');
const joinEn = (parts: string[]) => parts.join(' ');
const hasText = (s: string) => s.trim() !== '';

/**
 * The sentence beads of a document with text on both sides, in reading order. Unaligned pairs and
 * beads with an empty side (a sentence the translation left out or added) are skipped: a
 * translation unit needs a source and a target.
 */
export function sentenceUnits(doc: BuiltDoc): SentenceUnit[] {
  const traditional = originalLang(doc.meta.variant) !== null;
  const units: SentenceUnit[] = [];
  for (const pair of doc.pairs) {
    if (pair.unaligned) continue;
    // Bead indices count the sentences of the pair's blocks in order.
    const zhSentences = pair.zh.flatMap((i) => doc.zh[i]?.sentences ?? []);
    const enSentences = pair.en.flatMap((i) => doc.en[i]?.sentences ?? []);
    pair.sentences.forEach((bead, k) => {
      const zhParts = bead.zh.map((i) => zhSentences[i]);
      const zh = joinZh(zhParts.map((s) => s?.simplified ?? ''));
      const en = joinEn(bead.en.map((j) => enSentences[j] ?? ''));
      if (!hasText(zh) || !hasText(en)) return;
      units.push({
        docId: doc.meta.id,
        pair: pair.id + 1,
        bead: k + 1,
        zh,
        ...(traditional ? { original: joinZh(zhParts.map((s) => s?.original ?? '')) } : {}),
        en,
        confidence: bead.confidence,
      });
    });
  }
  return units;
}

export interface TmxOptions {
  /** creationtoolversion: Duizhao's version. */
  toolVersion: string;
}

const round3 = (n: number) => String(Math.round(n * 1000) / 1000);

export function exportTmx(docs: BuiltDoc[], { toolVersion }: TmxOptions): string {
  const doc = newXmlDocument();
  const tmx = doc.ele('tmx', { version: '1.4' });
  const header = tmx.ele('header', {
    creationtool: 'Duizhao',
    creationtoolversion: toolVersion,
    segtype: 'sentence',
    'o-tmf': 'Duizhao',
    adminlang: 'en',
    srclang: TMX_ZH,
    datatype: 'plaintext',
  });
  header
    .ele('note')
    .txt(
      `Sentence pairs aligned by Duizhao from ${docs.length === 1 ? 'one document' : `${docs.length} documents`}. ` +
        `Chinese in mainland simplified characters (${TMX_ZH}); a source written in traditional characters ` +
        'is also given as written (zh-HK or zh-TW). The English translations were prepared for Duizhao ' +
        'and are not official translations.',
    );
  const body = tmx.ele('body');
  for (const d of docs) {
    const extra = originalLang(d.meta.variant);
    for (const unit of sentenceUnits(d)) {
      const tu = body.ele('tu', { tuid: `${unit.docId}/p${unit.pair}/s${unit.bead}` });
      tu.ele('prop', { type: 'x-doc' }).txt(unit.docId);
      tu.ele('prop', { type: 'x-pair' }).txt(String(unit.pair));
      tu.ele('prop', { type: 'x-confidence' }).txt(round3(unit.confidence));
      tu.ele('tuv', { 'xml:lang': TMX_ZH }).ele('seg').txt(unit.zh);
      if (extra && unit.original !== undefined) tu.ele('tuv', { 'xml:lang': extra }).ele('seg').txt(unit.original);
      tu.ele('tuv', { 'xml:lang': TMX_EN }).ele('seg').txt(unit.en);
    }
  }
  return serializeXml(doc);
}
