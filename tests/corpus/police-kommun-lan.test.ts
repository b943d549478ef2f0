// The police's kommun points in the real län boundaries: every event of 2025–26 named by a kommun stands for that
// kommun, so it belongs to the kommun's län — which SCB's code list (swedish_admin_areas.csv) gives independently of
// any geometry. Point in polygon alone left 699 of 39 897 events in no län (Kalmar, Karlskrona, Landskrona …: the
// police's points lie 0,06–3,96 km off the 21-län file's simplified coast); the area-centre rule (nearest län within
// CENTRE_REACH_KM, area-assignment.ts) must put every one in its own län, and none in another.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CENTRE_REACH_KM } from '../../src/data/area-assignment';
import { areaLookup, type AreaShape } from '../../src/lib/geo/area-lookup';
import { requireSharedData } from './shared-data';

const data = requireSharedData();
interface Feature { properties: { name: string }; geometry: AreaShape }
interface PoliceEvent { location: { name: string; gps: string } }

const regions = (JSON.parse(readFileSync(join(data, 'boundaries', 'sweden-kommuner-lan', 'swedish_regions.geojson'), 'utf8')) as { features: Feature[] }).features;
const events = JSON.parse(readFileSync(join(data, 'polisen-events', 'polisen_events_2025-01-01_to_2026-08-22.json'), 'utf8')) as PoliceEvent[];
// municipality_code,municipality_name,county_code,county_name — "Stockholms län" → the boundary file's "Stockholm".
const lanOfKommun = new Map(readFileSync(join(data, 'polisen-events', 'swedish_admin_areas.csv'), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [, kommun, , county] = line.split(',');
  const bare = county.replace(/ län$/, '');
  const name = regions.some((r) => r.properties.name === bare) ? bare : bare.replace(/s$/, '');
  return [kommun, name] as const;
}));

describe('police events named by a kommun, in the real län boundaries', () => {
  it('every one is placed in its own kommun’s län: in it, or nearest it within the reach; none in another', () => {
    expect(new Set(lanOfKommun.values()).size).toBe(21);
    for (const lan of lanOfKommun.values()) expect(regions.some((r) => r.properties.name === lan), lan).toBe(true);
    const lookup = areaLookup(regions.map((r) => r.geometry));
    let byKommun = 0;
    let inside = 0;
    const wrong: string[] = [];
    const insideOther = new Set<string>();
    for (const e of events) {
      const lan = lanOfKommun.get(e.location.name);
      if (!lan) continue; // a län-level event, or a place not in the list
      byKommun++;
      const [lat, lon] = e.location.gps.split(',').map(Number);
      const within = lookup.find(lon, lat);
      if (within >= 0) {
        inside++;
        if (regions[within].properties.name !== lan) insideOther.add(`${e.location.name} → ${regions[within].properties.name} (${lan})`);
        continue;
      }
      const placed = lookup.nearest(lon, lat, CENTRE_REACH_KM);
      if (placed < 0 || regions[placed].properties.name !== lan) wrong.push(`${e.location.name} → ${placed < 0 ? 'none' : regions[placed].properties.name} (${lan})`);
    }
    expect(byKommun).toBeGreaterThan(15_000); // 19 188: from 2026-01-20 the police name only the län
    // Point in polygon alone leaves some outside: the case this rule is for.
    expect(byKommun - inside).toBeGreaterThan(500);
    expect([...new Set(wrong)]).toEqual([]);
    // Inside a polygon, the boundary file decides — and its län lines are older than the kommuner's moves: Habo and
    // Mullsjö (to Jönköpings län in 1998) and Heby (to Uppsala län in 2007) lie in their former län. Not this rule's
    // doing; said in docs/map.md. Nothing else lies in another län.
    expect([...insideOther].sort()).toEqual(['Habo → Västra Götaland (Jönköping)', 'Heby → Västmanland (Uppsala)', 'Mullsjö → Västra Götaland (Jönköping)']);
  });
});
