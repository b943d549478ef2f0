// The example's story: how often what happens where, and what the partners did about it.
import { AREAS, PLACES, areaRing, insideRing, toWgs84 } from './geography.mjs';
import { addDays, dateFromIso, isoDate, isMissingLocalHour, specialDay, weekdayIndex } from './calendar.mjs';

export const FIRST_DAY = '2024-01-01'; // Monday, ISO week 1 2024
export const LAST_DAY = '2026-11-15'; // Sunday, ISO week 46 2026: the example's "latest complete" biweekly period ends here

const HOURS = {
  night: [8, 7, 6, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 4, 5, 7, 8],
  evening: [2, 1, 1, 0.5, 0.3, 0.3, 0.5, 1, 1, 1, 1, 1.5, 2, 2, 2.5, 3, 4, 5, 6, 6, 6, 5, 4, 3],
  day: [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 6, 4, 2, 1, 0.7, 0.5, 0.4],
  mixed: [2, 1.5, 1, 0.7, 0.5, 0.5, 1, 2, 3, 3, 3, 3.5, 4, 4, 4, 4, 4.5, 5, 5, 5, 5, 4.5, 4, 3],
};
const SEASON = [0.78, 0.76, 0.86, 0.96, 1.1, 1.24, 1.3, 1.24, 1.06, 0.96, 0.88, 0.9];
const WEEKEND_NIGHTS = [0.45, 0.45, 0.55, 0.9, 2.3, 2.8, 0.6];
const WEEKEND_LEAN = [0.92, 0.92, 0.95, 1.0, 1.15, 1.2, 0.95];
const FLAT = [1, 1, 1, 1, 1, 1, 1];

const DRUGS = ['Narkotikabrott', [['Innehav', 6], ['Eget bruk', 3], ['Överlåtelse', 1]]];
const THEFT = ['Stöld', [['Snatteri', 4], ['Cykelstöld', 3], ['Stöld ur bil', 3]]];
const DAMAGE = ['Skadegörelse', [['Klotter', 5], ['Skadegörelse', 5]]];
const TRAFFIC = ['Trafikbrott', [['Störande trafik', 6], ['Hastighet', 3], ['Rattfylleri', 1]]];
const ASSAULT = ['Misshandel', [['Misshandel', 8], ['Grov misshandel', 1]]];
const DISORDER = ['Ordningsstörning', [['Berusning', 4], ['Störande beteende', 6]]];
const THREAT = ['Olaga hot', [['Olaga hot', 1]]];
const ROBBERY = ['Rån', [['Rån', 3], ['Personrån', 2]]];

/** Each source: base rate per day, weekday factors, hour profile, category mix, and a story over time. */
const PLACE_SOURCES = {
  Resecentrum: { rate: 3.0, week: WEEKEND_LEAN, hours: 'evening', mix: [[DRUGS, 35], [DISORDER, 25], [ASSAULT, 14], [THEFT, 14], [ROBBERY, 6], [THREAT, 6]] },
  'Stora torget': { rate: 2.0, week: WEEKEND_LEAN, hours: 'evening', mix: [[ASSAULT, 25], [DISORDER, 35], [THEFT, 20], [DAMAGE, 15], [THREAT, 5]] },
  Krogstråket: { rate: 2.6, week: WEEKEND_NIGHTS, hours: 'night', mix: [[ASSAULT, 38], [DISORDER, 35], [THREAT, 10], [DAMAGE, 10], [DRUGS, 7]] },
  'Köpcentrum Norr': { rate: 2.2, week: FLAT, hours: 'day', mix: [[THEFT, 72], [ROBBERY, 5], [DISORDER, 14], [THREAT, 9]] },
  Hamnen: { rate: 2.4, week: WEEKEND_LEAN, hours: 'evening', mix: [[DRUGS, 45], [DAMAGE, 25], [DISORDER, 20], [ASSAULT, 10]] },
  Skolparken: { rate: 1.8, week: [1.1, 1.1, 1.1, 1.1, 1.3, 0.8, 0.5], hours: 'evening', mix: [[DAMAGE, 50], [DISORDER, 30], [DRUGS, 20]] },
  Idrottsplatsen: { rate: 0.15, week: [0.5, 0.5, 0.5, 0.8, 1, 2.5, 2.2], hours: 'evening', mix: [[DISORDER, 45], [ASSAULT, 30], [DAMAGE, 25]] },
  Ringvägen: { rate: 0.8, week: [0.6, 0.6, 0.7, 0.9, 1.8, 1.9, 1.0], hours: 'evening', mix: [[TRAFFIC, 90], [DISORDER, 10]] },
  Lindbyrakan: { rate: 0.7, week: [0.6, 0.6, 0.7, 0.9, 1.8, 1.9, 1.0], hours: 'evening', mix: [[TRAFFIC, 95], [DISORDER, 5]] },
};
const BACKGROUND_MIX = [[THEFT, 34], [DAMAGE, 18], [ASSAULT, 10], [DISORDER, 14], [DRUGS, 8], [TRAFFIC, 8], [THREAT, 6], [ROBBERY, 2]];
const BACKGROUND_RATE_PER_1000 = 0.3;

