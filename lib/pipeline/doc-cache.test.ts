import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocCache, decodeEntry, documentKey, encodeEntry } from './doc-cache';

const utf8 = (s: string) => new TextEncoder().encode(s);
const input = (bytes: string, meta: Record<string, unknown> = { id: 'a', title: 't' }) => ({
  meta,
  source: { path: 'corpus/a/source.txt', bytes: utf8(bytes), encoding: 'utf-8' },
});

describe('documentKey', () => {
  it('depends on every byte, every field and the fingerprint, not on key order', () => {
    const k = documentKey(input('合作'), 'f1');
    expect(k).toMatch(/^[0-9a-f]{32}$/);
    expect(documentKey(input('合作'), 'f1')).toBe(k);
    expect(documentKey(input('合做'), 'f1')).not.toBe(k);
    expect(documentKey(input('合作'), 'f2')).not.toBe(k);
    expect(documentKey(input('合作', { id: 'a', title: 'u' }), 'f1')).not.toBe(k);
    expect(documentKey(input('合作', { title: 't', id: 'a' }), 'f1')).toBe(k);
    // A field added later is keyed too.
    expect(documentKey({ ...input('合作'), corrections: [1] }, 'f1')).not.toBe(k);
    // Tagged lengths: moving a byte from one file to the other is a different input.
    const two = (a: string, b: string) => documentKey({ source: utf8(a), translation: utf8(b) }, 'f');
    expect(two('ab', 'c')).not.toBe(two('a', 'bc'));
  });
});

describe('cache entries', () => {
  const doc = '{"meta":{"id":"a"},"zh":["合作"]}\n';
  const entry = utf8(encodeEntry('a', 'k1', doc));

  it('round-trips a whole entry', () => {
    expect(decodeEntry(entry, 'a', 'k1')).toBe(doc);
  });

  it('refuses a truncated, altered, foreign or undecodable entry', () => {
    for (let cut = 0; cut < entry.length; cut += 7) expect(decodeEntry(entry.slice(0, cut), 'a', 'k1')).toBeNull();
    const altered = utf8(encodeEntry('a', 'k1', doc).replace('合作', '合做'));
    expect(decodeEntry(altered, 'a', 'k1')).toBeNull();
    expect(decodeEntry(entry, 'b', 'k1')).toBeNull();
    expect(decodeEntry(entry, 'a', 'k2')).toBeNull();
    expect(decodeEntry(new Uint8Array([0xff, 0x0a, 0x7b]), 'a', 'k1')).toBeNull();
    expect(decodeEntry(utf8('null\n{}'), 'a', 'k1')).toBeNull();
  });
});

describe('DocCache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'duizhao-doc-cache-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores atomically, reads back, and keeps the newest two entries of a document', async () => {
    const cache = new DocCache(dir);
    expect(await cache.get('a', 'k1')).toBeNull();
    await cache.put('a', 'k0', 'oldest\n');
    await new Promise((r) => setTimeout(r, 20)); // distinct modification times
    await cache.put('a', 'k1', 'older\n');
    await new Promise((r) => setTimeout(r, 20));
    // A temporary file left by a killed run.
    await writeFile(path.join(dir, 'a', '.k2.tmp-1-dead'), 'half');
    expect(await cache.put('a', 'k2', 'new\n')).toBe(true);
    expect(await cache.get('a', 'k2')).toBe('new\n');
    expect(await cache.get('a', 'k1')).toBe('older\n');
    expect(await cache.get('a', 'k0')).toBeNull();
    expect((await readdir(path.join(dir, 'a'))).sort()).toEqual(['k1.json', 'k2.json']);
  });

  it('reports a write it could not make instead of throwing', async () => {
    await writeFile(path.join(dir, 'file'), 'x');
    expect(await new DocCache(path.join(dir, 'file')).put('a', 'k', 'doc\n')).toBe(false);
  });
});
