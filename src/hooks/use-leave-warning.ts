// Asks before the page is left (reload, close, another address) while `active`: a save to the stored database is
// asynchronous — the worker that writes it dies with the page — so text typed but not yet saved, or a save still
// under way, would be lost without a word. The browser shows its own question; the text it shows can't be set.
import { useEffect } from 'react';

/**
 * While `active` is true, leaving the page asks first (`beforeunload`, HTML Living Standard §7.4.2.3). `beforeLeave`
 * runs first, so a pending save can start while the browser asks.
 */
export function useLeaveWarning(active: boolean, beforeLeave?: () => void): void {
  useEffect(() => {
    if (!active) return;
    const ask = (event: BeforeUnloadEvent) => {
      beforeLeave?.();
      event.preventDefault();
      // Older Chromium and Safari ask only when returnValue is set.
      event.returnValue = '';
    };
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [active, beforeLeave]);
}