const INSATS_START = dateFromIso('2025-09-01'); // Riktad narkotikainsats around Resecentrum begins
const LIGHTING_DONE = dateFromIso('2024-09-16'); // Belysning and trygghetsvandringar in Skolparken
const HAMNEN_RISE = [dateFromIso('2025-06-01'), dateFromIso('2026-06-01')];

function monthsBetween(a, b) {
  return (b.getTime() - a.getTime()) / (30.44 * 86_400_000);
}
function clamp01(v) {
  return Math.max(0, Math.min(1, v));
}
/** The story factor of a place on a day, plus whether the day's drug detections get police-effort uplift. */
function storyFactor(placeName, day, random, sporadicDays) {
  switch (placeName) {
    case 'Resecentrum': {
      if (day < INSATS_START) return 1;
      return 1 - 0.4 * clamp01(monthsBetween(INSATS_START, day) / 6);
    }
    case 'Hamnen': {
      const [from, to] = HAMNEN_RISE;
      return 0.12 + 0.88 * clamp01((day - from) / (to - from));
    }
    case 'Skolparken': {
      if (day < LIGHTING_DONE) return 1;
      return 1 - 0.78 * clamp01(monthsBetween(LIGHTING_DONE, day) / 9);
    }
    case 'Idrottsplatsen':
      return sporadicDays.has(isoDate(day)) ? 14 : 1;
    default:
      return 1;
  }
}

function pad(n) {
  return String(n).padStart(2, '0');
}
function localTime(random, day, profile) {
  const weights = HOURS[profile].map((w, h) => [h, isMissingLocalHour(day, h) ? 0 : w]);
  const hour = random.pickWeighted(weights);
  return `${isoDate(day)} ${pad(hour)}:${pad(random.int(0, 59))}:00`;
}
const RINGS = AREAS.map((a) => ({ ...a, ring: areaRing(a.box) }));
function areaAt(x, y) {
  return RINGS.find((a) => insideRing(a.ring, x, y))?.name ?? null;
}
function randomPointIn(random, area) {
  const [x0, y0, x1, y1] = area.box;
  for (let i = 0; i < 20; i++) {
    const x = x0 + random.next() * (x1 - x0);
    const y = y0 + random.next() * (y1 - y0);
    if (insideRing(area.ring, x, y)) return { x: Math.round(x), y: Math.round(y) };
  }
  return { x: Math.round((x0 + x1) / 2), y: Math.round((y0 + y1) / 2) };
}
function describe(category, subcategory, place) {
  const where = place ? ` vid ${place}` : '';
  return `${subcategory === category ? category : `${category}, ${subcategory.toLowerCase()}`}${where}`;
}

