/**
 * `export --format tbx`: the glossary as a TBX-Basic termbase (ISO 30042:2019, DCA style, namespace
 * `urn:iso:std:iso:30042:ed-2`), one `<conceptEntry>` per term.
 *
 * TBX-Basic has no data category for pinyin, frequencies or shares, and only a fixed set of
 * `termNote` types, so those go into `<note>`s (free text the dialect allows at every level).
 *
 * - Chinese, `<langSec xml:lang="zh">`: the simplified term first (preferred), then each traditional
 *   form as a `variant` (admitted). The section is generic `zh` because it holds both scripts: a
 *   traditional form tagged zh-CN would claim mainland usage it does not have. Termbases in CAT
 *   tools commonly use generic languages and map a zh-CN or zh-TW project onto them.
 * - English, `<langSec xml:lang="en">`: the renderings in the glossary's order (most frequent first);
 *   the first is the preferred term, the others are admitted variants, each with a note saying how
 *   often the corpus renders the term so. A term the aligner never found a rendering for has no
 *   English section (a langSec must hold at least one term).
 */
import type { GlossaryEntry } from '../model';
import { newXmlDocument, serializeXml, type XMLBuilder } from './xml';

export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';

/** TBX requires at least one concept entry, so an empty glossary cannot be written as TBX. */
export class EmptyGlossaryError extends Error {
  constructor() {
    super('The glossary has no terms, so there is nothing to write as TBX.');
    this.name = 'EmptyGlossaryError';
  }
}

export interface TbxOptions {
  toolVersion: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function termSec(langSec: XMLBuilder, term: string, preferred: boolean, notes: string[]): void {
  const sec = langSec.ele('termSec');
  sec.ele('term').txt(term);
  // termSec content order is fixed by the schema: term, termNotes, then notes.
  if (!preferred) sec.ele('termNote', { type: 'termType' }).txt('variant');
  sec
    .ele('termNote', { type: 'administrativeStatus' })
    .txt(preferred ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts');
  for (const note of notes) sec.ele('note').txt(note);
}

function occurrences(n: number): string {
  return n === 1 ? '1 occurrence' : `${n} occurrences`;
}

function conceptEntry(body: XMLBuilder, entry: GlossaryEntry, id: string): void {
  const concept = body.ele('conceptEntry', { id });
  const documents = entry.documents === 1 ? '1 document' : `${entry.documents} documents`;
  const unrendered = entry.unrendered > 0 ? `; no English rendering found for ${occurrences(entry.unrendered)}` : '';
  const inside = entry.within.reduce((n, w) => n + w.count, 0);
  const within =
    inside > 0
      ? `; ${occurrences(inside)} inside longer terms, counted under them (${entry.within.map((w) => `${w.term} ${w.count}`).join(', ')})`
      : '';
  concept
    .ele('note')
    .txt(`${occurrences(entry.frequency)} in ${documents} of the Duizhao corpus${within}${unrendered}.`);

  const zh = concept.ele('langSec', { 'xml:lang': 'zh' });
  termSec(zh, entry.term, true, ['Simplified characters.', ...(entry.pinyin ? [`Pinyin: ${entry.pinyin}`] : [])]);
  for (const form of entry.traditional) {
    if (form.trim() !== '' && form !== entry.term) termSec(zh, form, false, ['Traditional characters.']);
  }

  const renderings = entry.renderings.filter((r) => r.text.trim() !== '');
  if (renderings.length === 0) return;
  const en = concept.ele('langSec', { 'xml:lang': 'en' });
  renderings.forEach((r, i) => {
    termSec(en, r.text, i === 0, [
      `Renders the term in ${r.count} of ${occurrences(entry.frequency - inside)}${inside > 0 ? ' outside longer terms' : ''} (${percent(r.share)}).`,
    ]);
  });
}

export function exportTbx(glossary: GlossaryEntry[], { toolVersion }: TbxOptions): string {
  const entries = glossary.filter((e) => e.term.trim() !== '');
  if (entries.length === 0) throw new EmptyGlossaryError();
  const doc = newXmlDocument();
  const tbx = doc.ele(TBX_NAMESPACE, 'tbx', { type: 'TBX-Basic', style: 'dca', 'xml:lang': 'en' });
  const fileDesc = tbx.ele('tbxHeader').ele('fileDesc');
  fileDesc.ele('titleStmt').ele('title').txt('Duizhao glossary');
  fileDesc
    .ele('sourceDesc')
    .ele('p')
    .txt(
      `Terms extracted from the Duizhao Chinese–English corpus by Duizhao ${toolVersion}, with the ` +
        'English renderings its aligned translations use. The translations were prepared for Duizhao ' +
        'and are not official translations.',
    );
  const body = tbx.ele('text').ele('body');
  // Positional ids: an XML ID must be a name, which a term such as 5G or 2024年 is not.
  entries.forEach((entry, i) => conceptEntry(body, entry, `c${i + 1}`));
  return serializeXml(doc);
}
