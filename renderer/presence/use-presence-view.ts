/**
 * The live PresenceView of a renderer page: the current picture from `presence:get`, then every
 * `presence:changed` push. Runs in the renderer; the listener is removed on unmount.
 */
import { useEffect, useState } from 'react';
import type { PresenceBridge } from '../../shared/ipc/bridge.js';
import type { PresenceView } from '../../shared/presence/types.js';

export function usePresenceView(bridge: PresenceBridge): PresenceView | null {
  const [view, setView] = useState<PresenceView | null>(null);

  useEffect(() => {
    let pushed = false;
    let active = true;

    // Listen first, then ask: a push that lands while `presence:get` is in flight is newer than
    // its answer, so the answer is dropped in that case.
    const dispose = bridge.on('presence:changed', (next) => {
      pushed = true;
      setView(next);
    });
    bridge.request('presence:get', undefined).then(
      (current) => {
        if (active && !pushed) setView(current);
      },
      () => {
        // Main answers presence:get from memory; if it fails the next push still fills the view.
      },
    );

    return () => {
      active = false;
      dispose();
    };
  }, [bridge]);

  return view;
}
