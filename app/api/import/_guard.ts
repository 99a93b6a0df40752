import { NextResponse } from 'next/server';
import { ImportError } from '@/lib/import/wire';
import { writeAccess, writeSettings } from '@/lib/security/write-access';
import { jsonError, serverError } from '../_respond';

/** 403 with the reason when the request may not write (lib/security/write-access.ts), else null. */
export function refuseUnlessWritable(request: Request): NextResponse | null {
  const access = writeAccess(request.headers, writeSettings());
  return access.ok ? null : jsonError(403, access.message);
}

/** An import API answer: ImportErrors are the client's (4xx) or the host's (503); the rest is ours. */
export function importError(error: unknown): NextResponse {
  if (error instanceof ImportError) return jsonError(error.status, error.message);
  return serverError(error);
}
