// The embedded example, bundled as same-origin files by Vite (generated into data/ by scripts/generate-example.mjs).
import incidentsUrl from '../../data/exempelkommun/incidents.csv?url';
import interventionsUrl from '../../data/exempelkommun/interventions.csv?url';
import areasUrl from '../../data/exempelkommun/areas.geojson?url';
import goalsUrl from '../../data/exempelkommun/goals.json?url';
// The same example loaded at build time into a database file (scripts/example-database.ts): a first visit copies it.
import databaseUrl from '../../data/exempelkommun/example.duckdb?url';

export const EXAMPLE_URLS = { incidents: incidentsUrl, interventions: interventionsUrl, areas: areasUrl, goals: goalsUrl, database: databaseUrl };
