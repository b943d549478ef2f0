import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate-example.mjs';
import { evaluateGoals, readGoals } from '../../src/analysis/goals/evaluate-goals';
import { GOAL_LIMITS, goalsToCsv, goalsToJson, parseGoalsFile } from '../../src/analysis/goals/goal-file';
import { replaceGoals } from '../../src/data/goals-table';
import { createExampleDatabase } from './support/example-database';

const { goals } = generate();

describe('the goals file', () => {
  it('round-trips the seed goals through Excel CSV and JSON', () => {
    const csv = goalsToCsv(goals);
    expect(csv.startsWith('\ufeffid;promise;title;owner;dataset;filter;measure;direction;target;period;per_area;start;end;follow_up\r\n')).toBe(true);
    expect(csv).toContain('type=Trafikkontroll & place=Ringvägen|Lindbyrakan');
    expect(csv).toContain('stadsdel=2 & ytterområde=1');
    expect(parseGoalsFile(csv)).toEqual({ goals, problems: [] });
    expect(parseGoalsFile(goalsToJson(goals))).toEqual({ goals, problems: [] });
  });

  it('keeps promise text that starts like a formula (Excel safety apostrophe removed again)', () => {
    const g = [{ ...goals[1], promise: '-Minst fyra uppföljningar' }];
    const csv = goalsToCsv(g);
    expect(csv).toContain("'-Minst fyra uppföljningar");
    expect(parseGoalsFile(csv).goals[0].promise).toBe('-Minst fyra uppföljningar');
  });

  it('names the line and field of every problem, and stores nothing then', () => {
    const header = 'id;promise;title;owner;dataset;filter;measure;direction;target;period;per_area;start;end;follow_up';
    const lines = [
      header,
      'a;Lova;A;Polisen;incidents;;count;at_least;4;year;;2026-01-01;2026-12-31;', // owner
      'b;Lova;B;Polis;insatser;;count;at_least;4;year;;2026-01-01;2026-12-31;', // dataset
      'c;Lova;C;Polis;incidents;category;sum;at_least;x;year;;2026-01-01;2026-02-30;', // filter, measure, target, end
      'd;Lova;D;Kommun;interventions;;count;at_least;;year;;2026-12-01;2026-01-01;', // target missing, start after end
      'd;Lova;D2;Kommun;interventions;type=Möte;cadence:14;at_least;;2weeks;;2026-01-01;2026-12-31;', // duplicate id
    ];
    const { goals: parsed, problems } = parseGoalsFile(lines.join('\n'));
    expect(problems).toEqual([
      { line: 2, field: 'owner', message: 'one-of', allowed: 'Polis, Kommun, Gemensam' },
      { line: 3, field: 'dataset', message: 'one-of', allowed: 'incidents, interventions' },
      { line: 4, field: 'measure', message: 'measure' },
      { line: 4, field: 'filter', message: 'filter' },
      { line: 4, field: 'target', message: 'number' },
      { line: 4, field: 'end', message: 'date' },
      { line: 5, field: 'target', message: 'required' },
      { line: 5, field: 'end', message: 'start-after-end' },
      { line: 6, field: 'id', message: 'duplicate-id' },
    ]);
    expect(parsed).toEqual([]);
    expect(parseGoalsFile('namn;mål\nx;1').problems).toEqual([{ line: 1, field: 'id, promise, owner, dataset, measure, direction, period, start, end', message: 'columns' }]);
  });

  it('replaces the goals in the database, and a changed target changes the verdict', async () => {
    const { runner } = await createExampleDatabase();
    const edited = goals.map((g) => (g.id === 'uppfoljning-brottsutsatta-platser' ? { ...g, target: 3 } : g));
    await replaceGoals(runner, parseGoalsFile(goalsToCsv(edited)).goals);
    expect((await readGoals(runner)).find((g) => g.id === 'uppfoljning-brottsutsatta-platser')!.target).toBe(3);
    const byId = new Map((await evaluateGoals(runner)).map((e) => [e.goal.id, e]));
    expect(byId.get('uppfoljning-brottsutsatta-platser')!.verdict).toBe('met');
    runner.close();
  });
});

