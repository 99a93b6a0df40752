import { NextResponse } from 'next/server';
import { callHost } from '@/lib/import/host';
import type { PreviewResult } from '@/lib/import/preview';
import { readImportForm } from '@/lib/import/wire';
import { importError, refuseUnlessWritable } from '../_guard';

/**
 * `POST /api/import/preview` (multipart: zh, en?, zhFormat?, enFormat?, encoding?, variant?,
 * corrections?) → the cleaned blocks, the pairs with their sentence pairs and confidences, and the
 * fingerprints a correction must carry (lib/import/preview.ts). Nothing is written; still only for
 * those who may write, since it runs the whole pipeline (and keeps CC-CEDICT in memory).
 */
export async function POST(request: Request) {
  const refused = refuseUnlessWritable(request);
  if (refused) return refused;
  try {
    const form = await readImportForm(request);
    const result = await callHost<PreviewResult>({ op: 'preview', form });
    return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return importError(error);
  }
}
