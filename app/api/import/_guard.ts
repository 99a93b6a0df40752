import { writeAccess, writeSettings } from '@/lib/security/write-access';
import { HttpError } from '../_respond';

/** Throws a 403 with the reason when the request may not write (lib/security/write-access.ts). */
export function assertWritable(request: Request): void {
  const access = writeAccess(request.headers, writeSettings());
  if (!access.ok) throw new HttpError(403, access.message);
}