describe('a goals file that is not goals', () => {
  const goal = (over: Record<string, unknown>) => ({ ...goals[1], ...over });
  const problemsOf = (list: unknown) => parseGoalsFile(JSON.stringify(list)).problems;

  it('refuses a filter of the wrong shape, naming the line and the field, and stores nothing', () => {
    for (const filter of [{ category: 'Stöld' }, { category: 5 }, { category: { a: 1 } }, { category: [1, 2] }]) {
      const { goals: parsed, problems } = parseGoalsFile(JSON.stringify([goals[0], goal({ filter })]));
      expect(parsed).toEqual([]);
      expect(problems).toEqual([{ line: 2, field: 'filter.category', message: 'filter-list', allowed: '"category": ["…"]' }]);
    }
    for (const filter of [5, ['Stöld'], true]) expect(problemsOf([goal({ filter })])).toEqual([{ line: 1, field: 'filter', message: 'filter' }]);
    expect(problemsOf([goal({ filter: 'category=Stöld' })])).toEqual([]);
  });

  it('refuses text per-area targets, years like 0050, negative, absurd and non-numeric targets', () => {
    expect(problemsOf([goal({ per_area: { stadsdel: 'två' } })])).toEqual([{ line: 1, field: 'per_area.stadsdel', message: 'number' }]);
    expect(problemsOf([goal({ per_area: { stadsdel: -1 } })])).toEqual([{ line: 1, field: 'per_area.stadsdel', message: 'range', allowed: '0–1000000' }]);
    expect(problemsOf([goal({ per_area: [1, 2] })])).toEqual([{ line: 1, field: 'per_area', message: 'per-area' }]);
    expect(problemsOf([goal({ start: '0050-01-01' })])).toEqual([{ line: 1, field: 'start', message: 'date-range', allowed: '2000–2100' }]);
    expect(problemsOf([goal({ target: -4 })])).toEqual([{ line: 1, field: 'target', message: 'range', allowed: '0–1000000' }]);
    expect(problemsOf([goal({ target: 1e308 })])).toEqual([{ line: 1, field: 'target', message: 'range', allowed: '0–1000000' }]);
    expect(problemsOf([goal({ target: '1e308' })])).toEqual([{ line: 1, field: 'target', message: 'number' }]);
    expect(problemsOf([goal({ target: { n: 4 } })])).toEqual([{ line: 1, field: 'target', message: 'number' }]);
    expect(problemsOf([goal({ title: { a: 1 } })])).toEqual([{ line: 1, field: 'title', message: 'text' }]);
    expect(problemsOf([goal({ promise: 'x'.repeat(2001) })])).toEqual([{ line: 1, field: 'promise', message: 'too-long', allowed: '2000' }]);
    expect(problemsOf([goal({ target: '4,5' })])).toEqual([]);
    const csv = goalsToCsv([goals[1]]).replace(';4;year;', ';-4;year;');
    expect(parseGoalsFile(csv).problems).toEqual([{ line: 2, field: 'target', message: 'range', allowed: '0–1000000' }]);
  });

  it('refuses a target on an increase or decrease goal, which is judged against the previous period (it was ignored)', () => {
    expect(problemsOf([goal({ direction: 'decrease', target: 10 })])).toEqual([{ line: 1, field: 'target', message: 'target-unused' }]);
    expect(problemsOf([goal({ direction: 'increase', target: '0' })])).toEqual([{ line: 1, field: 'target', message: 'target-unused' }]);
    expect(problemsOf([goal({ direction: 'increase', target: '10 %' })])).toEqual([{ line: 1, field: 'target', message: 'target-unused' }]);
    expect(problemsOf([goal({ direction: 'decrease', target: null })])).toEqual([]);
    expect(problemsOf([goal({ direction: 'decrease', target: '' })])).toEqual([]);
    // The example's own increase and decrease goals carry none.
    expect(problemsOf(goals.filter((g) => g.direction === 'increase' || g.direction === 'decrease'))).toEqual([]);
  });

  it('refuses more goals than the limit, and what is not a goal at all', () => {
    const many = Array.from({ length: GOAL_LIMITS.goals + 1 }, (_, i) => goal({ id: `g${i}` }));
    expect(problemsOf(many)).toEqual([{ line: GOAL_LIMITS.goals + 1, field: '', message: 'too-many', allowed: String(GOAL_LIMITS.goals) }]);
    expect(problemsOf(many.slice(0, GOAL_LIMITS.goals))).toEqual([]);
    expect(problemsOf([goals[0], 'text', null])).toEqual([{ line: 2, field: '', message: 'not-a-goal' }, { line: 3, field: '', message: 'not-a-goal' }]);
    expect(parseGoalsFile('{"id": "a"}').problems[0].message).toBe('columns');
  });

  it('a goal stored broken shows its own problem; the other goals are judged', async () => {
    const { runner } = await createExampleDatabase();
    // As an older version stored it: a string where a list belongs, and a text per-area target.
    await runner.exec(`UPDATE goals SET filter = '{"category": "Stöld"}' WHERE id = '${goals[0].id}'`);
    const perAreaGoal = goals.find((g) => g.per_area)!;
    await runner.exec(`UPDATE goals SET per_area = '{"stadsdel": "två"}' WHERE id = '${perAreaGoal.id}'`);
    const evaluations = await evaluateGoals(runner);
    const byId = new Map(evaluations.map((e) => [e.goal.id, e]));
    expect(byId.get(goals[0].id)!.problem).toEqual({ key: 'invalid', fields: 'filter.category' });
    expect(byId.get(perAreaGoal.id)!.problem).toEqual({ key: 'invalid', fields: 'per_area.stadsdel' });
    const rest = evaluations.filter((e) => e.goal.id !== goals[0].id && e.goal.id !== perAreaGoal.id);
    expect(rest.length).toBe(goals.length - 2);
    for (const e of rest) expect(e.problem, e.goal.id).toBeUndefined();
    runner.close();
  });
});
