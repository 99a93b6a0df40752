/** The CLI's help and usage texts, drawn from the commands' own (lib/cli/command.ts). */
import type { Command } from './command';

const RUN = 'npm run duizhao --';

/** The column the descriptions start at in the full help. */
const COLUMN = 31;

const EXAMPLES = [
  'npm run duizhao -- ingest',
  'npm run duizhao -- add ~/texts/report.docx --translation ~/texts/report-en.md --title-en "A report" --date 2026-05-20',
  'npm run --silent duizhao -- clean corpus/2026-05-20-xi-putin-talks/source.txt',
  'npm run --silent duizhao -- export --format tsv 2026-05-20-xi-putin-talks > pairs.tsv',
  'npm run --silent duizhao -- export --format tmx > duizhao-corpus.tmx',
  'npm run --silent duizhao -- export --format tbx > duizhao-glossary.tbx',
  `npm run --silent duizhao -- search hezuo '"strategic partnership"' --json --all`,
];

const indent = (text: string, by: number) =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(by) + line))
    .join('\n');

/** One command in the full help: its synopsis, the description beside or below it, its options. */
function entry(command: Command): string {
  const synopsis = `  ${command.synopsis}`;
  const description = indent(command.description, COLUMN);
  const head =
    synopsis.length < COLUMN - 1 ? synopsis.padEnd(COLUMN) + description.slice(COLUMN) : `${synopsis}\n${description}`;
  return command.options ? `${head}\n${indent(command.options, 4)}\n` : `${head}\n`;
}

/** `--help`: every command, its options, and examples. */
export function fullHelp(commands: readonly Command[]): string {
  return `duizhao — build and query the Duizhao bilingual corpus

Usage: ${RUN} <command> [options]
       (add --silent after "npm run" to keep npm's own lines off stdout)

Commands:
${commands.map(entry).join('')}  help [COMMAND], --help, -h  Show this help, or one command's (also: COMMAND --help).

Examples:
${EXAMPLES.map((e) => `  ${e}\n`).join('')}`;
}

/** `COMMAND --help`: what it does, its options, and its examples. */
export function commandHelp(command: Command): string {
  const examples = EXAMPLES.filter(
    (e) => e.includes(`duizhao -- ${command.name} `) || e.endsWith(`duizhao -- ${command.name}`),
  );
  const options = `${command.options ? `${command.options}\n` : ''}  -h, --help               show this help\n`;
  return `Usage: ${RUN} ${command.synopsis}\n\n${command.description}\n\nOptions:\n${options}${examples.length > 0 ? `\nExamples:\n${examples.map((e) => `  ${e}\n`).join('')}` : ''}`;
}

/** What a usage error is followed by when no command could be told: how to call the CLI at all. */
export function usage(commands: readonly Command[]): string {
  return `Usage: ${RUN} <command> [options]
Commands: ${commands.map((c) => c.name).join(', ')}
Run "${RUN} --help" for every command and its options, "${RUN} COMMAND --help" for one.
`;
}

/** What a usage error of one command is followed by: its synopsis, and where its options are. */
export function commandUsage(command: Command): string {
  return `Usage: ${RUN} ${command.synopsis}\nRun "${RUN} ${command.name} --help" for its options.\n`;
}
