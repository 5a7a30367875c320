/**
 * `model-lens`: the registry and its checks on the command line.
 *
 *   model-lens list [--format text|json]
 *   model-lens cards <files or folders…> [--format text|json]
 */
import * as path from 'node:path';
import { collectCardFiles, parseCardFiles } from './cardFiles';
import { buildRegistry, type Registry } from './registry';
import { builtinDocuments } from './registry/builtin';
import { MODEL_HEADER, formatDiagnosticLine, makeStyle, modelRows, table, toJsonDiagnostic, toJsonModel, type Style } from './output';

const USAGE = `Usage: model-lens <command> [options]

Commands:
  list                      every model Model Lens knows (its built-in cards)
  cards <files|folders…>    the models in those card files and the problems found in them

Options:
  --format text|json        output format (default: text)
  -h, --help                show this help
  -v, --version             show the version

Exit status: 0 when fine, 1 when a card has an error, 2 on bad usage.`;

class UsageError extends Error {}

interface Options {
  command: string;
  args: string[];
  format: 'text' | 'json';
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  let format: Options['format'] = 'text';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format takes text or json, not ${v === undefined ? 'nothing' : `"${v}"`}`);
      format = v;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else rest.push(a);
  }
  const [command, ...args] = rest;
  if (!command) throw new UsageError('no command given');
  return { command, args, format };
}

function printModels(registry: Registry, style: Style): void {
  for (const ns of ['box', 'vendor'] as const) {
    const models = registry.models.filter((m) => m.namespace === ns);
    if (!models.length) continue;
    console.log(style.bold(ns === 'box' ? `Box AI API names (${models.length})` : `Vendor model ids (${models.length})`));
    console.log(table(MODEL_HEADER, modelRows(models), style));
    console.log('');
  }
}

async function run(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (opts === 'version') {
    console.log(process.env.MODEL_LENS_VERSION ?? '0.1.0');
    return 0;
  }
  const style = makeStyle(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  switch (opts.command) {
    case 'list': {
      if (opts.args.length) throw new UsageError('list takes no arguments');
      const registry = buildRegistry([builtinDocuments]);
      if (opts.format === 'json') console.log(JSON.stringify({ models: registry.models.map(toJsonModel) }, null, 2));
      else printModels(registry, style);
      return 0;
    }
    case 'cards': {
      if (!opts.args.length) throw new UsageError('cards needs at least one file or folder');
      let files: string[];
      try {
        files = await collectCardFiles(opts.args);
      } catch (e) {
        throw new UsageError(e instanceof Error ? e.message : String(e));
      }
      const docs = await parseCardFiles(files, (f) => path.relative(process.cwd(), f) || f);
      const registry = buildRegistry([docs]);
      const diagnostics = registry.diagnostics.map(toJsonDiagnostic).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
      if (opts.format === 'json') {
        console.log(JSON.stringify({ models: registry.models.map(toJsonModel), diagnostics }, null, 2));
      } else {
        printModels(registry, style);
        for (const d of diagnostics) console.log(formatDiagnosticLine(d, style));
        const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
        console.log(
          `\n${files.length} file(s), ${registry.models.length} model(s); ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`,
        );
      }
      return registry.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    }
    default:
      throw new UsageError(`unknown command "${opts.command}"`);
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`model-lens: ${e.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(e);
      process.exitCode = 2;
    }
  },
);
