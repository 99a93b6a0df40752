import { NextResponse } from 'next/server';
import { callHost } from '@/lib/import/host';
import { errorResponse } from '../../_respond';
import type { ImportPreviewAnswer } from '../../_types';
import { importFormInput } from '../../_validators';
import { assertWritable } from '../_guard';

/**
 * `POST /api/import/preview` (multipart: zh, en?, zhFormat?, enFormat?, encoding?, variant?,
 * corrections?) → the cleaned blocks, the pairs with their sentence pairs and confidences, and the
 * fingerprints a correction must carry (lib/import/preview.ts). Nothing is written; still only for
 * those who may write, since it runs the whole pipeline (and keeps CC-CEDICT in memory).
 */
export async function POST(request: Request) {
  try {
    assertWritable(request);
    const form = await importFormInput(request);
    const result = await callHost<ImportPreviewAnswer>({ op: 'preview', form });
    return NextResponse.json<ImportPreviewAnswer>(result, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
