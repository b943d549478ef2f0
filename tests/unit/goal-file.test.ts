import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate-example.mjs';
import { evaluateGoals, readGoals } from '../../src/features/goals/evaluate-goals';
import { goalsToCsv, goalsToJson, parseGoalsFile } from '../../src/features/goals/goal-file';
import { replaceGoals } from '../../src/features/goals/goals-store';
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
