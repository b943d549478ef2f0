// Whether any view is waiting for the database: `<html data-queries="busy|idle">`. The benchmark (and tests)
// read it to know when the whole page has settled after a filter change; nothing in the app depends on it.
const pending = new Set<object>();

function publish(): void {
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
  pending.add(client);
  publish();
}

export function queryEnded(client: object): void {
  if (pending.delete(client)) publish();
}
