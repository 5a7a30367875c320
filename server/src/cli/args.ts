/** The command line's arguments: a command, its paths, and options. */

export const USAGE = `Usage: model-lens <command> [options]

Commands:
  list                      every model Model Lens knows: its built-in data, and the cards and
                            catalogues of .model-lens.json and .vscode/settings.json
  cards <files|folders…>    the models in those card files and the problems found in them
  check [paths…]            check model names in files and folders (default: the current
                            directory), with the settings of .model-lens.json and
                            .vscode/settings.json

Options:
  --format FORMAT           text or json; check also takes sarif and github (default: text)
  --provider NAME           list: only the models of this provider (OpenAI, Anthropic, …)
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
}

export function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  let format: Format = 'text';
  let provider: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
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
  return { command, args, format, provider };
}
