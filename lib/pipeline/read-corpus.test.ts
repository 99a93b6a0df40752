/** The file-system edge's errors: the file named for the reader, the original error kept as the cause for whoever debugs it. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from './ingest-error';
import { readCorpus } from './read-corpus';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-read-corpus-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('readCorpus: errors keep their cause', () => {
  it("a meta.json that is not JSON: the file in the message, the parser's error as the cause", async () => {
    const corpus = path.join(work, 'broken-meta');
    await mkdir(path.join(corpus, 'doc-a'), { recursive: true });
    await writeFile(path.join(corpus, 'doc-a', 'meta.json'), '{ "id": ');
    const error = await readCorpus(corpus).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(/doc-a\/meta\.json: not valid JSON/);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it("no corpus folder: the file system's error (ENOENT) as the cause", async () => {
    const error = await readCorpus(path.join(work, 'nowhere')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(/nowhere: no corpus folder/);
    expect(((error as Error).cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});
