/**
 * Runs a user action that main answers with an ActionResult, and keeps what the user must see:
 * whether it is in flight and the failure message, already worded by main. Renderer only.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionResult } from '../../shared/ipc/channels.js';

export interface ActionState {
  readonly pending: boolean;
  /** Why the last attempt failed, or null. */
  readonly error: string | null;
  run(action: () => Promise<ActionResult>): Promise<ActionResult>;
}

export function useAction(): ActionState {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (action: () => Promise<ActionResult>) => {
    setPending(true);
    setError(null);
    const result = await action().catch((cause: unknown): ActionResult => ({
      ok: false,
      message: errorText(cause),
    }));
    if (mounted.current) {
      setPending(false);
      setError(result.ok ? null : result.message);
    }
    return result;
  }, []);

  return { pending, error, run };
}

export function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
