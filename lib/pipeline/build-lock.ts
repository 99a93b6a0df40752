/**
 * One ingest at a time per build link. Every ingest (the CLI's `ingest` and `add`, a save from the
 * Import page) reads the corpus, writes a new build and publishes it; two at once would each
 * publish a build made without the other's change, and before this lock one's pruning deleted the
 * other's half-written folder. So the whole run, from reading the corpus to publishing, holds a
 * lock file beside the build link (`.build.lock` for `build`).
 *
 * The lock survives a crash: a holder killed by SIGKILL or a power cut leaves its file behind, and
 * the file names its process, when that process started and the host, so the next ingest on that
 * host finds the process gone (or its pid reused by a process started later) and takes the lock
 * over. A holder on another host (a corpus on a shared disk) cannot be checked: it
 * is waited for, and the message names the file to remove if that process is known to be gone.
 *
 * Hand-written: the npm lock packages (proper-lockfile and its kind) judge a lock stale by its age,
 * which would break the lock of a long ingest (a 100 M-character corpus takes hours) unless a timer
 * kept touching it; a process id answers the question directly.
 */
import { readFileSync } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
  /** What holds it (`ingest`, `import save`), for the message a waiting run prints. */
  what: string;
  /**
   * When the holder's process started (`processStart`), where the system says: a process id is
   * reused once its process has gone, so a crashed holder's pid may name a later, unrelated
   * process. Absent where the system does not say (or in a lock of an older version).
   */
  started?: string;
}

/** The lock is held and was not released within the wait allowed. */
export class BuildBusyError extends Error {
  constructor(
    readonly holder: LockHolder | null,
    readonly lockFile: string,
  ) {
    super(`${busyMessage(holder, lockFile)}; try again when it has finished.`);
    this.name = 'BuildBusyError';
  }
}

function busyMessage(holder: LockHolder | null, lockFile: string): string {
  if (holder === null) return `Another ingest is writing this build (lock ${lockFile})`;
  const where = holder.host === hostname() ? '' : ` on ${holder.host} (if that process is gone, remove ${lockFile})`;
  return `Another ingest (${holder.what}, process ${holder.pid}${where}, since ${holder.since}) is writing this build`;
}

/** The lock file of a build link: a dot file beside it, outside the versions folder the publish prunes. */
export function lockFileOf(buildLink: string): string {
  return path.join(path.dirname(buildLink), `.${path.basename(buildLink)}.lock`);
}

/** Whether process `pid` runs on this machine (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When process `pid` started, as the boot's id and the start time in clock ticks since boot (Linux's
 * /proc: field 22 of /proc/PID/stat, read after the command name, which may hold spaces and
 * parentheses). Undefined where /proc does not say (another system, or the process is gone).
 */
export function processStart(pid: number): string | undefined {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = fields[19];
    return ticks !== undefined && /^\d+$/.test(ticks) ? `${bootId}:${ticks}` : undefined;
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.since === 'string')
      return {
        pid: v.pid,
        host: v.host,
        since: v.since,
        what: String(v.what ?? 'ingest'),
        ...(typeof v.started === 'string' ? { started: v.started } : {}),
      };
  } catch {
    // a lock file cut short by a crash while it was written: judged by its age below
  }
  return null;
}

/**
 * A holder that is certainly gone: a process of this host that no longer runs, or whose pid now
 * names a process started at another time (the holder crashed and the pid was handed out again).
 */
function isStale(holder: LockHolder | null, ageMs: number): boolean {
  if (holder === null) return ageMs > 10_000; // unreadable: its writer died between create and write
  if (holder.host !== hostname()) return false;
  if (!processAlive(holder.pid)) return true;
  const started = holder.started === undefined ? undefined : processStart(holder.pid);
  return started !== undefined && started !== holder.started;
}

export interface AcquireOptions {
  /** How long to wait for a live holder, in ms (default 0: fail at once). Infinity waits for ever. */
  waitMs?: number;
  /** Called once when the run starts waiting, with the holder. */
  onWait?: (message: string) => void;
  /** Says what holds the lock, in the message others see. */
  what?: string;
  /** Poll interval while waiting (ms). */
  pollMs?: number;
}

export class BuildLock {
  private released = false;

  private constructor(readonly file: string) {}

  /** Takes the lock of `buildLink`, taking over a stale one, waiting up to `waitMs` for a live one. */
  static async acquire(buildLink: string, options: AcquireOptions = {}): Promise<BuildLock> {
    const file = lockFileOf(buildLink);
    const me: LockHolder = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      what: options.what ?? 'ingest',
    };
    const started = processStart(process.pid);
    if (started !== undefined) me.started = started;
    const deadline = performance.now() + (options.waitMs ?? 0);
    let told = false;
    for (;;) {
      try {
        // 'wx': created only if absent, so of two runs exactly one gets it.
        await writeFile(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
        return new BuildLock(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
          throw new Error(`Cannot create the build lock ${file}: ${(e as Error).message}`, { cause: e });
      }
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text === null) continue; // released between our attempt and the read: try again
      const holder = parseHolder(text);
      const age = Date.now() - ((await stat(file).catch(() => null))?.mtimeMs ?? Date.now());
      if (isStale(holder, age)) {
        // Another run is breaking it: give that run a moment rather than spinning.
        if (!(await breakStale(file, text)))
          await new Promise((r) => setTimeout(r, Math.min(options.pollMs ?? 250, 10)));
        continue;
      }
      if (performance.now() >= deadline) throw new BuildBusyError(holder, file);
      if (!told) options.onWait?.(`${busyMessage(holder, file)}: waiting for it to finish…`);
      told = true;
      await new Promise((r) =>
        setTimeout(r, Math.min(options.pollMs ?? 250, Math.max(1, deadline - performance.now()))),
      );
    }
  }

  /** Gives the lock up (once; later calls do nothing). Only this holder's own file is removed. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const text = await readFile(this.file, 'utf8').catch(() => null);
    const holder = text === null ? null : parseHolder(text);
    if (holder?.pid === process.pid && holder.host === hostname()) await rm(this.file, { force: true });
  }
}

/** A breaker that has held the break file this long has crashed: breaking takes milliseconds. */
const BREAK_STALE_MS = 10_000;

/**
 * Removes a stale lock file, unless it is no longer the stale holder's. Breakers take turns through a
 * second file (`.build.lock.break`, created with 'wx'): only the breaker holding it may remove the
 * lock file, and it checks the file's text first. No one else can replace a stale lock meanwhile
 * (it is present, so 'wx' fails, and its holder is dead, so it is not released), so the check holds
 * until the removal. Before, a breaker renamed the lock aside and put it back if it had turned out
 * live: while it was aside a third run could take the lock, and then two ran at once.
 * Returns false when another breaker holds the turn (the caller waits and looks again).
 */
async function breakStale(file: string, staleText: string): Promise<boolean> {
  const turn = `${file}.break`;
  try {
    await writeFile(turn, `${process.pid}\n`, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new Error(`Cannot create ${turn}: ${(e as Error).message}`, { cause: e });
    const since = (await stat(turn).catch(() => null))?.mtimeMs;
    if (since !== undefined && Date.now() - since > BREAK_STALE_MS) await rm(turn, { force: true });
    return false;
  }
  try {
    const now = await readFile(file, 'utf8').catch(() => null);
    if (now === staleText) await rm(file, { force: true });
  } finally {
    await rm(turn, { force: true });
  }
  return true;
}
