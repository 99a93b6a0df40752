import { NextResponse } from 'next/server';
import { callHost } from '@/lib/import/host';
import type { SaveResult } from '@/lib/import/save';
import { ImportError, readJsonBody } from '@/lib/import/wire';
import { isDocId } from '@/lib/base/doc-id';
import { currentBuildVersion } from '@/lib/store';
import { importError, refuseUnlessWritable } from '../../_guard';

type Context = { params: Promise<{ docId: string }> };

async function save(request: Request, context: Context, body: (request: Request) => Promise<unknown>) {
  const refused = refuseUnlessWritable(request);
  if (refused) return refused;
  try {
    const { docId } = await context.params;
    if (!isDocId(docId)) throw new ImportError(404, 'No such document.');
    const saved = await callHost<SaveResult>({ op: 'correct', doc: docId, body: await body(request) });
    await currentBuildVersion();
    return NextResponse.json(saved, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return importError(error);
  }
}

/**
 * `PUT /api/import/<docId>/alignment` {pairs: [{zh, en}, ...], basedOn?: {zh, en}} → the
 * document's corrected paragraph pairs saved as corpus/<docId>/alignment.json, ingested and
 * published. `basedOn` (the fingerprints the page was given) makes a document changed in the
 * meantime a 409 instead of a blind correction.
 */
export function PUT(request: Request, context: Context) {
  return save(request, context, (r) => readJsonBody(r));
}

/** `DELETE /api/import/<docId>/alignment`: the corrections removed, the automatic alignment back. */
export function DELETE(request: Request, context: Context) {
  return save(request, context, async () => null);
}
