/** The limits of one load of cards and catalogues, what it has used of them, and whether it should stop. */
import { Notices, type Notice, type Scope } from './notices';

/** Set when the work is no longer wanted. vscode-languageserver's CancellationToken is one. */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}

interface LoadLimits {
  /** Data files one load takes for each setting (`cardPaths`, `catalogs`). */
  files: number;
  /** Folder entries one load looks at for each setting. */
  entries: number;
  /** Folders below the start of a walk. */
  depth: number;
}

/** The limits of every load (the README's "Limits" table says the same). */
export const LOAD_LIMITS: Readonly<LoadLimits> = { files: 50_000, entries: 100_000, depth: 12 };

/** Wall time of one reload of the registry. */
export const RELOAD_MS = 20_000;

interface LoadOptions {
  signal?: CancellationSignal;
  /** Stop after this long (milliseconds from now); no limit when absent. */
  timeLimitMs?: number;
  /** How notices name a file (default: its path as given). */
  shown?: (file: string) => string;
  /** Other limits than {@link LOAD_LIMITS} (tests use small ones). */
  limits?: Partial<LoadLimits>;
}

/**
 * One load: its notices, and what it has used of {@link LOAD_LIMITS}. The file and entry limits hold for each setting
 * (a full `cardPaths` does not stop `catalogs`); time and cancellation stop everything.
 */
export class LoadContext {
  readonly notices = new Notices();
  /** Where each file a walk took really is (links followed), so that reading it need not ask again. */
  readonly realPaths = new Map<string, string>();
  readonly shown: (file: string) => string;
  readonly limits: Readonly<LoadLimits>;
  private readonly used = new Map<Scope, { files: number; entries: number; full: boolean }>();
  private outOfTime = false;
  private readonly deadline: number;

  constructor(private readonly options: LoadOptions = {}) {
    this.shown = options.shown ?? ((f) => f);
    this.limits = { ...LOAD_LIMITS, ...options.limits };
    this.deadline = options.timeLimitMs === undefined ? Infinity : Date.now() + options.timeLimitMs;
  }

  get cancelled(): boolean {
    return this.options.signal?.isCancellationRequested === true;
  }

  /** Should the walk for `scope` stop: cancelled, out of time, or at one of its limits? */
  stopped(scope: Scope): boolean {
    return this.usage(scope).full || this.expired();
  }

  /** Should all work stop: cancelled, or out of time (said here, once)? */
  expired(): boolean {
    if (this.cancelled || this.outOfTime) return true;
    if (Date.now() <= this.deadline) return false;
    this.outOfTime = true;
    this.notices.add({ kind: 'time', ms: this.options.timeLimitMs ?? 0 });
    return true;
  }

  /** How many more folder entries the walk for `scope` may look at. */
  entriesLeft(scope: Scope): number {
    return Math.max(0, this.limits.entries - this.usage(scope).entries);
  }

  /** Count one more data file; false, and `scope` stops, when there are already as many as the limit allows. */
  takeFile(scope: Scope): boolean {
    const use = this.usage(scope);
    if (use.files >= this.limits.files) return this.fill(scope, { kind: 'files', scope, limit: this.limits.files });
    use.files++;
    return true;
  }

  /** Count one more folder entry; false, and `scope` stops, past the limit. */
  takeEntry(scope: Scope): boolean {
    const use = this.usage(scope);
    if (use.entries >= this.limits.entries) return this.fill(scope, { kind: 'entries', scope, limit: this.limits.entries });
    use.entries++;
    return true;
  }

  private usage(scope: Scope): { files: number; entries: number; full: boolean } {
    let use = this.used.get(scope);
    if (!use) this.used.set(scope, (use = { files: 0, entries: 0, full: false }));
    return use;
  }

  /** Stop `scope` at a limit, saying which (only the first limit it meets). */
  private fill(scope: Scope, notice: Notice): false {
    const use = this.usage(scope);
    if (!use.full) this.notices.add(notice);
    use.full = true;
    return false;
  }
}
