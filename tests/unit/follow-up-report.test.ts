import { reportT } from './support/swedish-t';
import { describe, expect, it } from 'vitest';
import type { GoalEvaluation } from '../../src/analysis/goals/evaluate-goals';
import { followUpText } from '../../src/features/goals/follow-up-report';
import { epochDayOf } from '../../src/lib/epoch-day';

const base = {
  goal: { id: 'x', promise: 'Vid minst fyra (4) tillfällen per år särskilt följa upp brottsutsatta platser.', title: 'T', owner: 'Gemensam', dataset: 'interventions', filter: {}, measure: 'count', direction: 'at_least', target: 4, period: 'year', per_area: null, start: '2026-01-01', end: '2026-12-31', follow_up: null },
  window: { from: 0, to: 0 }, previous: { from: 0, to: 0 }, asOf: epochDayOf(new Date(2026, 10, 15)), share: 0.874,
} as const;

describe('the follow-up text', () => {
  it('states the promise, the numbers and the verdict in plain Swedish', () => {
    const e = { ...base, rule: 'at_least', numbers: { actual: 3, expected: 3.5, projected: 3.43, target: 4, ended: false }, verdict: 'at_risk' } as unknown as GoalEvaluation;
    expect(followUpText(e, 'sv', null)).toBe('Polisen och kommunen lovade: ”Vid minst fyra (4) tillfällen per år särskilt följa upp brottsutsatta platser.” Till och med 2026-11-15: 3, målet är minst 4 under perioden. Det finns en risk att löftet inte uppfylls.');
  });
  it('names the areas still short of their targets', () => {
    const e = {
      ...base, rule: 'at_least', numbers: { actual: 14, expected: 14, projected: 16, target: 16, ended: false }, verdict: 'behind',
      areas: [{ area: 'Centrum', kind: 'stadsdel', actual: 2, target: 2, verdict: 'met' }, { area: 'Kvarnby', kind: 'ytterområde', actual: 0, target: 1, verdict: 'behind' }],
    } as unknown as GoalEvaluation;
    expect(followUpText(e, 'sv', null)).toContain('Till och med 2026-11-15: 14 av 16 för hela perioden. Kvar att nå: Kvarnby 0 av 1. Arbetet ligger efter.');
  });
  it('says a promise whose period is over was not kept, not that the work is behind (a tester)', () => {
    const e = { ...base, rule: 'at_least', numbers: { actual: 3, expected: 4, projected: 3, target: 4, ended: true }, verdict: 'behind' } as unknown as GoalEvaluation;
    expect(followUpText(e, 'sv', null)).toMatch(/Löftet uppfylldes inte\.$/);
    expect(followUpText(e, 'en', null)).toMatch(/The promise was not kept\.$/);
    expect(followUpText({ ...e, numbers: { ...e.numbers!, ended: false } } as GoalEvaluation, 'sv', null)).toMatch(/Arbetet ligger efter\.$/);
  });
  it('compares with the previous period, and speaks English for the English UI', () => {
    const e = { ...base, rule: 'increase', numbers: { actual: 108, expected: 33, projected: 123, target: 43, ended: false }, verdict: 'met' } as unknown as GoalEvaluation;
    expect(followUpText(e, 'sv', null)).toContain('Till och med 2026-11-15: 108, mot 33 vid samma tid förra perioden och 43 under hela förra perioden. Löftet är uppfyllt.');
    expect(followUpText(e, 'en', null)).toContain('The promise is kept.');
  });
});

describe('the verdict badge', () => {
  it('reads "Inte uppnått" for a goal behind when its period is over, "Efter" while it runs', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { VerdictBadge } = await import('../../src/analysis/goals/verdict-badge.view');
    const t = await reportT();
    const badge = (verdict: 'behind' | 'met', ended: boolean) => renderToStaticMarkup(createElement(VerdictBadge, { verdict, withheld: false, k: null, t, ended }));
    expect(badge('behind', true)).toContain('Inte uppnått');
    expect(badge('behind', false)).toContain('Efter');
    expect(badge('met', true)).toContain('Uppnått');
  });
});
