/** `duizhao align-words`, the contract a checker outside the repository calls: Pharaoh lines, exit 2 on bad input. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'duizhao-align-words-'));
  await writeFile(path.join(dir, 'zh'), '中 俄 两国 举行 了 战略 协作 会谈 。\n习近平 会见 普京\n');
  await writeFile(path.join(dir, 'en'), 'China and Russia held strategic coordination talks .\nXi Jinping met Putin\n');
  await writeFile(path.join(dir, 'en1'), 'China and Russia held talks .\n');
  await writeFile(path.join(dir, 'zhraw'), '中俄两国举行了战略协作会谈。\n');
  await writeFile(path.join(dir, 'bad'), new Uint8Array([0xff, 0xfe, 0x00, 0xd8]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function alignWords(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsx, path.join(root, 'lib/cli.ts'), 'align-words', '--no-corpus', ...args],
      { cwd: dir },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('duizhao align-words', () => {
  it('prints one line of i-j links per pretokenized pair, indexing the tokens as given', async () => {
    const { code, stdout } = await alignWords(['--zh', 'zh', '--en', 'en', '--pretokenized']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    for (const line of lines.slice(0, 2)) expect(line).toMatch(/^\d+-\d+(?: \d+-\d+)*$/);
    expect(lines[0]!.split(' ')).toEqual(expect.arrayContaining(['0-0', '1-2', '5-4', '6-5', '7-6', '8-7']));
    expect(lines[1]!.split(' ')).toEqual(expect.arrayContaining(['0-0', '0-1', '1-2', '2-3']));
  }, 60_000);

  it('exits 2 with a message on unequal line counts', async () => {
    const { code, stdout, stderr } = await alignWords(['--zh', 'zh', '--en', 'en1', '--pretokenized']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/has 2 lines .* has 1/);
  }, 60_000);

  it('exits 2 on a missing or undecodable file and on missing options', async () => {
    expect((await alignWords(['--zh', 'nope', '--en', 'en'])).code).toBe(2);
    const bad = await alignWords(['--zh', 'bad', '--en', 'en1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/duizhao: /);
    expect((await alignWords(['--zh', 'zh'])).code).toBe(2);
  }, 60_000);

  it('segments raw text itself and shows the tokens with --print-tokens', async () => {
    const { code, stdout } = await alignWords(['--zh', 'zhraw', '--en', 'en1', '--print-tokens']);
    expect(code).toBe(0);
    const [zh, en, links] = stdout.trim().split(' ||| ');
    expect(zh).toContain('战略 协作');
    expect(en).toBe('China and Russia held talks .');
    expect(links).toMatch(/^\d+-\d+/);
  }, 60_000);
});
