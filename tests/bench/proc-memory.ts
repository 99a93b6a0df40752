/**
 * Resident memory of a process and all its descendants, from Linux's /proc (the load test's server
 * is `next start`, which may run its work in child processes: summing the tree makes that a
 * non-question). The parsers are pure; `treeRss` reads /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The parent pid from the text of /proc/<pid>/stat, or null when it is not that format. */
export function parseStatPpid(stat: string): number | null {
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
  const close = stat.lastIndexOf(')');
  if (close === -1) return null;
  const fields = stat
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) && ppid >= 0 ? ppid : null;
}

/** VmRSS in kB from the text of /proc/<pid>/status; null when absent (a kernel thread, a zombie). */
export function parseVmRssKb(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) : null;
}

/** `root` and every pid below it, given each process's parent. */
export function processTree(root: number, parentOf: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentOf) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** A file of /proc, or null when the process has gone in the meantime. */
function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function parentMap(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    const ppid = stat === null ? null : parseStatPpid(stat);
    if (ppid !== null) map.set(Number(name), ppid);
  }
  return map;
}

export interface TreeRss {
  /** The sum of VmRSS over the tree, in kB. */
  kb: number;
  pids: number[];
}

/** Resident memory of `root` and its descendants now. Shared pages are counted once per process. */
export function treeRss(root: number): TreeRss {
  const pids = processTree(root, parentMap());
  let kb = 0;
  for (const pid of pids) {
    const status = readProc(`/proc/${pid}/status`);
    kb += (status === null ? null : parseVmRssKb(status)) ?? 0;
  }
  return { kb, pids };
}

export interface MemoryTolerance {
  /** Allowed growth as a fraction of the baseline… */
  fraction: number;
  /** …but never less than this many kB (a small baseline is noisy in absolute terms). */
  minKb: number;
}

/** The most memory may stand above its baseline and still count as "back near it". */
export const allowedGrowthKb = (baselineKb: number, tolerance: MemoryTolerance) =>
  Math.max(baselineKb * tolerance.fraction, tolerance.minKb);

/** Whether memory is back near its baseline: at most the allowed growth above it (less is fine). */
export function isBackNearBaseline(baselineKb: number, nowKb: number, tolerance: MemoryTolerance): boolean {
  return nowKb - baselineKb <= allowedGrowthKb(baselineKb, tolerance);
}
