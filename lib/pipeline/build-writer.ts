/**
 * Writing a build: its files go into a temporary folder as they are made (each digested on its
 * way, lib/base/build-version.ts), and `publish` renames the folder to the build's id and swaps
 * the `build` symlink onto it. Until then nothing the app reads has changed; a run that fails or
 * is interrupted leaves only a `tmp-<pid>-…` folder, which the next publish prunes once that
 * process is gone. One run at a time writes a build (build-lock.ts); a publish checks that its
 * folder is still the one it made, with every file it wrote.
 */
import { lstat, mkdir, readdir, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildId, contentDigest, type BuildFileText } from '../base/build-version';
import { processAlive } from './build-lock';

/** The build's folder disappeared (or lost files) while it was written: nothing was published. */
export class BuildVanishedError extends Error {
  constructor(dir: string, detail: string) {
    super(
      `The build being written in ${dir} ${detail} (another process removed it?); nothing was published, the previous build still serves. Run the ingest again.`,
    );
    this.name = 'BuildVanishedError';
  }
}

const TMP_PREFIX = 'tmp-';

export class BuildWriter {
  private readonly digests = new Map<string, string>();

  private constructor(
    private readonly buildLink: string,
    private readonly buildsDir: string,
    private readonly tmpDir: string,
    /** The folder's inode when made: a folder removed and made again by a later write has another. */
    private readonly tmpIno: number,
  ) {}

  /** A writer for the build published at `buildLink` (a symlink; its versions live beside it). */
  static async open(buildLink: string): Promise<BuildWriter> {
    // Versions live beside their link, so two build links (the app's, the tests') never prune each other's.
    const buildsDir = path.join(path.dirname(buildLink), `.${path.basename(buildLink)}-versions`);
    const tmpDir = path.join(
      buildsDir,
      `${TMP_PREFIX}${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    );
    await mkdir(tmpDir, { recursive: true });
    return new BuildWriter(buildLink, buildsDir, tmpDir, (await stat(tmpDir)).ino);
  }

  /** Writes one file. Content given as pieces (search.jsonl's lines, made lazily) is streamed, never joined. */
  async put(name: string, content: BuildFileText): Promise<void> {
    if (this.digests.has(name)) throw new Error(`The build already has a file ${name}.`);
    const file = path.join(this.tmpDir, name);
    await mkdir(path.dirname(file), { recursive: true });
    const digest = contentDigest();
    if (typeof content === 'string') {
      digest.update(content);
      await writeFile(file, content);
    } else {
      await writeFile(
        file,
        (function* digested() {
          for (const piece of content) {
            digest.update(piece);
            yield piece;
          }
        })(),
      );
    }
    this.digests.set(name, digest.hex());
  }

  /** Drops what was written (a failed run). */
  async abandon(): Promise<void> {
    await rm(this.tmpDir, { recursive: true, force: true });
  }

  /** Names the build by its id, publishes it and prunes all versions but it and the one it replaces. Returns its folder. */
  async publish(): Promise<string> {
    const finalDir = path.join(this.buildsDir, buildId(this.digests));
    // The same build already there (an ingest that changed nothing): moved aside, not deleted
    // first, so the link never points at a folder being removed file by file; put back on failure.
    const aside = path.join(this.buildsDir, `${TMP_PREFIX}${process.pid}-replaced-${Date.now()}`);
    let had = false;
    try {
      await this.checkWhole();
      had = await rename(finalDir, aside).then(
        () => true,
        () => false,
      );
      await rename(this.tmpDir, finalDir);
    } catch (e) {
      if (had) await rename(aside, finalDir).catch(() => undefined);
      await this.abandon();
      throw e;
    }
    if (had) await rm(aside, { recursive: true, force: true });
    // Publish: a new symlink renamed over the old one is an atomic swap.
    const { buildLink } = this;
    const previous = await readlink(buildLink).catch(() => '');
    const linkTmp = `${buildLink}.tmp-${process.pid}`;
    await rm(linkTmp, { force: true });
    await symlink(path.relative(path.dirname(buildLink), finalDir), linkTmp);
    const existing = await lstat(buildLink).catch(() => undefined);
    if (existing && !existing.isSymbolicLink()) await rm(buildLink, { recursive: true, force: true });
    await rename(linkTmp, buildLink);
    await pruneBuilds(this.buildsDir, new Set([path.basename(finalDir), path.basename(previous)]));
    return finalDir;
  }

  /**
   * Every file this writer wrote is in its folder, and the folder is the one it made. Another
   * process's pruning once removed a folder under a running ingest, whose next write made it again:
   * without this check that run published a build without its documents, and exited 0.
   */
  private async checkWhole(): Promise<void> {
    const now = await stat(this.tmpDir).catch(() => null);
    if (now === null) throw new BuildVanishedError(this.tmpDir, 'disappeared');
    if (now.ino !== this.tmpIno) throw new BuildVanishedError(this.tmpDir, 'was removed and made again');
    const present = new Set(await filesUnder(this.tmpDir));
    const missing = [...this.digests.keys()].filter((name) => !present.has(name));
    if (missing.length > 0)
      throw new BuildVanishedError(
        this.tmpDir,
        `lost ${missing.length} of its files (${missing.slice(0, 3).join(', ')})`,
      );
  }
}

/** The files under `dir`, as paths relative to it with '/' (a build's file names); iterative, whatever the depth. */
async function filesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [''];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) pending.push(name);
      else files.push(name);
    }
  }
  return files;
}

/** The process that is writing a temporary build folder (its name starts with `tmp-<pid>-`). */
function writerOf(name: string): number | null {
  const m = /^tmp-(\d+)-/.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Keeps the current build and the one before it (for a rollback); older ones and the temporary
 * folders of runs that died go. A temporary folder whose process still runs is another run's work
 * in progress (the build lock keeps ingests apart; this holds even for a run that did not take it).
 */
export async function pruneBuilds(buildsDir: string, keep: Set<string>): Promise<void> {
  for (const entry of await readdir(buildsDir, { withFileTypes: true })) {
    if (keep.has(entry.name)) continue;
    const writer = writerOf(entry.name);
    if (writer !== null && processAlive(writer)) continue;
    await rm(path.join(buildsDir, entry.name), { recursive: true, force: true });
  }
}
