#!/usr/bin/env node
// Writes Exempelkommun — an invented municipality — into data/: the canonical files the app opens with
// (data/exempelkommun/) and the same data the way real exports look (data/exports/).
// Deterministic: the same seed gives byte-identical files on every machine.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './example/random.mjs';
import { areasGeoJson, toSweref } from './example/geography.mjs';
import { FIRST_DAY, LAST_DAY, generateIncidents, generateInterventions } from './example/model.mjs';
import { GOALS } from './example/goals.mjs';
import { encodeCp1252, toCsv, writeFile } from './example/writers.mjs';
import { buildPmtiles } from './example/pmtiles-writer.mjs';
import { streetLayers } from './example/streets.mjs';

const SEED = 20261122;
const defaultRoot = join(fileURLToPath(import.meta.url), '..', '..', 'data');

export const INCIDENT_COLUMNS = ['id', 'occurred_at', 'category', 'subcategory', 'lat', 'lon', 'location_precision', 'area', 'place', 'description', 'source'];
export const INTERVENTION_COLUMNS = ['id', 'started_at', 'ended_at', 'type', 'organisation', 'area', 'place', 'lat', 'lon', 'beslag', 'lagforda', 'lagforda_ej_tidigare_kanda', 'ungdomar_kontaktade', 'deltagare', 'timmar', 'source'];

export function generate(seed = SEED) {
  const random = createRandom(seed);
  const interventions = generateInterventions(random);
  const incidents = generateIncidents(random, interventions);
  for (const r of incidents) r.source = 'Exempelkommun (påhittad)';
  for (const r of interventions) r.source = 'Exempelkommun (påhittad)';
  return { incidents, interventions, areas: areasGeoJson(), goals: GOALS };
}

function swedishDecimal(v) {
  return v === null || v === undefined ? '' : String(v).replace('.', ',');
}
function sweref(row, axis) {
  if (row.x === null) return '';
  const p = toSweref(row.x, row.y);
  return axis === 'n' ? p.n : p.e;
}

/** Writes the canonical files to <root>/exempelkommun and the export-style files to <root>/exports. */
export function writeExample(root = defaultRoot) {
  const { incidents, interventions, areas, goals } = generate();
  const dir = join(root, 'exempelkommun');
  writeFile(join(dir, 'incidents.csv'), toCsv(incidents, INCIDENT_COLUMNS));
  writeFile(join(dir, 'interventions.csv'), toCsv(interventions, INTERVENTION_COLUMNS));
  writeFile(join(dir, 'areas.geojson'), JSON.stringify(areas));
  writeFile(join(dir, 'goals.json'), JSON.stringify(goals, null, 2));
  writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({ name: 'Exempelkommun', invented: true, seed: SEED, first_day: FIRST_DAY, last_day: LAST_DAY, incidents: incidents.length, interventions: interventions.length, areas: areas.features.length, goals: goals.length }, null, 2),
  );

  // As the police's Excel export would have it: cp1252, ';', CRLF, SWEREF 99 TM with N first, HH.MM times.
  const police = toCsv(
    incidents,
    ['id', (r) => r.occurred_at.slice(0, 10), (r) => r.occurred_at.slice(11, 16).replace(':', '.'), 'category', 'subcategory', 'place', 'area', (r) => sweref(r, 'n'), (r) => sweref(r, 'e'), 'description'],
    { delimiter: ';', newline: '\r\n', header: ['Diarienummer', 'Händelsedatum', 'Klockslag', 'Brottstyp', 'Underkategori', 'Plats', 'Område', 'N', 'E', 'Beskrivning'] },
  );
  writeFile(join(root, 'exports', 'polisen-anmalda-brott.csv'), encodeCp1252(police));
  // As the municipality's activity log would have it: cp1252, ';', decimal comma, separate date and times.
  const municipality = toCsv(
    interventions,
    ['id', 'type', (r) => r.started_at.slice(0, 10), (r) => r.started_at.slice(11, 16), (r) => r.ended_at.slice(11, 16), 'organisation', 'area', 'place', (r) => sweref(r, 'n'), (r) => sweref(r, 'e'), 'beslag', 'lagforda', 'lagforda_ej_tidigare_kanda', 'ungdomar_kontaktade', 'deltagare', (r) => swedishDecimal(r.timmar)],
    { delimiter: ';', newline: '\r\n', header: ['Aktivitets-ID', 'Aktivitet', 'Datum', 'Starttid', 'Sluttid', 'Ansvarig', 'Område', 'Plats', 'Koordinat N', 'Koordinat E', 'Beslag', 'Lagförda', 'Varav ej tidigare kända', 'Ungdomar kontaktade', 'Deltagare', 'Timmar'] },
  );
  writeFile(join(root, 'exports', 'kommunen-aktiviteter.csv'), encodeCp1252(municipality));
  // The invented street map, to add under Inställningar (a PMTiles file, as a kommun's OpenStreetMap extract would be).
  const streets = streetLayers();
  writeFile(join(root, 'exports', 'exempelkommun-gator.pmtiles'), buildPmtiles(streets.layers, streets.bounds, 10, 15, { name: 'Exempelkommun (påhittad)', attribution: 'Påhittad gatukarta för Exempelkommun' }));
  return { incidents: incidents.length, interventions: interventions.length, areas: areas.features.length, goals: goals.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  const n = writeExample();
  const ms = Math.round(performance.now() - t0);
  console.log(`Exempelkommun: ${n.incidents} incidents, ${n.interventions} interventions, ${n.areas} areas, ${n.goals} goals (${ms} ms) → data/`);
}
