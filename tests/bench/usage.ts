import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * How every `npm run bench:*` starts: `--help` (or `-h`) prints its usage and runs nothing (a bench
 * may take minutes, gigabytes or a server), and a wrong option prints what was wrong and the usage
 * (exit 2) instead of a stack trace; any other error keeps its stack (exit 1).
 */
export function wantsHelp(argv: readonly string[] = process.argv.slice(2)): boolean {
  // Before `--`, as parseArgs reads options; a value such as `--show -h` is not worth telling apart.
  const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  return options.includes('--help') || options.includes('-h');
}

/** A bad option value a bench found itself (`--rounds x`): reported like parseArgs's own errors. */
export class UsageError extends Error {}

const isOptionError = (e: unknown): e is Error =>
  e instanceof UsageError || (e instanceof Error && /^ERR_PARSE_ARGS_/.test(String((e as { code?: unknown }).code)));

/** Runs a bench's `main` unless help is asked for; see the module's comment for the exits. */
export async function runBench(usage: string, main: () => unknown): Promise<void> {
  if (wantsHelp()) {
    console.log(usage.trim());
    return;
  }
  try {
    await main();
  } catch (e: unknown) {
    if (isOptionError(e)) {
      console.error(`${e.message}\n\n${usage.trim()}`);
      process.exitCode = 2;
      return;
    }
    console.error(e);
    process.exitCode = 1;
  }
}

/**
 * For a bench that reads its options at the top of the module: parseArgs, except that `--help`
 * prints the usage and a wrong option the error and the usage, and either ends the process there.
 */
export function benchArgs<T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  if (wantsHelp(config.args ?? process.argv.slice(2))) {
    console.log(usage.trim());
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (e: unknown) {
    if (!isOptionError(e)) throw e;
    console.error(`${e.message}\n\n${usage.trim()}`);
    process.exit(2);
  }
}
