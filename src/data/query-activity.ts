// Whether any view is waiting for the database: `<html data-queries="busy|idle">`. The benchmark (and tests)
// read it to know when the whole page has settled after a filter change; the app itself uses it only to put off
// background work (the first visit's checkpoint) until the first views have their answers (`afterViewsSettle`).
const pending = new Set<object>();
const settleWaiters: (() => void)[] = [];
let askedOnce = false;

function publish(): void {
  if (pending.size === 0 && askedOnce) settleWaiters.splice(0).forEach((resolve) => resolve());
  if (typeof document === 'undefined') return;
  const state = pending.size > 0 ? 'busy' : 'idle';
  if (document.documentElement.dataset.queries === state) return;
  document.documentElement.dataset.queries = state;
  // A mark per transition: a performance profile shows when the page started and stopped waiting. The previous
  // mark of the same name is cleared so a long session doesn't pile them up (a recorded profile keeps them all).
  performance.clearMarks(`lagesbild:queries-${state}`);
  performance.mark(`lagesbild:queries-${state}`);
}

export function queryStarted(client: object): void {
  askedOnce = true;
  pending.add(client);
  publish();
}

export function queryEnded(client: object): void {
  if (pending.delete(client)) publish();
}

/**
 * Resolves once the views have asked the database something and none is waiting any more — or after `timeoutMs`
 * (a page with no view queries). For work the first view should not wait behind: the worker runs one statement at a
 * time, so a checkpoint queued before the views' first queries delays them by its whole length.
 */
export function afterViewsSettle(timeoutMs = 10_000): Promise<void> {
  if (askedOnce && pending.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    settleWaiters.push(resolve);
    setTimeout(resolve, timeoutMs);
  });
}
