/**
 * Attack 10: malformed requests. Each must answer InvalidParams (-32602) or an empty/null result, never an
 * internal error (-32603) or a message with "TypeError"; the server must stay alive and keep answering.
 */
import { after, test } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, tempDir } from './lib/harness';
import { startServer, type Outcome } from './lib/lsp';

after(cleanup);

const TEXT = 'client.ai.ask(model="azure__openai__gpt_4o_minii")\n';

/** null, undefined, [], {}, or an object whose arrays are all empty (`{ kind: 'full', items: [] }`). */
function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v !== 'object') return false;
  const values = Object.values(v as Record<string, unknown>);
  if (values.length === 0) return true;
  const arrays = values.filter((x) => Array.isArray(x)) as unknown[][];
  const objects = values.filter((x) => x !== null && typeof x === 'object' && !Array.isArray(x));
  return arrays.length > 0 && arrays.every((a) => a.length === 0) && objects.length === 0;
}

type Params = (uri: string) => unknown;
const CASES: Array<[string, string, Params]> = [
  ['hover without textDocument', 'textDocument/hover', () => ({ position: { line: 0, character: 25 } })],
  ['hover, null params', 'textDocument/hover', () => null],
  ['completion, null params', 'textDocument/completion', () => null],
  ['definition, null params', 'textDocument/definition', () => null],
  ['codeAction, null params', 'textDocument/codeAction', () => null],
  ['diagnostic pull, null params', 'textDocument/diagnostic', () => null],
  ['completion without position', 'textDocument/completion', (uri) => ({ textDocument: { uri } })],
  ['codeAction without context', 'textDocument/codeAction', (uri) => ({ textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 50 } } })],
  ['completionItem/resolve with null', 'completionItem/resolve', () => null],
  ['modelLens/checkFiles with null', 'modelLens/checkFiles', () => null],
  ['modelLens/checkFiles {uris: ["file://host/x.py"]}', 'modelLens/checkFiles', () => ({ uris: ['file://host/x.py'] })],
];

for (const [name, method, params] of CASES) {
  test(`10. ${name}: InvalidParams or an empty answer, server alive`, { timeout: 30_000 }, async () => {
    const c = new Case('10', name, '1.5 s; -32602 or empty');
    const ws = tempDir('malformed');
    const { server } = await startServer({ folders: [ws] });
    try {
      const uri = pathToFileURL(path.join(ws, 'app.py')).toString();
      server.open(uri, 'python', TEXT);
      const o: Outcome = await server.request(method, params(uri), 5000);
      c.main(o, 1500, 5000, method, true);
      if (o.status === 'answered') {
        if (o.error) {
          if (o.error.code !== -32602) c.problem(`error ${o.error.code}: ${o.error.message.slice(0, 160)}`);
          if (/TypeError/.test(o.error.message)) c.problem(`the error message shows a TypeError`);
        } else if (!isEmpty(o.result)) c.problem(`a non-empty result: ${JSON.stringify(o.result).slice(0, 160)}`);
      }
      // Still answering a well-formed request afterwards.
      const h = await server.hover(uri, { line: 0, character: 25 }, 5000);
      c.timed(h, 1500, 'a valid hover afterwards');
      c.finish(server, Case.describe(o, 5000));
    } finally {
      await server.dispose();
    }
  });
}
