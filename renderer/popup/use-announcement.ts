/**
 * The text of the popup's live region, filled once per call. Screen readers announce a change
 * of a live region, not its first content, so the text arrives after mount and then never
 * changes for that call, whatever the ringing timer or later caller updates do.
 */
import { useEffect, useState } from 'react';

export function useAnnouncement(callRef: string, text: string): string {
  const [announced, setAnnounced] = useState<{ callRef: string; text: string } | null>(null);

  useEffect(() => {
    if (announced?.callRef === callRef) return;
    // Deferred one tick so the empty region is in the accessibility tree before the text lands.
    const timer = setTimeout(() => setAnnounced({ callRef, text }), 50);
    return () => clearTimeout(timer);
  }, [announced, callRef, text]);

  return announced?.callRef === callRef ? announced.text : '';
}
