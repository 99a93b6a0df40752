/** The CLI contracts tools rely on: only the result on stdout, errors on stderr with a non-zero exit. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const cli = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'lib/cli.ts'), ...args],
    { cwd: root, encoding: 'utf8' },
  );

describe('duizhao CLI', () => {
  it('align --sentences prints one bead per line and nothing else', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'duizhao-cli-'));
    writeFileSync(path.join(dir, 'zh'), '两国元首举行会谈。\n双方同意加强合作。\n会谈后共同会见记者。\n');
    writeFileSync(
      path.join(dir, 'en'),
      'The two heads of state held talks.\nThey agreed to strengthen cooperation.\nAfter the talks they met the press.\n',
    );
    const r = cli('align', '--zh', path.join(dir, 'zh'), '--en', path.join(dir, 'en'), '--sentences');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('[0]:[0]\n[1]:[1]\n[2]:[2]\n');
  });

  it('clean prints the cleaned blocks of a raw file, one per line', () => {
    const r = cli('clean', 'corpus/2026-05-20-xi-putin-talks/source.txt');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      readFileSync(path.join(root, 'tests/fixtures/golden/2026-05-20-xi-putin-talks.clean.txt'), 'utf8'),
    );
  });

  it('row 22.7d: clean on a DOCX (or any ZIP, PDF, old Word file) says what clean reads', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'duizhao-clean-'));
    // A ZIP's local header and compressed bytes: what a DOCX starts with.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x9b, 0x8c, 0xff, 0x00]);
    for (const [name, bytes] of [
      ['report.docx', zip],
      ['report.bin', zip],
      ['paper.pdf', new TextEncoder().encode('%PDF-1.7\n\u00e2\u00e3')],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      const r = cli('clean', file);
      expect(r.status, name).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`clean reads text, Markdown and HTML; ${file} is a`);
      expect(r.stderr).not.toMatch(/invalid utf-8/i);
    }
  });

  it('row 22.5c: align on 50 MB on one line is refused clearly before it is read, not killed for memory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'duizhao-align-big-'));
    const zh = path.join(dir, 'zh.txt');
    writeFileSync(zh, '中'.repeat((50 * 1024 * 1024) / 3));
    writeFileSync(path.join(dir, 'en.txt'), 'China.\n');
    const r = cli('align', '--zh', zh, '--en', path.join(dir, 'en.txt'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `${zh}: 50.0 MiB is over the limit of 8 MiB; align takes one text at a time: split it into chapters`,
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('row 22.5b: clean on a FIFO is refused at once, not waited on', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'duizhao-clean-fifo-'));
    const fifo = path.join(dir, 'pipe.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = cli('clean', fifo);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${fifo}: is a named pipe (FIFO), not an ordinary file`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports errors on stderr with a non-zero exit, and explains itself with --help', () => {
    const bad = cli('align', '--zh', 'missing-file');
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/align needs --zh FILE and --en FILE/);
    const help = cli('--help');
    expect(help.status).toBe(0);
    for (const command of ['ingest', 'clean', 'align', 'export']) expect(help.stdout).toContain(command);
  });
});
