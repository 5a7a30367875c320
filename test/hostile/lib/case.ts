/** One attack case: collects what went wrong, checks the common limits (answered in time, alive, RSS), records a row, then asserts. */
import assert from 'node:assert/strict';
import { fmtMs, record, RSS_LIMIT_MB } from './harness';
import type { LspServer, Outcome } from './lsp';

export class Case {
  readonly problems: string[] = [];
  /** The measured time of the case's main request, for the table. */
  ms: number | null = null;
  capMs = 0;
  result = '';
  rssMB = 0;
  alive: boolean | null = null;

  constructor(
    readonly attack: string,
    readonly name: string,
    readonly budget: string,
  ) {}

  problem(p: string): void {
    this.problems.push(p);
  }

  /** The main request: answered within `budgetMs`, and (unless `allowError`) without an error. Sets the table's time. */
  main(o: Outcome, budgetMs: number, capMs: number, what: string, allowError = false): void {
    this.capMs = capMs;
    this.ms = o.status === 'answered' ? o.ms : null;
    this.timed(o, budgetMs, what, allowError);
  }

  /** Any request: answered within `budgetMs`, and without an error unless allowed. */
  timed(o: Outcome, budgetMs: number, what: string, allowError = false): void {
    if (o.status === 'exited') this.problem(`${what}: the server exited before answering`);
    else if (o.status === 'timeout') this.problem(`${what}: no answer within ${Math.round(o.ms)} ms (budget ${budgetMs} ms)`);
    else if (o.ms > budgetMs) this.problem(`${what}: answered in ${Math.round(o.ms)} ms, budget ${budgetMs} ms`);
    if (o.status === 'answered' && o.error && !allowError) this.problem(`${what}: error ${o.error.code} ${o.error.message.slice(0, 200)}`);
  }

  /** Check the server is alive and under the RSS limit; record the row; fail with every problem found. */
  finish(server: LspServer | null, result?: string): void {
    if (result !== undefined) this.result = result;
    if (server) {
      this.alive = server.alive();
      this.rssMB = Math.max(this.rssMB, server.peakRssMB);
      if (!this.alive) this.problem(`server not alive afterwards: ${server.exitInfo()}`);
    }
    if (this.rssMB > RSS_LIMIT_MB) this.problem(`peak RSS ${Math.round(this.rssMB)} MB > ${RSS_LIMIT_MB} MB`);
    record({
      attack: this.attack,
      case: this.name,
      budget: this.budget,
      ms: this.ms,
      capMs: this.capMs,
      rssMB: Math.round(this.rssMB),
      alive: this.alive,
      result: this.result,
      pass: this.problems.length === 0,
      problems: this.problems,
    });
    assert.deepEqual(this.problems, [], `${this.attack} ${this.name}: ${this.problems.join('; ')}`);
  }

  /** A short description of an answer, for the table. */
  static describe(o: Outcome, capMs: number): string {
    if (o.status === 'exited') return 'server exited';
    if (o.status === 'timeout') return fmtMs(null, capMs);
    if (o.error) return `error ${o.error.code}: ${o.error.message.slice(0, 80)}`;
    return `${fmtMs(o.ms, capMs)}, ${o.bytes} B`;
  }
}
