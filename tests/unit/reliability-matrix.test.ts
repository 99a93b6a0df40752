/**
 * docs/reliability.md maps each RELIABILITY row to its tests. This keeps the map honest: every row
 * 1–28 is there, and each file it cites has a test whose title names that row.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const table = readFileSync(path.join(root, 'docs/reliability.md'), 'utf8')
  .split('\n')
  .map((line) => /^\| (\d+(?:\.\d+[a-z]?)?) \| .* \| (.*) \|$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ row: m[1]!, files: [...m[2]!.matchAll(/`([^`]+)`/g)].map((f) => f[1]!) }));

/** Test titles (the first string argument of it/test/describe) in a test file. */
function titles(file: string): string[] {
  const source = readFileSync(path.join(root, file), 'utf8');
  return [...source.matchAll(/\b(?:it|test|describe)(?:\.\w+)?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2]!);
}

/** The rows of the adversarial cases, numbered by issue and item (`22.2`). */
const adversarial = readFileSync(path.join(root, 'docs/reliability.md'), 'utf8')
  .split('\n')
  .map((line) => /^\| (\d+\.\d+) \| .* \| (.*) \|$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ row: m[1]!, files: [...m[2]!.matchAll(/`([^`]+)`/g)].map((f) => f[1]!) }));

describe('the reliability matrix', () => {
  it('cites for each adversarial case (22.2 …) a file with a test titled by it', () => {
    expect(adversarial.map((r) => r.row)).toEqual(expect.arrayContaining(['22.2', '22.3', '22.4', '22.6', '22.8']));
    for (const { row, files } of adversarial) {
      expect(files.length, `row ${row} has tests`).toBeGreaterThan(0);
      const names = new RegExp(`\\brows? ${row.replace('.', '\\.')}\\b`);
      for (const file of files)
        expect(
          titles(file).some((t) => names.test(t)),
          `${file} names row ${row} in a test title`,
        ).toBe(true);
    }
  });

  it('lists every row, 1 to 28, once', () => {
    expect(table.filter((r) => !r.row.includes('.')).map((r) => Number(r.row))).toEqual(
      Array.from({ length: 28 }, (_, i) => i + 1),
    );
  });

  it('lists each row of issue 22 (22.N, a letter per case) once', () => {
    const rows = table.map((r) => r.row).filter((r) => r.startsWith('22.'));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('cites for each row at least one file with a test titled by that row', () => {
    for (const { row, files } of table) {
      expect(files.length, `row ${row} has tests`).toBeGreaterThan(0);
      const id = row.replace('.', '\\.');
      const names = new RegExp(`(\\brows? ([\\d.a-z]+, )*${id}(?![\\w.])|RELIABILITY ${id}(?![\\w.]))`);
      for (const file of files)
        expect(
          titles(file).some((t) => names.test(t)),
          `${file} names row ${row} in a test title`,
        ).toBe(true);
    }
  });
});
