/**
 * Help and usage of every command, in process: lib/cli.ts runs its main() only when it is the
 * program, so importing it runs nothing. Help goes to stdout with exit 0; a usage error says what
 * is wrong and the usage on stderr, exit 2, and nothing on stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../lib/cli';
import { readConfig } from '../../lib/config';

const root = path.resolve(import.meta.dirname, '../..');
const COMMANDS = ['ingest', 'publish', 'add', 'clean', 'align', 'align-words', 'export', 'search'];

let out: string;
let err: string;
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The CLI with an environment of its own: none of the machine's variables (a DATABASE_URL) reach it. */
async function run(...argv: string[]) {
  const code = await main(argv, readConfig({}, root));
  return { code, out, err };
}

describe('duizhao --help', () => {
  it.each([['--help'], ['-h'], ['help']])('%s prints every command on stdout, exit 0', async (flag) => {
    const r = await run(flag);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^duizhao — build and query/);
    for (const command of COMMANDS) expect(r.out).toContain(`\n  ${command}`);
    expect(r.out).toContain('Examples:');
  });

  it.each(COMMANDS)("%s --help, -h and `help COMMAND` print that command's help on stdout, exit 0", async (command) => {
    const long = await run(command, '--help');
    expect(long.code).toBe(0);
    expect(long.err).toBe('');
    expect(long.out).toMatch(new RegExp(`^Usage: npm run duizhao -- ${command}[ \\n]`));
    expect(long.out).toContain('Options:\n');
    expect(long.out).toContain('-h, --help');
    // Only this command: no other command's usage line.
    for (const other of COMMANDS.filter((c) => c !== command))
      expect(long.out).not.toMatch(new RegExp(`Usage: npm run duizhao -- ${other}[ \\n]`));
    out = '';
    const short = await run(command, '-h');
    expect(short).toEqual({ code: 0, out: long.out, err: '' });
    out = '';
    const named = await run('help', command);
    expect(named).toEqual({ code: 0, out: long.out, err: '' });
  });

  it('--help wins over arguments the command would refuse', async () => {
    const r = await run('export', '--format', 'xml', '--bogus', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: npm run duizhao -- export --format tmx\|tsv\|tbx\|csv \[DOCID\]/);
    expect(r.err).toBe('');
  });

  it('a --help after -- is an argument, not a request for help', async () => {
    const r = await run('clean', '--', '--help');
    expect(r.out).toBe('');
    expect(r.code).toBe(1); // clean tried to read a file named --help
    expect(r.err).toMatch(/--help/);
  });
});

describe('duizhao usage errors: the error and the usage on stderr, exit 2, nothing on stdout', () => {
  it.each([
    [[], /no command given/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['help', 'frobnicate'], /help takes one command's name/],
  ])('%j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Usage: npm run duizhao -- <command> [options]');
    expect(r.err).toContain('Commands: ingest, publish, add, clean, align, align-words, export, search');
  });

  it.each(COMMANDS)('%s with an unknown option', async (command) => {
    const r = await run(command, '--no-such-option');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^duizhao: Unknown option '--no-such-option'/);
    expect(r.err).toContain(`Usage: npm run duizhao -- ${command}`);
    expect(r.err).toContain(`Run "npm run duizhao -- ${command} --help" for its options.`);
  });

  it.each([
    [['add'], /add takes exactly one SOURCE file/],
    [['clean'], /clean takes exactly one FILE/],
    [['align', '--zh', 'a.txt'], /align needs --zh FILE and --en FILE/],
    [['align-words', '--en', 'e.txt'], /align-words needs --zh FILE and --en FILE/],
    [['export'], /export needs --format tmx\|tsv\|tbx\|csv/],
    [['search'], /search needs a QUERY/],
    [['ingest', '--workers', '0'], /--workers takes a whole number from 1 to 64/],
    [['publish', '--build'], /Option '--build <value>' argument missing/],
    [['publish'], /publish needs --database URL or DATABASE_URL/],
  ])('%j: a missing or bad argument', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toContain(`Usage: npm run duizhao -- ${argv[0]}`);
  });
});

describe('duizhao run as a program', () => {
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'lib/cli.ts'), ...args],
      { cwd: root, encoding: 'utf8' },
    );

  it('a program that imports it runs no command', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'duizhao-cli-import-'));
    const script = path.join(dir, 'imports-cli.ts');
    writeFileSync(
      script,
      `import { main } from ${JSON.stringify(path.join(root, 'lib/cli.ts'))};\nconsole.log(typeof main);\n`,
    );
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), script, 'ingest'], {
      cwd: dir,
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true, force: true });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('function\n');
    expect(r.status).toBe(0);
  });

  it('runs its command and exits with its code: help 0 on stdout, a usage error 2 on stderr', () => {
    const help = cli('search', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run duizhao -- search QUERY/);
    expect(help.stderr).toBe('');
    const none = cli();
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^duizhao: no command given\nUsage: /);
  });
});