export function generateIncidents(random, interventions) {
  const placeByName = new Map(PLACES.map((p) => [p.name, p]));
  const insatsDays = new Set(
    interventions.filter((i) => i.type === 'Riktad narkotikainsats' && i.place === 'Resecentrum').map((i) => i.started_at.slice(0, 10)),
  );
  const sporadicDays = new Set();
  const rows = [];
  const first = dateFromIso(FIRST_DAY);
  const last = dateFromIso(LAST_DAY);
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (random.next() < 0.05) sporadicDays.add(isoDate(day));
    const wd = weekdayIndex(day);
    const season = SEASON[day.getUTCMonth()];
    const special = specialDay(day);
    const years = (day - first) / (365.25 * 86_400_000);
    const trend = 1 + 0.035 * years;
    const emit = (category, subcategory, profile, point, place, areaName) => {
      const hasPoint = point && random.next() >= 0.035;
      const wgs = hasPoint ? toWgs84(point.x, point.y) : null;
      rows.push({
        occurred_at: localTime(random, day, profile),
        category,
        subcategory,
        lat: wgs?.lat ?? null,
        lon: wgs?.lon ?? null,
        location_precision: hasPoint ? 'point' : 'none',
        area: hasPoint ? areaAt(point.x, point.y) : areaName,
        place,
        description: describe(category, subcategory, place),
        x: hasPoint ? point.x : null,
        y: hasPoint ? point.y : null,
      });
    };
    for (const [name, source] of Object.entries(PLACE_SOURCES)) {
      const place = placeByName.get(name);
      const nightly = source.hours !== 'day';
      const specialFactor = special && nightly ? special.factor : 1;
      const lambda = source.rate * source.week[wd] * season * specialFactor * trend * storyFactor(name, day, random, sporadicDays);
      const n = random.poisson(lambda);
      for (let k = 0; k < n; k++) {
        const [category, subs] = random.pickWeighted(source.mix);
        const subcategory = random.pickWeighted(subs);
        const point = { x: Math.round(place.x + random.normal() * place.spread), y: Math.round(place.y + random.normal() * place.spread) };
        emit(category, subcategory, source.hours, point, name, place.area);
      }
      // Police effort: a targeted operation finds drugs that would otherwise go unrecorded ("spaningsbrott").
      if (name === 'Resecentrum' && insatsDays.has(isoDate(day))) {
        const extra = random.poisson(2.2);
        for (let k = 0; k < extra; k++) {
          const point = { x: Math.round(place.x + random.normal() * place.spread), y: Math.round(place.y + random.normal() * place.spread) };
          emit('Narkotikabrott', 'Innehav', 'evening', point, name, place.area);
        }
      }
    }
    for (const area of RINGS) {
      const specialFactor = special ? 1 + (special.factor - 1) * 0.4 : 1;
      const lambda = (area.population / 1000) * BACKGROUND_RATE_PER_1000 * WEEKEND_LEAN[wd] * (0.6 + 0.4 * season) * specialFactor * trend;
      const n = random.poisson(lambda);
      for (let k = 0; k < n; k++) {
        const [category, subs] = random.pickWeighted(BACKGROUND_MIX);
        const subcategory = random.pickWeighted(subs);
        const profile = category === 'Stöld' ? 'day' : 'mixed';
        emit(category, subcategory, profile, randomPointIn(random, area), null, area.name);
      }
    }
  }
  rows.sort((a, b) => (a.occurred_at < b.occurred_at ? -1 : a.occurred_at > b.occurred_at ? 1 : 0));
  rows.forEach((r, i) => { r.id = `EXK-${r.occurred_at.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`; });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Interventions

