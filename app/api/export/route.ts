import type { NextRequest } from 'next/server';
import { exportFilename, isDocFormat, renderDocs, renderGlossary, FORMAT_INFO } from '@/lib/export';
import type { BuiltDoc } from '@/lib/model';
import { getDoc, getGlossary, listDocs } from '@/lib/store';
import { errorResponse, noSuchDocument } from '../_respond';
import { exportInput } from '../_validators';

/**
 * `GET /api/export?format=tmx|tsv|tbx|csv[&doc=<docId>]` → the export as a file download.
 * tmx and tsv export every document or the one named by `doc`; tbx and csv export the glossary,
 * which is corpus-wide, so `doc` with them is a 400. Input is checked before the build is read:
 * a missing, repeated or unknown format is a 400, an unknown document a 404.
 */
export async function GET(request: NextRequest) {
  try {
    const { format, doc } = exportInput(request);
    let body: string;
    if (isDocFormat(format)) {
      let docs: BuiltDoc[];
      if (doc !== undefined) {
        const one = await getDoc(doc);
        if (one === null) throw noSuchDocument(doc);
        docs = [one];
      } else {
        const all = await Promise.all((await listDocs()).map((d) => getDoc(d.meta.id)));
        docs = all.filter((d): d is BuiltDoc => d !== null);
      }
      body = renderDocs(format, docs);
    } else {
      body = renderGlossary(format, await getGlossary());
    }
    return new Response(body, {
      headers: {
        'Content-Type': FORMAT_INFO[format].contentType,
        'Content-Disposition': `attachment; filename="${exportFilename(format, doc)}"`,
        // Not cached: a new ingest (and restart) changes the file behind the same URL.
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
