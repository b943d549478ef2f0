// TypeScript shapes of the canonical rows that leave the database as objects (docs/data-model.md).

export type Owner = 'Polis' | 'Kommun' | 'Gemensam';
export type GoalDirection = 'at_least' | 'at_most' | 'increase' | 'decrease';
export type GoalPeriod = 'year' | 'half' | 'quarter' | 'month' | '2weeks' | 'custom';

/** A goal as stored and exchanged (goals.json, the goals CSV): filters are structured, never SQL. */
export interface GoalDefinition {
  id: string;
  promise: string;
  title: string;
  owner: Owner;
  dataset: 'incidents' | 'interventions';
  filter: Record<string, string[]>;
  measure: string;
  direction: GoalDirection;
  target: number | null;
  period: GoalPeriod;
  per_area: Record<string, number> | null;
  start: string;
  end: string;
  follow_up: string | null;
}

export interface AreaRow {
  name: string;
  kind: string | null;
  population: number | null;
  geometry: string;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  source: string;
}
