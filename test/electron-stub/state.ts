/**
 * Test-only (node project): the shared state of the strict Electron stub. Records what the code
 * under test did and enforces Electron's "not before ready" rules, so a test cannot pass with
 * code that would throw in the real app.
 */

export interface StubState {
  ready: boolean;
  resolveReady: (() => void) | null;
  readyPromise: Promise<void>;
}

function freshReadiness(): StubState {
  let resolveReady: (() => void) | null = null;
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  return { ready: false, resolveReady, readyPromise };
}

export const stubState: StubState = freshReadiness();

/** Electron refuses these APIs before the app is ready; so does the stub, with a similar text. */
export function assertReady(api: string): void {
  if (!stubState.ready) {
    throw new Error(`${api} cannot be used before the app is ready (stub of Electron)`);
  }
}

export function resetReadiness(): void {
  Object.assign(stubState, freshReadiness());
}

export function markReady(): void {
  stubState.ready = true;
  stubState.resolveReady?.();
}

/** Every reset hook of the stub's modules, run by resetElectronStub(). */
export const resetHooks: Array<() => void> = [];