function at(day, hour, minute = 0) {
  return `${isoDate(day)} ${pad(hour)}:${pad(minute)}:00`;
}
export function generateInterventions(random) {
  const rows = [];
  const first = dateFromIso(FIRST_DAY);
  const last = dateFromIso(LAST_DAY);
  const placeByName = new Map(PLACES.map((p) => [p.name, p]));
  const add = (type, organisation, day, hour, durationHours, placeName, areaName, outcomes = {}) => {
    const place = placeName ? placeByName.get(placeName) : null;
    const wgs = place ? toWgs84(place.x, place.y) : null;
    const start = at(day, hour);
    const endMinutes = hour * 60 + Math.round(durationHours * 60);
    const endDay = addDays(day, Math.floor(endMinutes / 1440));
    rows.push({
      started_at: start,
      ended_at: at(endDay, Math.floor((endMinutes % 1440) / 60), endMinutes % 60),
      type,
      organisation,
      area: place ? place.area : areaName,
      place: placeName,
      lat: wgs?.lat ?? null,
      lon: wgs?.lon ?? null,
      x: place?.x ?? null,
      y: place?.y ?? null,
      beslag: outcomes.beslag ?? null,
      lagforda: outcomes.lagforda ?? null,
      lagforda_ej_tidigare_kanda: outcomes.lagforda_ej_tidigare_kanda ?? null,
      ungdomar_kontaktade: outcomes.ungdomar_kontaktade ?? null,
      deltagare: outcomes.deltagare ?? null,
      timmar: durationHours,
    });
  };
  const drugOutcomes = () => {
    const lagforda = random.poisson(1.3);
    let newlyKnown = 0;
    for (let i = 0; i < lagforda; i++) if (random.next() < 0.22) newlyKnown++;
    return { beslag: random.poisson(2.1), lagforda, lagforda_ej_tidigare_kanda: newlyKnown, ungdomar_kontaktade: random.poisson(3) };
  };

  // Lägesbildsmöte every other Tuesday — except two summer meetings in 2025 that were skipped.
  for (let day = addDays(first, 8); day <= last; day = addDays(day, 14)) {
    const d = isoDate(day);
    if (d >= '2025-07-01' && d <= '2025-07-31') continue;
    add('Lägesbildsmöte', 'Gemensam', day, 9, 1.5, 'Stadshuset', 'Centrum', { deltagare: random.int(6, 14) });
  }
  // Uppföljning av brottsutsatta platser: four a year, five in 2025, three so far in 2026.
  const followUps = ['2024-03-12', '2024-06-11', '2024-09-17', '2024-11-19', '2025-02-18', '2025-04-15', '2025-06-10', '2025-09-23', '2025-11-25', '2026-02-17', '2026-05-19', '2026-09-15'];
  const followUpPlaces = ['Resecentrum', 'Stora torget', 'Skolparken', 'Hamnen', 'Krogstråket'];
  followUps.forEach((d, i) => add('Uppföljning brottsutsatt plats', 'Gemensam', dateFromIso(d), 13, 2, followUpPlaces[i % followUpPlaces.length], null, { deltagare: random.int(4, 9) }));

  // Medborgardialoger: two per stadsdel and one per ytterområde a year; 2026 is not yet complete.
  for (const year of [2024, 2025, 2026]) {
    for (const area of AREAS) {
      let times = area.kind === 'stadsdel' ? 2 : 1;
      if (year === 2026 && area.name === 'Västerby') times = 1;
      if (year === 2026 && area.name === 'Kvarnby') times = 0;
      for (let t = 0; t < times; t++) {
        // Spring (March–June) and autumn (September–October): never after the example's last day.
        const month = t === 0 ? random.int(2, 5) : random.int(8, 9);
        const day = dateFromIso(`${year}-${pad(month + 1)}-${pad(random.int(1, 26))}`);
        add('Medborgardialog', 'Gemensam', day, 18, 2, null, area.name, { deltagare: random.int(12, 60) });
      }
    }
  }
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const wd = weekdayIndex(day);
    const d = isoDate(day);
    // Riktade narkotikainsatser: sporadic before the Resecentrum operation, twice a week after it.
    if (day >= INSATS_START && (wd === 3 || wd === 5) && random.next() < 0.92) {
      add('Riktad narkotikainsats', 'Gemensam', day, 19, 4, 'Resecentrum', null, drugOutcomes());
    } else if (day < INSATS_START && wd === 4 && random.next() < 0.22) {
      add('Riktad narkotikainsats', 'Polis', day, 20, 4, random.pick(['Resecentrum', 'Stora torget', 'Skolparken']), null, drugOutcomes());
    }
    if (d >= '2026-03-01' && wd === 4 && random.next() < 0.5) {
      add('Riktad narkotikainsats', 'Polis', day, 20, 3, 'Hamnen', null, drugOutcomes());
    }
    // Trafikkontroller at the two selected traffic places.
    if ((wd === 4 || wd === 5) && random.next() < 0.5) {
      add('Trafikkontroll', 'Polis', day, 20, 3, random.pick(['Ringvägen', 'Lindbyrakan']), null, {});
    }
    // Uppsökande verksamhet (fältassistenter), Friday and Saturday evenings and some weekdays.
    if ((wd >= 4 && random.next() < 0.85) || (wd === 2 && random.next() < 0.8) || (wd === 0 && random.next() < 0.5)) {
      const area = random.pickWeighted(AREAS.map((a) => [a, a.kind === 'stadsdel' ? 3 : 1]));
      add('Uppsökande verksamhet', 'Kommun', day, 19, 4, null, area.name, { ungdomar_kontaktade: random.poisson(9) });
    }
    // Trygghetsvandring: roughly monthly, Skolparken weekly in the autumn of 2024.
    if (wd === 2 && random.next() < 0.22) {
      add('Trygghetsvandring', 'Gemensam', day, 18, 1.5, null, random.pick(AREAS).name, { deltagare: random.int(5, 25) });
    }
    if (d >= '2024-08-20' && d <= '2024-11-30' && wd === 1) {
      add('Trygghetsvandring', 'Gemensam', day, 19, 1.5, 'Skolparken', null, { deltagare: random.int(5, 20) });
    }
  }
  add('Belysningsåtgärd', 'Kommun', LIGHTING_DONE, 8, 8, 'Skolparken', null, {});

  rows.sort((a, b) => (a.started_at < b.started_at ? -1 : a.started_at > b.started_at ? 1 : 0));
  rows.forEach((r, i) => { r.id = `INS-${String(i + 1).padStart(5, '0')}`; });
  return rows;
}
