/**
 * Writing a build: its files go into a temporary folder as they are made (each digested on its
 * way, lib/store/build-version.ts), and `publish` renames the folder to the build's id and swaps
 * the `build` symlink onto it. Until then nothing the app reads has changed; a run that fails or
 * is interrupted leaves only a `tmp-…` folder, which the next publish prunes.
 */
import { lstat, mkdir, readdir, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildId, contentDigest, type BuildFileText } from '../store/build-version';

export class BuildWriter {
  private readonly digests = new Map<string, string>();

  private constructor(
    private readonly buildLink: string,
    private readonly buildsDir: string,
    private readonly tmpDir: string,
  ) {}

  /** A writer for the build published at `buildLink` (a symlink; its versions live beside it). */
  static async open(buildLink: string): Promise<BuildWriter> {
    // Versions live beside their link, so two build links (the app's, the tests') never prune each other's.
    const buildsDir = path.join(path.dirname(buildLink), `.${path.basename(buildLink)}-versions`);
    const tmpDir = path.join(buildsDir, `tmp-${process.pid}-${Date.now()}`);
    await mkdir(tmpDir, { recursive: true });
    return new BuildWriter(buildLink, buildsDir, tmpDir);
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
    try {
      await rm(finalDir, { recursive: true, force: true });
      await rename(this.tmpDir, finalDir);
    } catch (e) {
      await this.abandon();
      throw e;
    }
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
}

/** Keeps the current build and the one before it (for a rollback); older ones and interrupted temporary folders go. */
async function pruneBuilds(buildsDir: string, keep: Set<string>): Promise<void> {
  for (const entry of await readdir(buildsDir, { withFileTypes: true })) {
    if (!keep.has(entry.name)) await rm(path.join(buildsDir, entry.name), { recursive: true, force: true });
  }
}
