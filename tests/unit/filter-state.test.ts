import { describe, expect, it } from 'vitest';
import { applyFilterState, readFilterState, resetAllFilters } from '../../src/data/selections';
import { epochDayOfIsoDate, isoDateOfEpochDay } from '../../src/lib/epoch-day';
import { filterStateFromParams, filterStateToParams, type FilterState } from '../../src/lib/filter-state';
import { chipsFromState } from '../../src/lib/filter-chips';

const state: FilterState = {
  period: { from: epochDayOfIsoDate('2026-11-02'), to: epochDayOfIsoDate('2026-11-15') },
  category: 'Skadegörelse & klotter',
  area: { name: 'Centrum', kind: 'stadsdel' },
  cell: { size: 250, ix: 2404, iy: 26592 },
  extent: { west: 16.8, south: 59.95, east: 16.85, north: 59.98 },
};

describe('filter state in a link', () => {
  it('round-trips every filter through the query string', () => {
    const params = filterStateToParams(state);
    expect(params.get('period')).toBe('2026-11-02..2026-11-15');
    expect(params.get('kategori')).toBe('Skadegörelse & klotter');
    expect(filterStateFromParams(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it('keeps unrelated parameters and drops filters that are gone', () => {
    const params = filterStateToParams({ area: { name: 'Hamnstaden' } }, new URLSearchParams('kategori=Stöld&lang=sv&omradestyp=kommun'));
    expect(params.toString()).toBe('lang=sv&omrade=Hamnstaden');
    // An area's kind rides beside its name; an old link without it reads as a bare name (any kind).
    expect(filterStateToParams({ area: { name: 'Stockholm', kind: 'län' } }).toString()).toBe('omrade=Stockholm&omradestyp=l%C3%A4n');
    expect(filterStateFromParams(new URLSearchParams('omrade=Stockholm&omradestyp=kommun')).area).toEqual({ name: 'Stockholm', kind: 'kommun' });
    expect(filterStateFromParams(new URLSearchParams('omrade=Stockholm')).area).toEqual({ name: 'Stockholm' });
    expect(filterStateFromParams(new URLSearchParams('omrade=Gamla%20stan&omradestyp=')).area).toEqual({ name: 'Gamla stan', kind: '' });
  });

  it('ignores malformed parts instead of failing', () => {
    expect(filterStateFromParams(new URLSearchParams('period=2026-02-30..2026-03-01&ruta=abc&utsnitt=1,2,0,0&kategori='))).toEqual({});
     // Cells no grid of the app can have: a hand-edited size or index (one crashed the Karta, one made a 300-digit chip).
    for (const ruta of ['hex:1e308:1:1', '1e308:1:1', '250:1e300:0', '250:0:-1e300', '0:1:1', '-250:1:1', '250.5:1:1', '250:1.5:2', 'hex:333', 'hex:1e9', '250:1:1:1', 'hex:250:Infinity:0', '5:1:1', '1000000:1:1']) {
      expect(filterStateFromParams(new URLSearchParams({ ruta })).cell, ruta).toBeUndefined();
    }
    // Every size the app offers, at Swedish SWEREF 99 TM positions, on both grids.
    for (const size of [100, 125, 200, 250, 500, 1000]) {
      expect(filterStateFromParams(new URLSearchParams({ ruta: `${size}:${Math.floor(674000 / size)}:${Math.floor(6580000 / size)}` })).cell).toEqual({ size, ix: Math.floor(674000 / size), iy: Math.floor(6580000 / size) });
      expect(filterStateFromParams(new URLSearchParams({ ruta: `hex:${size}:-3:7000` })).cell).toEqual({ size, ix: -3, iy: 7000, shape: 'hex' });
    }
  });

  it('epoch days and ISO dates agree across a year boundary and a leap day', () => {
    for (const d of ['2024-02-29', '2025-12-31', '2026-01-01', '1970-01-01']) expect(isoDateOfEpochDay(epochDayOfIsoDate(d))).toBe(d);
    expect(epochDayOfIsoDate('1970-01-02')).toBe(1);
  });
});

describe('filters as Mosaic selections', () => {
  it('applies a state to the selections and reads the same state back', () => {
    applyFilterState(state);
    expect(readFilterState()).toEqual(state);
    applyFilterState({ category: 'Stöld' });
    expect(readFilterState()).toEqual({ category: 'Stöld' });
    resetAllFilters();
    expect(readFilterState()).toEqual({});
  });

  it('labels each active filter as a chip', () => {
    const chips = chipsFromState(state, 'sv');
    expect(chips.map((c) => c.name)).toEqual(['period', 'category', 'area', 'cell', 'extent']);
    expect(chips[2].label).toBe('Centrum (stadsdel)');
    expect(chips[3].label.replace(/\u00a0/g, ' ')).toBe('250 m, E 601 000 N 6 648 000');
    // A hexagon by its centre (tester: the chip read the hexagon's indexes × size, a place 250 km away).
    const hex = chipsFromState({ cell: { size: 250, ix: 1392, iy: 26494, shape: 'hex' } }, 'sv')[0].label.replace(/\u00a0/g, ' ');
    expect(hex).toBe('⬡ 250 m, E 373 950 N 6 163 861');
  });
});

import { parseTileSource, tileSourceProblem } from '../../src/lib/tile-source';

describe('an organisation tile source', () => {
  it('accepts only https templates with {z}, {x} and {y}', () => {
    expect(tileSourceProblem('https://karta.example.se/tiles/{z}/{x}/{y}.png')).toBeNull();
    expect(tileSourceProblem('http://karta.example.se/tiles/{z}/{x}/{y}.png')).toBe('not-https');
    expect(tileSourceProblem('javascript:alert(1)//{z}{x}{y}')).toBe('not-https');
    expect(tileSourceProblem('https://karta.example.se/tiles.png')).toBe('placeholders');
  });
  it('ignores a stored value that is broken or unsafe', () => {
    expect(parseTileSource('{')).toBeNull();
    expect(parseTileSource(JSON.stringify({ url: 'http://x/{z}/{x}/{y}' }))).toBeNull();
    expect(parseTileSource(JSON.stringify({ url: 'https://x.se/{z}/{x}/{y}.png', attribution: '© Kommunen' }))).toEqual({ url: 'https://x.se/{z}/{x}/{y}.png', attribution: '© Kommunen' });
  });
});

describe('a link with a control character in a filter', () => {
  it('refuses the value and names the parameter, keeping the rest', async () => {
    const { filterStateFromParams, refusedFilterParams } = await import('../../src/lib/filter-state');
    const params = new URLSearchParams('?kategori=a%00&omrade=V%C3%A4sterby');
    expect(refusedFilterParams(params)).toEqual(['kategori']);
    expect(filterStateFromParams(params)).toEqual({ area: { name: 'Västerby' } });
  });
});
