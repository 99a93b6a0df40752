/**
 * The `duizhao` command: reads the command's name and hands the rest to it (one command per file,
 * lib/cli/). Contracts kept stable for tools: only the result on stdout; errors on stderr with a
 * non-zero exit (1, or 2 for a usage error, which is followed by the usage); progress on stderr.
 * `--help` (`-h`), alone or after a command, prints help on stdout and exits 0.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readConfig, type Config } from './config';
import { add } from './cli/add';
import { align } from './cli/align';
import { alignWords } from './cli/align-words';
import { clean } from './cli/clean';
import { isUsageError, UsageError, wantsHelp, type Command } from './cli/command';
import { exportCommand } from './cli/export';
import { commandHelp, commandUsage, fullHelp, usage } from './cli/help';
import { ingest } from './cli/ingest';
import { publish } from './cli/publish';
import { search } from './cli/search';

/** In the order the help lists them. */
const COMMANDS: readonly Command[] = [ingest, publish, add, clean, align, alignWords, exportCommand, search];

const commandNamed = (name: string | undefined) => COMMANDS.find((c) => c.name === name);

/**
 * Runs the command line `argv` (without node and the script) with `config` (by default read from
 * the environment, here, once) and answers the exit code.
 */
export async function main(argv: readonly string[], config: Config = readConfig()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h') {
    process.stdout.write(fullHelp(COMMANDS));
    return 0;
  }
  if (name === 'help') {
    const about = rest[0] === undefined ? undefined : commandNamed(rest[0]);
    if (rest.length > 1 || (rest[0] !== undefined && about === undefined))
      return usageError(new UsageError(`help takes one command's name: ${COMMANDS.map((c) => c.name).join(', ')}`));
    process.stdout.write(about ? commandHelp(about) : fullHelp(COMMANDS));
    return 0;
  }
  if (name === undefined) return usageError(new UsageError('no command given'));
  const command = commandNamed(name);
  if (command === undefined) return usageError(new UsageError(`unknown command "${name}"`));
  if (wantsHelp(rest)) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(rest, config);
  } catch (e) {
    if (isUsageError(e)) return usageError(e as Error, command);
    process.stderr.write(`duizhao: ${(e as Error).message}\n`);
    return 1;
  }
}

/** A usage error: the message, then the usage (of the command, when one was named), on stderr; exit 2. */
function usageError(e: Error, command?: Command): number {
  process.stderr.write(`duizhao: ${e.message}\n${command ? commandUsage(command) : usage(COMMANDS)}`);
  return 2;
}

/** Whether this module is the program node was asked to run (not imported, as the tests import it). */
function runDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (runDirectly()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
