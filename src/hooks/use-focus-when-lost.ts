// Keeps keyboard and screen-reader users in place when the element they were on is replaced: pressing Importera
// swaps the button for the progress, and the progress gives way to the summary — each time the focused element left
// the page and focus fell to <body> (a fresh tester: "where am I?" after every step of an import).
import { useEffect, type RefObject } from 'react';

/**
 * When the component mounts, and whenever `key` changes, moves focus to `target` — only if focus has been lost (it is
 * on <body> or nowhere), so an element that appears while the user is elsewhere (a report waiting on a revisited
 * page) never takes it. `target` must be focusable (a control, or `tabIndex={-1}`).
 */
export function useFocusWhenLost(target: RefObject<HTMLElement | null>, key: unknown = null): void {
  useEffect(() => {
    const active = document.activeElement;
    if (target.current && (active === null || active === document.body)) target.current.focus();
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- the ref's element is read when the key changes
}
