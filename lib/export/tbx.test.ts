import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tbxErrors, texts, withXml } from '../../tests/fixtures/export/validate';
import type { GlossaryEntry } from '../model';
import { EmptyGlossaryError, exportTbx, TBX_NAMESPACE } from './tbx';

const glossary = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../tests/fixtures/export/glossary.json'), 'utf8'),
) as GlossaryEntry[];
const tbx = (entries: GlossaryEntry[]) => exportTbx(entries, { toolVersion: '9.8.7' });
const ns = { t: TBX_NAMESPACE };

describe('exportTbx', () => {
  it('is valid TBX-Basic: the RELAX NG schema and the Schematron rules', () => {
    expect(tbxErrors(tbx(glossary))).toEqual([]);
  });

  it('the validators really check: a bad picklist value fails Schematron, a misplaced termNote the schema', () => {
    const xml = tbx(glossary);
    expect(tbxErrors(xml.replace('>variant<', '>synonym<')).join('\n')).toMatch(
      /schematron: Permitted values of Term Type/,
    );
    const misplaced = xml.replace(/(<conceptEntry id="c1">)/, '$1<termNote type="termType">variant</termNote>');
    expect(tbxErrors(misplaced).join('\n')).toMatch(/conceptEntry failed to validate content/);
    expect(tbxErrors(xml.replace('type="TBX-Basic"', 'type="TBX-Other"')).join('\n')).toMatch(
      /dialect should be TBX-Basic/,
    );
  });

  it('declares the ISO 30042:2019 namespace, the TBX-Basic dialect and DCA style', () => {
    withXml(tbx(glossary), (doc) => {
      expect(doc.root.name).toBe('tbx');
      expect(doc.eval('namespace-uri(/*)')).toBe('urn:iso:std:iso:30042:ed-2');
      expect(texts(doc, '/t:tbx/@type', ns)).toEqual(['TBX-Basic']);
      expect(texts(doc, '/t:tbx/@style', ns)).toEqual(['dca']);
    });
  });

  it('writes one concept entry per term: Chinese first (simplified preferred, traditional as variants, pinyin in a note)', () => {
    withXml(tbx(glossary), (doc) => {
      const entries = doc.find('//t:conceptEntry', ns);
      expect(entries).toHaveLength(glossary.length);
      const first = '//t:conceptEntry[@id="c1"]/t:langSec[@xml:lang="zh"]/t:termSec';
      expect(texts(doc, `${first}/t:term`, ns)).toEqual(['战略伙伴', '戰略夥伴']);
      expect(texts(doc, `${first}[1]/t:termNote[@type="administrativeStatus"]`, ns)).toEqual([
        'preferredTerm-admn-sts',
      ]);
      expect(texts(doc, `${first}[2]/t:termNote[@type="termType"]`, ns)).toEqual(['variant']);
      expect(texts(doc, `${first}[1]/t:note`, ns)).toContain('Pinyin: zhànlüè huǒbàn');
      expect(texts(doc, '//t:conceptEntry/t:langSec[1]/@xml:lang', ns)).toEqual(glossary.map(() => 'zh'));
    });
  });

  it('lists the English renderings most frequent first, the dominant preferred and the rest variants with their share', () => {
    withXml(tbx(glossary), (doc) => {
      const en = '//t:conceptEntry[@id="c1"]/t:langSec[@xml:lang="en"]/t:termSec';
      expect(texts(doc, `${en}/t:term`, ns)).toEqual(['strategic partnership', 'strategic partner']);
      expect(texts(doc, `${en}/t:termNote[@type="administrativeStatus"]`, ns)).toEqual([
        'preferredTerm-admn-sts',
        'admittedTerm-admn-sts',
      ]);
      expect(texts(doc, `${en}[1]/t:termNote[@type="termType"]`, ns)).toEqual([]);
      expect(texts(doc, `${en}/t:note`, ns)).toEqual([
        'Renders the term in 12 of 15 occurrences outside longer terms (80%).',
        'Renders the term in 3 of 15 occurrences outside longer terms (20%).',
      ]);
      expect(texts(doc, '//t:conceptEntry[@id="c1"]/t:note', ns)).toEqual([
        '20 occurrences in 4 documents of the Duizhao corpus; 5 occurrences inside longer terms, counted under them (战略伙伴关系 5).',
      ]);
    });
  });

  it('leaves out the English section of a term never rendered, and says so', () => {
    withXml(tbx(glossary), (doc) => {
      expect(doc.find('//t:conceptEntry[@id="c3"]/t:langSec[@xml:lang="en"]', ns)).toHaveLength(0);
      expect(texts(doc, '//t:conceptEntry[@id="c3"]/t:note', ns)[0]).toMatch(
        /no English rendering found for 3 occurrences/,
      );
    });
  });

  it('escapes markup in renderings so it reads back as text, and drops characters XML cannot hold', () => {
    const xml = tbx(glossary);
    expect(xml).not.toContain('<img');
    withXml(xml, (doc) => {
      expect(doc.find('//t:img', ns)).toHaveLength(0);
      expect(texts(doc, '//t:conceptEntry[@id="c4"]/t:langSec[@xml:lang="en"]/t:termSec/t:term', ns)).toEqual([
        'R&D <img src=x onerror=alert(1)>',
        '=HYPERLINK("https://example.org", "research, ""development""")',
        'research and 𠀀 development',
      ]);
    });
  });

  it('refuses an empty glossary (TBX needs at least one entry)', () => {
    expect(() => tbx([])).toThrow(EmptyGlossaryError);
  });
});
