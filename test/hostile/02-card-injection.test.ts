/**
 * Attack 2: a user card (cardPaths) whose "API model name" row carries code:
 * completion must never insert anything but name characters (plus a quote the server may add).
 */
import { after, test } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, SAFE_INSERT, tempDir } from './lib/harness';
import { startServer } from './lib/lsp';

after(cleanup);

const EVIL = 'azure__openai__gpt_4o_minj"); import os; os.system("id';

const CARD = `---
status: available
category: standard
purpose: chat
---
# Azure OpenAI GPT-4o minj

A card that tries to smuggle code into completions.

## Model details

| Item | Value |
|---|---|
| Model name | **GPT-4o minj** |
| Model category | **Standard** |
| API model name | \`${EVIL}\` |
| Hosting layer | **Microsoft Azure** |
| Model provider | **Microsoft Azure** |
| Release date | **July 18th, 2024** |
| Knowledge cutoff date | **October 2023** |
| Input context window | **128k tokens** |
| Maximum output tokens | **16k tokens** |
| Empirical throughput | **85.4** |
| Open source | **No** |
`;

interface Item {
  label: string;
  insertText?: string;
  textEdit?: { newText: string };
  additionalTextEdits?: Array<{ newText: string }>;
}

test('2. a card whose API name holds code never makes completion insert code', { timeout: 30_000 }, async () => {
  const c = new Case('2', 'card with `…minj"); import os; os.system("id` + completion', '1.5 s');
  const ws = tempDir('inject');
  mkdirSync(path.join(ws, 'cards'));
  writeFileSync(path.join(ws, 'cards', 'evil.md'), CARD);
  const { server } = await startServer({ folders: [ws], settings: { cardPaths: ['cards'] } });
  try {
    const status = await server.request<{ userCards: number; models: number }>('modelLens/status', null, 3000);
    const uri = pathToFileURL(path.join(ws, 'app.py')).toString();
    const text = 'client.ai.ask(model="azure__openai__gpt_4o_m")\n';
    server.open(uri, 'python', text);
    const o = await server.completion(uri, { line: 0, character: text.indexOf('_m")') + 2 }, 5000);
    c.main(o, 1500, 5000, 'completion');
    const r = o.result as Item[] | { items: Item[] } | null;
    const items: Item[] = r === null || r === undefined ? [] : Array.isArray(r) ? r : r.items;
    // What would be inserted: the text edit, else insertText, else the label; plus any additional edits.
    const inserted = items.flatMap((i) => [i.textEdit?.newText ?? i.insertText ?? i.label, ...(i.additionalTextEdits ?? []).map((e) => e.newText)]);
    const bad = inserted.filter((t) => !SAFE_INSERT.test(t));
    if (bad.length) c.problem(`completion would insert ${JSON.stringify(bad.slice(0, 3))}`);
    // Resolving must not bring the code back either.
    for (const item of items.filter((i) => /minj/.test(i.label)).slice(0, 3)) {
      const res = await server.request<Item>('completionItem/resolve', item, 3000);
      c.timed(res, 1500, 'completionItem/resolve');
      const again = res.result ? [res.result.textEdit?.newText ?? res.result.insertText ?? res.result.label, ...(res.result.additionalTextEdits ?? []).map((e) => e.newText)] : [];
      for (const t of again) if (!SAFE_INSERT.test(t)) c.problem(`resolved item would insert ${JSON.stringify(t)}`);
    }
    const loaded = status.result?.userCards ?? 0;
    c.finish(server, `${loaded} user card(s) loaded; ${items.length} items, ${bad.length} unsafe${bad.length ? `: ${JSON.stringify(bad[0])}` : ''}`);
  } finally {
    await server.dispose();
  }
});
