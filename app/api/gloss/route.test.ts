import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DictEntry, GlossaryEntry } from '@/lib/model';

// Two hand-made builds, published as ingest does (a `build` symlink renamed over): the second is
// the corpus after an import that gave 合作 another rendering.
let dir: string;
const savedBuildEnv = process.env.DUIZHAO_BUILD;
const entry: DictEntry = {
  traditional: '合作',
  simplified: '合作',
  pinyin: 'hé zuò',
  pinyinNumbered: 'he2 zuo4',
  senses: ['to cooperate'],
};
const term = (...renderings: string[]) =>
  ({
    term: '合作',
    traditional: [],
    pinyin: 'hé zuò',
    frequency: 1,
    documents: 1,
    termhood: 1,
    renderings: renderings.map((text) => ({ key: text, text, count: 1, share: 1 })),
    unrendered: 0,
    within: [],
  }) as GlossaryEntry;

async function writeBuild(name: string, glossary: GlossaryEntry[]): Promise<string> {
  const at = path.join(dir, name);
  await mkdir(at);
  await writeFile(path.join(at, 'manifest.json'), JSON.stringify({ docs: [] }));
  await writeFile(path.join(at, 'gloss.json'), JSON.stringify({ 合作: [entry] }));
  await writeFile(path.join(at, 'glossary.json'), JSON.stringify(glossary));
  return at;
}

async function publish(target: string): Promise<void> {
  const link = path.join(dir, `build.${path.basename(target)}`);
  await symlink(target, link);
  await rename(link, path.join(dir, 'build'));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'duizhao-gloss-route-'));
  await publish(await writeBuild('v1', [term('cooperation')]));
  vi.resetModules();
  process.env.DUIZHAO_BUILD = path.join(dir, 'build');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (savedBuildEnv === undefined) delete process.env.DUIZHAO_BUILD;
  else process.env.DUIZHAO_BUILD = savedBuildEnv;
});

const ask = async (headers: Record<string, string> = {}) => {
  const { GET } = await import('./route');
  return GET(new NextRequest(`http://localhost/api/gloss?w=${encodeURIComponent('合作')}`, { headers }));
};

describe('GET /api/gloss', () => {
  it('is revalidated, not kept a day: a new build (an import) changes the renderings it answers', async () => {
    const first = await ask();
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('cache-control')).not.toMatch(/max-age/);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+"$/);
    expect(((await first.json()) as { term?: { renderings: string[] } }).term?.renderings).toEqual(['cooperation']);

    // Same build: the client's copy is still good.
    const again = await ask({ 'If-None-Match': tag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(tag);

    // An import publishes a new build while the app runs: the old tag no longer matches.
    await publish(await writeBuild('v2', [term('collaboration', 'cooperation')]));
    const { currentBuildVersion } = await import('@/lib/store');
    await currentBuildVersion();
    const after = await ask({ 'If-None-Match': tag! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
    expect(((await after.json()) as { term?: { renderings: string[] } }).term?.renderings).toEqual([
      'collaboration',
      'cooperation',
    ]);
  });

  it('refuses bad input with a JSON 400 that is never cached', async () => {
    const { GET } = await import('./route');
    const bad = await GET(new NextRequest('http://localhost/api/gloss?w='));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('cache-control')).toBe('no-store');
    expect(typeof ((await bad.json()) as { error: unknown }).error).toBe('string');
  });
});
