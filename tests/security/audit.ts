/**
 * `npm run check:audit`: the production dependencies must have no published advisory.
 *
 * First choice: `npm audit --omit=dev`, which fails on any advisory of any severity. Where the
 * registry's audit endpoint cannot be reached (this workplace's registry answers its POST with
 * 405), that is said plainly and the script falls back to what it can still check:
 *  - the installed next, next-intl and react against the advisories listed in advisories.json;
 *  - that next, next-intl and react are the newest release of their line on the registry (a GET,
 *    which works), or a documented exception.
 * The fallback is not a substitute for the audit; its output says which of the two ran.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import semver from 'semver';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

interface Advisory {
  package: string;
  id?: string;
  cve?: string;
  title: string;
  vulnerable: string;
}

/**
 * Newer releases we cannot take, with why. next-intl 4.15.0 does not install from the registry:
 * two of its dependencies (icu-minify, next-intl-swc-plugin-extractor) were never published at 4.15.
 */
const NEWER_NOT_INSTALLABLE: Record<string, string> = {
  'next-intl@4.15.0': 'icu-minify and next-intl-swc-plugin-extractor are not published at 4.15.0, so it cannot install',
};

const WATCHED = ['next', 'next-intl', 'react', 'react-dom'];

interface AuditReport {
  error?: { code?: string; summary?: string };
  /** npm's shape when the endpoint answers with an HTTP error (here: 405 to its POST). */
  message?: string;
  statusCode?: number;
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; range: string }>;
}

async function npmAudit(): Promise<AuditReport> {
  try {
    const { stdout } = await run('npm', ['audit', '--omit=dev', '--json'], { cwd: root, maxBuffer: 64 << 20 });
    return JSON.parse(stdout) as AuditReport;
  } catch (error) {
    // npm audit exits 1 both when it finds advisories and when it cannot ask; the JSON tells which.
    const stdout = (error as { stdout?: string }).stdout ?? '';
    try {
      return JSON.parse(stdout) as AuditReport;
    } catch {
      return { error: { code: 'NO_JSON', summary: String((error as Error).message).split('\n')[0] } };
    }
  }
}

async function installedVersion(name: string): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

async function publishedVersions(name: string): Promise<string[]> {
  const { stdout } = await run('npm', ['view', name, 'versions', '--json'], { cwd: root, maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as string[];
}

/** Advisories whose vulnerable range holds the installed version. Pure, for the tests. */
export function matchingAdvisories(advisories: Advisory[], installed: Record<string, string>): Advisory[] {
  return advisories.filter(
    (a) =>
      installed[a.package] !== undefined &&
      semver.satisfies(installed[a.package]!, a.vulnerable, { includePrerelease: true }),
  );
}

/** Stable releases newer than `version` on the same major line. Pure, for the tests. */
export function newerOnLine(version: string, published: string[]): string[] {
  const major = semver.major(version);
  return published.filter(
    (v) => semver.valid(v) && !semver.prerelease(v) && semver.major(v) === major && semver.gt(v, version),
  );
}

async function fallback(): Promise<string[]> {
  const problems: string[] = [];
  const { advisories } = JSON.parse(await readFile(path.join(import.meta.dirname, 'advisories.json'), 'utf8')) as {
    advisories: Advisory[];
  };
  const names = [...new Set([...WATCHED, ...advisories.map((a) => a.package)])];
  const installed: Record<string, string> = {};
  for (const name of names) {
    try {
      installed[name] = await installedVersion(name);
    } catch {
      // Not installed: no advisory of it can apply.
    }
  }
  for (const a of matchingAdvisories(advisories, installed)) {
    problems.push(
      `${a.package}@${installed[a.package]} is affected by ${a.id ?? a.cve} (${a.title}; vulnerable ${a.vulnerable})`,
    );
  }
  console.log(`  checked ${Object.keys(installed).length} packages against ${advisories.length} listed advisories`);
  for (const name of WATCHED) {
    const version = installed[name];
    if (!version) continue;
    const newer = newerOnLine(version, await publishedVersions(name)).filter((v) => {
      const why = NEWER_NOT_INSTALLABLE[`${name}@${v}`];
      if (why) console.log(`  ${name}@${v} is newer but ${why}`);
      return !why;
    });
    if (newer.length > 0)
      problems.push(`${name}@${version} is not the newest of its line (${newer.join(', ')} published): update it`);
    else console.log(`  ${name}@${version}: newest installable release of ${semver.major(version)}.x`);
  }
  return problems;
}

async function main(): Promise<void> {
  const report = await npmAudit();
  if (report.metadata?.vulnerabilities) {
    const counts = report.metadata.vulnerabilities;
    const total = counts.total ?? Object.values(counts).reduce((a, b) => a + b, 0);
    if (total === 0) {
      console.log('npm audit --omit=dev: no advisory');
      return;
    }
    console.error(`npm audit --omit=dev: ${total} advisories`);
    for (const [name, v] of Object.entries(report.vulnerabilities ?? {}))
      console.error(`  ${v.severity.padEnd(8)} ${name} ${v.range}`);
    process.exit(1);
  }
  const why = report.message ?? report.error?.summary ?? 'no answer';
  console.log(`npm audit --omit=dev could not run: ${why}${report.error?.code ? ` (${report.error.code})` : ''}.`);
  console.log("Falling back to the listed advisories and the registry's newest releases:");
  const problems = await fallback();
  if (problems.length > 0) {
    for (const p of problems) console.error(`  ✗ ${p}`);
    process.exit(1);
  }
  console.log('  no known advisory applies');
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
