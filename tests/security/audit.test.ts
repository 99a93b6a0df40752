import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { matchingAdvisories, newerOnLine } from './audit';

const listed = JSON.parse(readFileSync(path.join(import.meta.dirname, 'advisories.json'), 'utf8')) as {
  advisories: Array<{ package: string; title: string; vulnerable: string }>;
};

describe('the audit fallback', () => {
  it('lists only advisories with a valid vulnerable range', () => {
    for (const a of listed.advisories)
      expect(semver.validRange(a.vulnerable), `${a.package}: ${a.vulnerable}`).not.toBeNull();
  });

  it('finds an advisory when the installed version is in its range, and not outside it', () => {
    expect(matchingAdvisories(listed.advisories, { next: '15.2.2' }).map((a) => a.package)).toEqual(['next']);
    expect(matchingAdvisories(listed.advisories, { next: '16.0.6' }).length).toBeGreaterThanOrEqual(2);
    expect(matchingAdvisories(listed.advisories, { next: '16.2.6', 'next-intl': '4.9.1', react: '19.2.6' })).toEqual(
      [],
    );
    expect(matchingAdvisories(listed.advisories, { 'next-intl': '4.8.3' })[0]?.title).toMatch(/open redirect/i);
  });

  it('sees newer stable releases of the same major line only', () => {
    const published = ['16.4.5', '16.4.6', '16.5.0-canary.1', '17.0.0', '15.9.0', '16.4.7'];
    expect(newerOnLine('16.4.6', published)).toEqual(['16.4.7']);
    expect(newerOnLine('16.4.7', published)).toEqual([]);
  });
});
