/**
 * Two ingests never harm each other's builds (issue 22, item 1): the build lock (one at a time, a
 * crashed holder's lock taken over), pruning that spares another run's folder, and a publish that
 * refuses a folder that vanished under it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildBusyError, BuildLock, lockFileOf, processStart } from './build-lock';
import { BuildVanishedError, BuildWriter, pruneBuilds } from './build-writer';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-lock-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The pid of a process that has exited (so no process of this host runs under it right after). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('row 22.1: the build lock', () => {
  it('row 22.1: a second taker waits for the first and gets the lock when it is released', async () => {
    const link = path.join(work, 'a', 'build');
    await mkdir(path.dirname(link), { recursive: true });
    const first = await BuildLock.acquire(link);
    const held = JSON.parse(await readFile(lockFileOf(link), 'utf8')) as { pid: number; host: string };
    expect(held).toMatchObject({ pid: process.pid, host: hostname() });
    let waited = '';
    const second = BuildLock.acquire(link, { waitMs: 5_000, pollMs: 20, onWait: (m) => (waited = m) });
    let got = false;
    void second.then(() => (got = true));
    await new Promise((r) => setTimeout(r, 150));
    expect(got).toBe(false);
    expect(waited).toMatch(/Another ingest .*process \d+.* is writing this build: waiting/);
    await first.release();
    const lock = await second;
    expect(got).toBe(true);
    await lock.release();
    await expect(stat(lockFileOf(link))).rejects.toThrow();
  });

  it('row 22.1: a live holder that does not finish in time: BuildBusyError naming it', async () => {
    const link = path.join(work, 'b', 'build');
    await mkdir(path.dirname(link), { recursive: true });
    const first = await BuildLock.acquire(link, { what: 'duizhao ingest' });
    const err = await BuildLock.acquire(link, { waitMs: 100, pollMs: 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildBusyError);
    expect((err as Error).message).toContain(`duizhao ingest, process ${process.pid}`);
    await first.release();
  });

  it('row 22.1: a lock left by a crashed run (its process gone) is taken over at once', async () => {
    const link = path.join(work, 'c', 'build');
    await mkdir(path.dirname(link), { recursive: true });
    await writeFile(
      lockFileOf(link),
      JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00Z', what: 'ingest' }),
    );
    const started = performance.now();
    const lock = await BuildLock.acquire(link, { waitMs: 0 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(JSON.parse(await readFile(lockFileOf(link), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('row 22.1: the lock names when its holder started, and a pid since handed to a later process is taken over', async () => {
    // This machine says when a process started (Linux's /proc); the lock records it.
    const mine = processStart(process.pid);
    expect(mine).toMatch(/^[\w-]+:\d+$/);
    expect(processStart(deadPid())).toBeUndefined();
    const link = path.join(work, 'r', 'build');
    await mkdir(path.dirname(link), { recursive: true });
    const taken = await BuildLock.acquire(link);
    expect(JSON.parse(await readFile(lockFileOf(link), 'utf8'))).toMatchObject({ pid: process.pid, started: mine });
    await taken.release();

    // The holder crashed and its pid now names another process (here the parent, alive, started at
    // another time): the lock is taken over at once.
    const holder = { pid: process.ppid, host: hostname(), since: '2026-01-01T00:00:00Z', what: 'ingest' };
    await writeFile(lockFileOf(link), JSON.stringify({ ...holder, started: `${mine!.split(':')[0]}:1` }));
    const lock = await BuildLock.acquire(link, { waitMs: 0 });
    expect(JSON.parse(await readFile(lockFileOf(link), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();

    // The same live process, started when the lock says: it still holds the lock.
    await writeFile(lockFileOf(link), JSON.stringify({ ...holder, started: processStart(process.ppid) }));
    const err = await BuildLock.acquire(link, { waitMs: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildBusyError);
    await rm(lockFileOf(link));
  });

  it('row 22.1: a holder on another host cannot be checked: waited for, and the message says which file to remove', async () => {
    const link = path.join(work, 'd', 'build');
    await mkdir(path.dirname(link), { recursive: true });
    await writeFile(
      lockFileOf(link),
      JSON.stringify({ pid: deadPid(), host: 'elsewhere.example', since: '2026-01-01T00:00:00Z', what: 'ingest' }),
    );
    const err = await BuildLock.acquire(link, { waitMs: 50, pollMs: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildBusyError);
    expect((err as Error).message).toContain(
      `on elsewhere.example (if that process is gone, remove ${lockFileOf(link)})`,
    );
  });

  it('row 22.1: of many runs taking a stale lock at once, exactly one holds it at a time', async () => {
    // Many rounds, because the race this guards against (a breaker putting aside a lock another run
    // had just taken) showed in about one round in four of eight runners.
    for (let round = 0; round < 25; round++) {
      const link = path.join(work, `e${round}`, 'build');
      await mkdir(path.dirname(link), { recursive: true });
      await writeFile(
        lockFileOf(link),
        JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00Z', what: 'ingest' }),
      );
      let inside = 0;
      let most = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          const lock = await BuildLock.acquire(link, { waitMs: 10_000, pollMs: 1 });
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 2));
          inside--;
          await lock.release();
        }),
      );
      expect(most, `round ${round}`).toBe(1);
      expect(existsSync(`${lockFileOf(link)}.break`)).toBe(false);
    }
  });

  it('row 22.1: a breaker that crashed mid-break does not hold the stale lock for ever', async () => {
    const link = path.join(work, 'f', 'build');
    await mkdir(path.dirname(link), { recursive: true });
    await writeFile(
      lockFileOf(link),
      JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00Z', what: 'ingest' }),
    );
    const turn = `${lockFileOf(link)}.break`;
    await writeFile(turn, `${deadPid()}\n`);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(turn, longAgo, longAgo);
    const lock = await BuildLock.acquire(link, { waitMs: 5_000, pollMs: 5 });
    expect(JSON.parse(await readFile(lockFileOf(link), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });
});

describe('row 22.1: building beside another run', () => {
  it('row 22.1: pruning spares the folder of a run still writing, and removes a dead run’s', async () => {
    const link = path.join(work, 'p', 'build');
    const writing = await BuildWriter.open(link);
    await writing.put('docs/a.json', '{}');
    const versions = path.join(work, 'p', '.build-versions');
    const dead = path.join(versions, `tmp-${deadPid()}-1-x`);
    await mkdir(dead);
    const other = await BuildWriter.open(link);
    await other.put('manifest.json', '{}');
    await other.publish();
    const left = await readdir(versions);
    expect(left.filter((n) => n.startsWith('tmp-'))).toHaveLength(1); // the writer still at work
    expect(left).not.toContain(path.basename(dead));
    await writing.put('manifest.json', '{"docs":[]}');
    const dir = await writing.publish();
    expect(await readdir(path.join(dir, 'docs'))).toEqual(['a.json']);
  });

  it('row 22.1: a run whose folder vanished while it wrote fails loudly and publishes nothing', async () => {
    const link = path.join(work, 'v', 'build');
    const first = await BuildWriter.open(link);
    await first.put('manifest.json', '{"docs":[]}');
    const published = await first.publish();
    const run = await BuildWriter.open(link);
    await run.put('docs/a.json', '{}');
    // What another process's pruning did: the folder removed; the next write makes it again.
    const versions = path.join(work, 'v', '.build-versions');
    for (const name of await readdir(versions))
      if (name.startsWith('tmp-')) await rm(path.join(versions, name), { recursive: true });
    await run.put('manifest.json', '{"docs":[1]}');
    await expect(run.publish()).rejects.toThrow(BuildVanishedError);
    expect(await readFile(path.join(link, 'manifest.json'), 'utf8')).toBe('{"docs":[]}');
    expect(path.resolve(path.dirname(link), await readlink(link))).toBe(published);
  });

  it('row 22.1: publishing the build already served (nothing changed) never leaves the link dangling', async () => {
    const link = path.join(work, 's', 'build');
    const once = await BuildWriter.open(link);
    await once.put('manifest.json', '{"same":1}');
    const dir = await once.publish();
    const again = await BuildWriter.open(link);
    await again.put('manifest.json', '{"same":1}');
    expect(await again.publish()).toBe(dir);
    expect(await readFile(path.join(link, 'manifest.json'), 'utf8')).toBe('{"same":1}');
    expect((await readdir(path.join(work, 's', '.build-versions'))).filter((n) => n.startsWith('tmp-'))).toEqual([]);
  });

  it('prunes nothing it keeps', async () => {
    const dir = path.join(work, 'k');
    await mkdir(path.join(dir, 'keep'), { recursive: true });
    await mkdir(path.join(dir, 'old'));
    await pruneBuilds(dir, new Set(['keep']));
    expect(await readdir(dir)).toEqual(['keep']);
  });
});
