// afterViewsSettle puts the first visit's checkpoint behind the first views' answers (src/data/database.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Activity = typeof import('../../src/data/query-activity');
const fresh = async (): Promise<Activity> => {
  vi.resetModules();
  return import('../../src/data/query-activity');
};
const settledYet = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => { done = true; });
  await vi.advanceTimersByTimeAsync(0);
  return done;
};

describe('afterViewsSettle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for the views to ask and for every answer, not for the first answer', async () => {
    const activity = await fresh();
    const settled = activity.afterViewsSettle();
    expect(await settledYet(settled)).toBe(false); // nothing asked yet
    const weekly = {};
    const kpis = {};
    activity.queryStarted(weekly);
    activity.queryStarted(kpis);
    activity.queryEnded(weekly);
    expect(await settledYet(settled)).toBe(false); // one view still waiting
    activity.queryEnded(kpis);
    expect(await settledYet(settled)).toBe(true);
  });

  it('resolves at once when the views have settled before it is asked', async () => {
    const activity = await fresh();
    const view = {};
    activity.queryStarted(view);
    activity.queryEnded(view);
    expect(await settledYet(activity.afterViewsSettle())).toBe(true);
  });

  it('gives up waiting after its timeout on a page that asks nothing', async () => {
    const activity = await fresh();
    const settled = activity.afterViewsSettle(5_000);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(await settledYet(settled)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settledYet(settled)).toBe(true);
  });
});
