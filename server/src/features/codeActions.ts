/**
 * Quick fixes for Model Lens diagnostics — replace with each suggestion
 * (the successor, the canonical spelling, the maximum), insert an ignore
 * comment in the language's syntax, allow the name in the project file — and
 * `source.fixAll.modelLens`, which applies every unambiguous fix in a file.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../diagnostics/types';
import { lineCommentFor } from '../languages';
import { messages, type Locale, type Messages } from '../messages';
import { SOURCE, type DiagnosticData } from './documentDiagnostics';

export const FIX_ALL_KIND = 'source.fixAll.modelLens';
/** The command of the "Allow name" fix (run by the server where it can write the project file). */
export const ALLOW_COMMAND = 'modelLens.allowName';

function dataOf(d: Diagnostic): DiagnosticData {
  const raw = d.data as Partial<DiagnosticData> | undefined;
  return {
    suggestions: Array.isArray(raw?.suggestions) ? raw.suggestions.filter((s): s is string => typeof s === 'string') : [],
    preferred: raw?.preferred === true,
    name: typeof raw?.name === 'string' ? raw.name : null,
  };
}

/** The code actions of a request: quick fixes for its diagnostics, and "fix all" when the client asks for that kind. */
export function codeActions(doc: TextDocument, params: CodeActionParams, findings: () => readonly Finding[], locale: Locale = 'en', allowName = true): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const say = messages(locale);
  if (!only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) actions.push(...quickFixes(doc, params, say, allowName));
  if (only?.some((k) => FIX_ALL_KIND.startsWith(k) && k !== '')) {
    const all = fixAll(doc, findings(), say);
    if (all) actions.push(all);
  }
  return actions;
}

function quickFixes(doc: TextDocument, params: CodeActionParams, say: Messages, allowName: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = dataOf(d);
    const current = doc.getText(d.range);
    data.suggestions.forEach((s, i) => {
      actions.push({
        title: replaceTitle(say, String(d.code), current, s),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: i === 0 && data.preferred,
        edit: { changes: { [doc.uri]: [{ range: d.range, newText: s }] } },
      });
    });
    const ignore = ignoreComment(doc, d);
    if (ignore) {
      actions.push({
        title: `${say.fixIgnore(String(d.code))} (model-lens-ignore-next-line)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [doc.uri]: [ignore] } },
      });
    }
    const name = allowName && /^(?:unknown-model|retired-model|deprecated-model|name-format)$/.test(String(d.code)) ? current : null;
    if (name) {
      actions.push({
        title: say.allowName(name),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: say.allowCommand(), command: ALLOW_COMMAND, arguments: [name, doc.uri] },
      });
    }
  }
  return actions;
}

function replaceTitle(say: Messages, code: string, current: string, s: string): string {
  if (code === 'token-limit') return say.fixTokenLimit(Number(s));
  if (code === 'retired-model' || code === 'deprecated-model') return say.fixSuccessor(s);
  if (code === 'name-format') return say.fixSpelling(s);
  return say.fixReplace(current, s);
}

/** A `model-lens-ignore-next-line <code>` comment above the diagnostic's line, indented like it. */
function ignoreComment(doc: TextDocument, d: Diagnostic): TextEdit | null {
  const syntax = lineCommentFor(doc.languageId);
  if (!syntax) return null;
  const line = d.range.start.line;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  const close = syntax.close ? ` ${syntax.close}` : '';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${syntax.open} model-lens-ignore-next-line ${d.code}${close}${eol}` };
}

/** Every preferred fix in the file, as one action. */
function fixAll(doc: TextDocument, findings: readonly Finding[], say: Messages): CodeAction | null {
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  for (const f of findings) {
    if (!f.preferred || !f.suggestions.length || f.start < lastEnd) continue;
    edits.push({ range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) }, newText: f.suggestions[0] });
    lastEnd = f.end;
  }
  if (!edits.length) return null;
  return { title: say.fixAll(edits.length), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } };
}
