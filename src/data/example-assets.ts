// The embedded example, bundled as same-origin files by Vite (generated into data/ by scripts/generate-example.mjs).
import incidentsUrl from '../../data/exempelkommun/incidents.csv?url';
import interventionsUrl from '../../data/exempelkommun/interventions.csv?url';
import areasUrl from '../../data/exempelkommun/areas.geojson?url';
import goalsUrl from '../../data/exempelkommun/goals.json?url';

export const EXAMPLE_URLS = { incidents: incidentsUrl, interventions: interventionsUrl, areas: areasUrl, goals: goalsUrl };
