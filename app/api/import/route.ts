import { NextResponse } from 'next/server';
import { callHost } from '@/lib/import/host';
import { currentBuildVersion } from '@/lib/store';
import { errorResponse } from '../_respond';
import type { ImportSaveAnswer } from '../_types';
import { importFormInput } from '../_validators';
import { assertWritable } from './_guard';

/**
 * `POST /api/import` (the preview's fields plus title, titleEn?, publication?, date?, id?, and the
 * corrected pairs as `corrections`) → 201 {id, pairs, warnings}: the document written into the
 * corpus (DUIZHAO_CORPUS, default corpus/), the incremental ingest run and published. 409 when
 * another save runs or the id is taken; 422 when the text cannot be read or does not build (the
 * corpus is then as it was).
 */
export async function POST(request: Request) {
  try {
    assertWritable(request);
    const form = await importFormInput(request);
    const saved = await callHost<ImportSaveAnswer>({ op: 'create', form });
    // This process's store sees the new build now, not at its next check.
    await currentBuildVersion();
    return NextResponse.json<ImportSaveAnswer>(saved, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
