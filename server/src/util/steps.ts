/**
 * Long work in steps: a generator that yields now and then (between tokens, lines or candidates), so the
 * language server can pause it to answer other requests and stop it when a request is cancelled; the CLI
 * and the tests simply run it through.
 */
export type Steps<T = void> = Generator<void, T, void>;

/** Run steps to the end at once. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** What a cancellable caller passes (vscode-languageserver's CancellationToken has this shape). */
export interface Cancel {
  readonly isCancellationRequested: boolean;
}

/** Thrown by `runInSlices` when its token is cancelled between two slices. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Let the event loop run: `setImmediate` in Node, a zero timeout where there is none (browsers, web workers). */
const nextTurn = (): Promise<void> => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** Run steps in slices of about `sliceMs`, letting the event loop run between them; stops with `Cancelled` when asked to. */
export async function runInSlices<T>(steps: Steps<T>, token?: Cancel, sliceMs = 5): Promise<T> {
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() >= until) break;
    }
    await nextTurn();
    if (token?.isCancellationRequested) {
      steps.return(undefined as T); // runs the steps' `finally` blocks
      throw new Cancelled();
    }
  }
}
