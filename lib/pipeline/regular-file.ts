/**
 * Reading a file that must be an ordinary one. `readFile` on a FIFO waits for a writer for ever (an
 * ingest whose source.txt was a named pipe never finished), on a character device such as
 * /dev/zero it reads until memory runs out. The file is opened without blocking and checked on the
 * open handle (fstat), so it cannot be swapped for a pipe between the check and the read.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export class NotRegularFileError extends Error {
  constructor(file: string, kind: string) {
    super(`${file}: is ${kind}, not an ordinary file; refused (give a regular file)`);
    this.name = 'NotRegularFileError';
  }
}

/** What a non-regular file is, in words. */
function kindOf(info: import('node:fs').Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isDirectory()) return 'a folder';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

export class FileTooLargeError extends Error {
  constructor(file: string, size: number, max: number, advice: string) {
    super(
      `${file}: ${(size / 1024 / 1024).toFixed(1)} MiB is over the limit of ${max / 1024 / 1024} MiB${advice ? `; ${advice}` : ''}`,
    );
    this.name = 'FileTooLargeError';
  }
}

/**
 * The bytes of `file`, which must be a regular file (a symlink to one is followed), and at most
 * `max.bytes` long when given: measured before anything is read, so a refusal costs no memory.
 */
export async function readRegularFile(file: string, max?: { bytes: number; advice?: string }): Promise<Uint8Array> {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer before we could look.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotRegularFileError(file, kindOf(info));
    if (max !== undefined && info.size > max.bytes)
      throw new FileTooLargeError(file, info.size, max.bytes, max.advice ?? '');
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}
