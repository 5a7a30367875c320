/** The command line's arguments: a command, its paths, and options. */

export const USAGE = `Usage: model-lens <command> [options]

Commands:
  list                      every model Model Lens knows: its built-in data, and the cards and
                            catalogues of .model-lens.json and .vscode/settings.json
  cards <files|folders…>    the models in those card files and the problems found in them
  check [paths…]            check model names in files, folders and quoted globs ('src/**/*.py';
                            default: the current directory), or standard input (-), with the
                            settings of .model-lens.json and .vscode/settings.json

Options:
  --format FORMAT           text or json; check also takes sarif and github (default: text)
  --provider NAME           list: only the models of this provider (OpenAI, Anthropic, …)
  --stdin-filename PATH     check -: the path standard input is checked and reported as (its language)
  --max-warnings N          check: exit 1 when there are more than N warnings
  --quiet                   check: report errors only
  --force-exclude           check: hold files named on the command line to exclude, .gitignore and
                            the languages Model Lens reads, as files found in folders are (for hooks)
  --config FILE             the project file to use instead of .model-lens.json
  --color, --no-color       colour the text output or not (default: on a terminal, unless NO_COLOR;
                            FORCE_COLOR turns it on)
  -h, --help                show this help
  -v, --version             show the version

Exit status: 0 when fine, 1 when an error is found, 2 on bad usage.`;

/** Bad usage: the message is printed with the usage, and the exit status is 2. */
export class UsageError extends Error {}

type Format = 'text' | 'json' | 'sarif' | 'github';

export interface Options {
  command: string;
  args: string[];
  format: Format;
  provider: string | null;
  stdinFilename: string | null;
  maxWarnings: number | null;
  quiet: boolean;
  forceExclude: boolean;
  config: string | null;
  /** --color or --no-color; null when neither was given. */
  color: boolean | null;
}

export function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  let format: Format = 'text';
  let provider: string | null = null;
  let stdinFilename: string | null = null;
  let maxWarnings: number | null = null;
  let quiet = false;
  let forceExclude = false;
  let config: string | null = null;
  let color: boolean | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) throw new UsageError(`${name} takes a value`);
      return v;
    };
    const is = (name: string) => a === name || a.startsWith(`${name}=`);
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--quiet') quiet = true;
    else if (a === '--force-exclude') forceExclude = true;
    else if (a === '--color' || a === '--no-color') color = a === '--color';
    else if (is('--stdin-filename')) stdinFilename = value('--stdin-filename');
    else if (is('--config')) config = value('--config');
    else if (is('--max-warnings')) {
      const v = value('--max-warnings');
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings takes a whole number, not "${v}"`);
      maxWarnings = Number(v);
    } else
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'text' && v !== 'json' && v !== 'sarif' && v !== 'github') throw new UsageError(`--format takes text, json, sarif or github, not ${v === undefined ? 'nothing' : `"${v}"`}`);
      format = v;
    } else if (a === '--provider' || a.startsWith('--provider=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) throw new UsageError('--provider takes a provider name');
      provider = v;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else rest.push(a);
  }
  const [command, ...args] = rest;
  if (!command) throw new UsageError('no command given');
  if (command !== 'check' && (format === 'sarif' || format === 'github')) throw new UsageError(`--format ${format} is for the check command`);
  if (provider !== null && command !== 'list') throw new UsageError('--provider is for the list command');
  if (command !== 'check' && (stdinFilename !== null || maxWarnings !== null || quiet || forceExclude)) throw new UsageError('--stdin-filename, --max-warnings, --quiet and --force-exclude are for the check command');
  if (config !== null && command === 'cards') throw new UsageError('--config is for the check and list commands');
  if (stdinFilename !== null && !args.includes('-')) throw new UsageError('--stdin-filename is for checking standard input (check -)');
  if (args.filter((x) => x === '-').length > 1) throw new UsageError('standard input (-) can be given once');
  return { command, args, format, provider, stdinFilename, maxWarnings, quiet, forceExclude, config, color };
}
