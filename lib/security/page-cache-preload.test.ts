import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The preload in a process of its own (it patches http.Server for the whole process), in front of
 * a server that answers as the app does (page-cache-preload.fixture.mjs).
 */
let server: ChildProcess;
let base = '';

beforeAll(async () => {
  server = spawn(process.execPath, ['--import', './page-cache-preload.mjs', './page-cache-preload.fixture.mjs'], {
    cwd: import.meta.dirname,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DUIZHAO_PAGE_CACHE: '' },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the fixture server exited with ${code}`)));
    server.stdout!.once('data', (data: Buffer) => resolve((JSON.parse(data.toString()) as { port: number }).port));
  });
  base = `http://127.0.0.1:${port}`;
}, 20_000);

afterAll(() => {
  server?.kill();
});

const stats = async () => (await (await fetch(`${base}/_stats`)).json()) as { renders: number; seen: unknown[] };
const scriptSrc = (response: Response) =>
  (response.headers.get('content-security-policy') ?? '').split(';').find((d) => d.trim().startsWith('script-src'))!;
const settle = () => new Promise((r) => setTimeout(r, 100));

describe('the page cache in front of the server', () => {
  it('renders a page once per build, then serves it with the hash of its own script only', async () => {
    const first = await fetch(`${base}/en/read/a`, { headers: { 'x-duizhao-page-capture': 'forged', cookie: 'a=1' } });
    expect(scriptSrc(first)).toContain("'nonce-");
    expect(first.headers.get('x-duizhao-page-cacheable')).toBeNull();
    expect(await first.text()).toContain('built from v1');
    await settle();
    const rendered = (await stats()).renders;
    const second = await fetch(`${base}/en/read/a`);
    const html = await second.text();
    expect((await stats()).renders).toBe(rendered);
    expect(html).toContain('built from v1');
    expect(html).not.toMatch(/nonce=/);
    const ours = 'self.__next_f.push([1,"v1"])';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(scriptSrc(second).trim()).toBe(`script-src 'self' ${hash(ours)}`);
    expect(scriptSrc(second)).not.toContain(hash('injected()'));
    expect(second.headers.get('etag')).toMatch(/^W\/"/);
    const again = await fetch(`${base}/en/read/a`, { headers: { 'if-none-match': second.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it("drops a client's capture header and cookies only on the copy it asks for", async () => {
    await fetch(`${base}/en/glossary`, { headers: { 'x-duizhao-page-capture': 'forged', cookie: 'a=1' } });
    const { seen } = (await stats()) as { seen: Array<{ url: string; capture: string | null; cookie: string | null }> };
    const last = seen.at(-1)!;
    expect(last.url).toBe('/en/glossary');
    expect(last.capture).toBe('1');
    expect(last.cookie).toBeNull();
  });

  it('renders again once the build changes, and keeps the new page', async () => {
    await fetch(`${base}/en/term/x`);
    await settle();
    expect(await (await fetch(`${base}/en/term/x`)).text()).toContain('built from v1');
    await fetch(`${base}/_set-version?v=v2`);
    const before = (await stats()).renders;
    const fresh = await fetch(`${base}/en/term/x`);
    expect(await fresh.text()).toContain('built from v2');
    expect((await stats()).renders).toBe(before + 1);
    await settle();
    const kept = await fetch(`${base}/en/term/x`);
    expect(await kept.text()).toContain('built from v2');
    expect((await stats()).renders).toBe(before + 1);
  });

  it('leaves a page that is not marked to the server every time, and no mark leaks out', async () => {
    const before = (await stats()).renders;
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${base}/en/import`);
      expect(scriptSrc(response)).toContain("'nonce-");
      expect(response.headers.get('x-duizhao-page-cacheable')).toBeNull();
      await settle();
    }
    expect((await stats()).renders).toBe(before + 3);
  });
});
