/** What every command of the `duizhao` CLI is: its help, and a function from its arguments to an exit code. */
import type { Config } from '../config';

export interface Command {
  name: string;
  /** The command and its arguments, as usage and help show it after `npm run duizhao -- `. */
  synopsis: string;
  /** What the command does: lines of at most ~70 characters, without indentation. */
  description: string;
  /** Its options, one per line: the option at column 2, what it does from column 27. */
  options?: string;
  /**
   * Runs the command with the process's configuration (read once, by lib/cli.ts) and answers the exit code: 0, or 1 or 2 for an error it has already said on
   * stderr. Throws a UsageError (or parseArgs' own error) for arguments it cannot take: the CLI
   * then says so with the command's usage, exit 2; any other error is said on stderr, exit 1.
   */
  run(args: string[], config: Config): Promise<number>;
}

/** Arguments a command cannot take (a missing one, a bad value): said with the command's usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Whether an error is a usage error: ours, or parseArgs' (an unknown option, a missing value). */
export function isUsageError(e: unknown): boolean {
  return e instanceof UsageError || (e as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS') === true;
}

/** Whether the arguments ask for help (`--help` or `-h` before any `--`), whatever else they hold. */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
