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
  it('compares with the previous period, and speaks English for the English UI', () => {
    const e = { ...base, rule: 'increase', numbers: { actual: 108, expected: 33, projected: 123, target: 43, ended: false }, verdict: 'met' } as unknown as GoalEvaluation;
    expect(followUpText(e, 'sv', null)).toContain('Till och med 2026-11-15: 108, mot 33 vid samma tid förra perioden och 43 under hela förra perioden. Löftet är uppfyllt.');
    expect(followUpText(e, 'en', null)).toContain('The promise is kept.');
  });
});
