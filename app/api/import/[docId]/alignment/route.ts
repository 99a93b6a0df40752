import { NextResponse } from 'next/server';
import { callHost } from '@/lib/import/host';
import { currentBuildVersion } from '@/lib/store';
import { errorResponse } from '../../../_respond';
import type { ImportSaveAnswer } from '../../../_types';
import { docIdParam, jsonBodyInput } from '../../../_validators';
import { assertWritable } from '../../_guard';

type Context = { params: Promise<{ docId: string }> };

async function save(request: Request, context: Context, body: (request: Request) => Promise<unknown>) {
  try {
    assertWritable(request);
    const doc = docIdParam((await context.params).docId);
    const saved = await callHost<ImportSaveAnswer>({ op: 'correct', doc, body: await body(request) });
    await currentBuildVersion();
    return NextResponse.json<ImportSaveAnswer>(saved, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * `PUT /api/import/<docId>/alignment` {pairs: [{zh, en}, ...], basedOn?: {zh, en}} → the
 * document's corrected paragraph pairs saved as corpus/<docId>/alignment.json, ingested and
 * published. `basedOn` (the fingerprints the page was given) makes a document changed in the
 * meantime a 409 instead of a blind correction.
 */
export function PUT(request: Request, context: Context) {
  return save(request, context, jsonBodyInput);
}

/** `DELETE /api/import/<docId>/alignment`: the corrections removed, the automatic alignment back. */
export function DELETE(request: Request, context: Context) {
  return save(request, context, async () => null);
}
