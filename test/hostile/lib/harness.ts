/**
 * Shared pieces of the hostile-input suite: where the build is, temp
 * folders, big files written to disk in chunks (the runner never builds
 * them in one allocation it does not need), running the CLI with a hard
 * time and memory cap, and recording one row per case for BASELINE.md.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../../helpers';

export const DIST = path.resolve(process.env.MODEL_LENS_DIST ?? path.join(ROOT, 'dist'));
/** A server or CLI whose RSS passes this is killed (the run is still recorded, as a failure). */
export const RSS_KILL_MB = Number(process.env.HOSTILE_RSS_KILL_MB ?? 2048);
/** The limit the brief sets for peak RSS. */
export const RSS_LIMIT_MB = Number(process.env.HOSTILE_RSS_LIMIT_MB ?? 600);
/** Where each case's measurements go, one JSON object a line, when set (`npm run test:hostile` prints them as a table). */
const RESULTS = process.env.HOSTILE_RESULTS;

const dirs: string[] = [];

/** A fresh temp folder, removed by cleanup(). */
export function tempDir(tag: string): string {
  const d = mkdtempSync(path.join(tmpdir(), `model-lens-hostile-${tag}-`));
  dirs.push(d);
  return d;
}

export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/**
 * Write a file of about `bytes` bytes: `head`, then `piece(i)` for i = 0, 1, … until the size is reached, then `tail`.
 * Written in ~1 MB chunks.
 */
export function writeBig(file: string, bytes: number, piece: (i: number) => string, head = '', tail = ''): number {
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    const put = (s: string) => {
      const b = Buffer.from(s, 'utf8');
      writeSync(fd, b);
      written += b.length;
    };
    put(head);
    const target = bytes - Buffer.byteLength(tail);
    let i = 0;
    let chunk = '';
    while (written + chunk.length < target) {
      const p = piece(i++);
      if (written + chunk.length + p.length > target) break;
      chunk += p;
      if (chunk.length >= 1 << 20) {
        put(chunk);
        chunk = '';
      }
    }
    if (chunk) put(chunk);
    put(tail);
  } finally {
    closeSync(fd);
  }
  return written;
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

export interface CliRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
  killedForRss: boolean;
  peakRssMB: number;
}

/** Run `node <dist>/cli.js …args` in `cwd`, killed after `capMs` or above the RSS cap; output is kept to 256 kB each. */
export function runCli(args: string[], cwd: string, capMs: number): Promise<CliRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(DIST, 'cli.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let timedOut = false;
    let killedForRss = false;
    const keep = (s: string, d: Buffer) => (s.length > 256 * 1024 ? s : s + d.toString('utf8'));
    child.stdout.on('data', (d: Buffer) => (stdout = keep(stdout, d)));
    child.stderr.on('data', (d: Buffer) => (stderr = keep(stderr, d)));
    const sample = () => {
      try {
        const st = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(st)?.[1] ?? 0);
        peak = Math.max(peak, kb('VmHWM') / 1024, kb('VmRSS') / 1024);
        if (kb('VmRSS') / 1024 > RSS_KILL_MB) {
          killedForRss = true;
          child.kill('SIGKILL');
        }
      } catch {
        // gone
      }
    };
    const sampler = setInterval(sample, 20);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, capMs);
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0, timedOut, killedForRss, peakRssMB: peak });
    });
  });
}

export interface Row {
  attack: string;
  case: string;
  budget: string;
  /** Time of the measured answer, ms; null when none came within the observation cap. */
  ms: number | null;
  capMs: number;
  rssMB: number;
  alive: boolean | null;
  result: string;
  pass: boolean;
  problems: string[];
}

/** Record one case (before asserting, so failures are recorded too). */
export function record(row: Row): void {
  if (RESULTS) appendFileSync(RESULTS, JSON.stringify({ ...row, at: new Date().toISOString() }) + '\n');
}

/** "123 ms", or "no answer in 5.0 s". */
export function fmtMs(ms: number | null, capMs: number): string {
  return ms === null ? `no answer in ${(capMs / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Characters a completion may insert: the name alphabet, plus a quote the server may add. */
export const SAFE_INSERT = /^["'`]?[A-Za-z0-9_.:@/-]*["'`]?$/;
