/**
 * The test server is real and set up as tests/pg/ensure-postgres.sh promises: reachable at the URL
 * it printed, on loopback only, UTF-8, and a second run of the script reuses it (same URL).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkDatabaseUrl, connect, disconnectAll } from '../../lib/db/pg';
import { describePg } from './database';

const script = path.resolve(import.meta.dirname, 'ensure-postgres.sh');

describePg('the PostgreSQL test server', (url) => {
  afterAll(() => disconnectAll());

  it('answers at DATABASE_URL_TEST, on 127.0.0.1 only, in UTF-8', async () => {
    const db = connect(url);
    const row = await db.one<{ listen: string; encoding: string; one: number }>(
      "SELECT current_setting('listen_addresses') AS listen, pg_encoding_to_char(encoding) AS encoding, 1 AS one FROM pg_database WHERE datname = current_database()",
    );
    expect(row).toEqual({ listen: '127.0.0.1', encoding: 'UTF8', one: 1 });
    expect(new URL(url).hostname).toBe('127.0.0.1');
  });

  it('is reused by a second run of the script (same URL, same server)', async () => {
    const db = connect(url);
    const before = await db.one<{ started: string }>('SELECT pg_postmaster_start_time()::text AS started');
    const again = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    expect(again).toBe(url);
    const after = await db.one<{ started: string }>('SELECT pg_postmaster_start_time()::text AS started');
    expect(after).toEqual(before);
  });
});

it('refuses a DATABASE_URL that is not a postgres:// URL, without echoing it', () => {
  expect(() => checkDatabaseUrl('mysql://u:secret@h/db')).toThrow(/postgres:\/\//);
  expect(() => checkDatabaseUrl('not a url secret')).toThrow(/not a URL/);
  try {
    checkDatabaseUrl('not a url secret');
  } catch (error) {
    expect(String(error)).not.toContain('secret');
  }
});
