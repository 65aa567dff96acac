/**
 * Keyboard of the popup: Esc dismisses, Enter answers. Enter on a focused button is left to that
 * button, so Enter on "Send to voicemail" never also answers. Renderer only.
 */
import { useEffect, useRef } from 'react';

export interface PopupKeys {
  readonly onEscape: () => void;
  /** Null when the call cannot be answered from here. */
  readonly onEnter: (() => void) | null;
}

export function usePopupKeys(keys: PopupKeys): void {
  // The handlers change every render; the listener reads the latest without re-subscribing.
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.isComposing) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        latest.current.onEscape();
      } else if (event.key === 'Enter' && !isControl(event.target) && latest.current.onEnter) {
        event.preventDefault();
        latest.current.onEnter();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a, input, select, textarea') !== null;
}
