// A link written with its query after the page (#/lagesbild?lagesbild=2026-v31-32, as a hand-edited or pasted link
// often is) named no page ("Sidan finns inte") and lost its filter (helper-62). The query belongs before the #: it is
// moved there, joined with any query already there (the one in the hash wins), before the router first reads.

/** `href` with a query inside its hash moved before the hash; null when there is none to move. */
export function withHashQueryMoved(href: string): string | null {
  const url = new URL(href);
  const at = url.hash.indexOf('?');
  if (at === -1) return null;
  const params = new URLSearchParams(url.search);
  for (const [name, value] of new URLSearchParams(url.hash.slice(at + 1))) params.set(name, value);
  url.search = params.toString();
  url.hash = url.hash.slice(0, at);
  return url.href;
}

/** Rewrites the address in place (no reload, no history entry) when its hash holds a query; true when it did. */
export function moveHashQuery(): boolean {
  const moved = withHashQueryMoved(location.href);
  if (moved) history.replaceState(history.state, '', moved);
  return moved !== null;
}

/**
 * Moves a hash's query now and on every hash change (a link pasted into an open tab changes only the hash). Called
 * before the router starts, so this listener runs before the router's and the router reads the page without the
 * query; the filters are then read as on Back/Forward (a popstate: filter-url.ts).
 */
export function keepHashQueriesMoved(): void {
  moveHashQuery();
  addEventListener('hashchange', () => {
    if (moveHashQuery()) dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  });
}
