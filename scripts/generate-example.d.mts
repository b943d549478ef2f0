// Types for the tests that import the generator (the generator itself is plain JS so `npm start` needs no build step).
export interface GeneratedIncident {
  id: string; occurred_at: string; category: string; subcategory: string; lat: number | null; lon: number | null;
  location_precision: 'point' | 'none'; area: string | null; place: string | null; description: string; source: string;
  x: number | null; y: number | null;
}
export interface GeneratedIntervention {
  id: string; started_at: string; ended_at: string; type: string; organisation: string; area: string | null; place: string | null;
  lat: number | null; lon: number | null; x: number | null; y: number | null;
  beslag: number | null; lagforda: number | null; lagforda_ej_tidigare_kanda: number | null; ungdomar_kontaktade: number | null;
  deltagare: number | null; timmar: number; source: string;
}
export const INCIDENT_COLUMNS: string[];
export const INTERVENTION_COLUMNS: string[];
export function generate(seed?: number): {
  incidents: GeneratedIncident[];
  interventions: GeneratedIntervention[];
  areas: { type: 'FeatureCollection'; features: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] } }[] };
  goals: import('../src/data/tables').GoalDefinition[];
};
export function writeExample(root?: string): { incidents: number; interventions: number; areas: number; goals: number };
