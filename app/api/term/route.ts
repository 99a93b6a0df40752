import { NextResponse, type NextRequest } from 'next/server';
import { getTermView } from '@/lib/store/terms';
import { errorResponse } from '../_respond';
import type { TermAnswer } from '../_types';
import { termInput } from '../_validators';

/**
 * `GET /api/term?term=&lines=` → how the corpus renders a Chinese term: dictionary entries, HSK
 * level, frequency, renderings with counts and shares, and up to `lines` concordance lines (50 by
 * default, 500 at most). Input is checked before any data is read: 400 on bad input, never 500.
 */
export async function GET(request: NextRequest) {
  try {
    const { term, lines } = termInput(request);
    const view = await getTermView(term, lines);
    return NextResponse.json<TermAnswer>(
      {
        term: view.term,
        traditional: view.traditional,
        pinyin: view.pinyin,
        hsk: view.hsk ?? null,
        entries: view.entries,
        occurrences: view.report.occurrences.length,
        documents: view.docs.map((d) => ({ docId: d.meta.id, occurrences: d.at.length })),
        renderings: view.report.renderings.map(({ key, text, count, share }) => ({ key, text, count, share })),
        unrendered: view.report.unrendered,
        within: view.report.within.map(({ term, count }) => ({ term, count })),
        longer: view.longer,
        lines: view.lines.map((l) => ({
          docId: l.docId,
          pair: l.pair,
          left: l.left,
          match: l.match,
          right: l.right,
          en: l.en.map((p) => p.text).join(''),
          rendering: l.en.find((p) => p.mark)?.text ?? null,
        })),
      },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
