import { describe, expect, it } from 'vitest';
import { guessTargetTable, headerSignature, missingRequired, suggestMapping } from '../../src/data/import/column-mapping';
import { crsNamedIn } from '../../src/data/import/header-names';

describe('column mapping suggestions', () => {
  it('maps the police export the example generator writes', () => {
    const headers = ['Diarienummer', 'Händelsedatum', 'Klockslag', 'Brottstyp', 'Underkategori', 'Plats', 'Område', 'N', 'E', 'Beskrivning'];
    expect(guessTargetTable(headers)).toBe('incidents');
    expect(suggestMapping(headers, 'incidents')).toEqual({
      id: 'Diarienummer', date: 'Händelsedatum', time: 'Klockslag', category: 'Brottstyp', subcategory: 'Underkategori',
      place: 'Plats', area: 'Område', north: 'N', east: 'E', description: 'Beskrivning',
    });
  });

  it('maps the municipality activity log to interventions', () => {
    const headers = ['Aktivitets-ID', 'Aktivitet', 'Datum', 'Starttid', 'Sluttid', 'Ansvarig', 'Område', 'Plats', 'Koordinat N', 'Koordinat E', 'Beslag'];
    expect(guessTargetTable(headers)).toBe('interventions');
    expect(suggestMapping(headers, 'interventions')).toMatchObject({
      id: 'Aktivitets-ID', type: 'Aktivitet', date: 'Datum', time: 'Starttid', end_time: 'Sluttid', organisation: 'Ansvarig', north: 'Koordinat N', east: 'Koordinat E',
    });
  });

  it('handles English names, X/Y and a BOM in the first header', () => {
    const m = suggestMapping(['\ufeffDate', 'Time', 'Category', 'X', 'Y', 'Stadsdel'], 'incidents');
    expect(m).toEqual({ date: '\ufeffDate', time: 'Time', category: 'Category', north: 'X', east: 'Y', area: 'Stadsdel' });
    expect(missingRequired({ date: 'Datum' }, 'incidents')).toEqual(['category']);
    expect(guessTargetTable(['a', 'b'])).toBeNull();
  });

  it('gives the same signature to the same export, whatever the case or BOM', () => {
    expect(headerSignature(['\ufeffDatum', 'Brottstyp'])).toBe(headerSignature(['datum ', 'BROTTSTYP']));
    expect(headerSignature(['Datum', 'Brottstyp'])).not.toBe(headerSignature(['Brottstyp', 'Datum']));
  });
});

describe('header variants real exports write (issue 15)', () => {
  const incident = (headers: string[]) => suggestMapping(headers, 'incidents');
  it('takes the offence name, not its code, as the category; SWEREF without "99" is SWEREF 99 TM (a tester\'s exports)', () => {
    const register = ['Ärendenr', 'Brottsdatum', 'Tid', 'Brottskod', 'Brottsbenämning', 'X-koordinat (SWEREF 99 TM)', 'Y-koordinat (SWEREF 99 TM)', 'Plats', 'Fritext'];
    expect(incident(register)).toMatchObject({ id: 'Ärendenr', date: 'Brottsdatum', time: 'Tid', category: 'Brottsbenämning', place: 'Plats', description: 'Fritext' });
    // In either order, and a code alone is still a category.
    expect(incident(['Datum', 'Brottsbenämning', 'Brottskod']).category).toBe('Brottsbenämning');
    expect(incident(['Datum', 'Brottskod']).category).toBe('Brottskod');
    for (const [n, e] of [['sweref_n', 'sweref_e'], ['SWEREF_X', 'SWEREF_Y'], ['Sweref N', 'Sweref E'], ['sweref-nord', 'sweref-ost']]) {
      expect(incident(['id', 'datum', 'kategori', n, e]), n).toMatchObject({ north: n, east: e });
      expect(crsNamedIn(n), n).toBe('EPSG:3006');
    }
    // A local zone still names its meridian; RT 90 and WGS 84 are unchanged.
    expect(crsNamedIn('N (SWEREF 99 18 00)')).toBe('EPSG:3011');
    expect(crsNamedIn('sweref99_1800_n')).toBe('EPSG:3011');
    expect(crsNamedIn('rt90_x')).toBe('EPSG:3021');
  });
  it('recognises Swedish and English coordinate headers, with a system in brackets', () => {
    const police = ['Händelsenummer', 'Händelsedatum', 'Klockslag', 'Brottstyp', 'Område', 'X-koordinat (SWEREF 99 TM)', 'Y-koordinat (SWEREF 99 TM)', 'Beskrivning'];
    expect(incident(police)).toMatchObject({ id: 'Händelsenummer', date: 'Händelsedatum', time: 'Klockslag', north: 'X-koordinat (SWEREF 99 TM)', east: 'Y-koordinat (SWEREF 99 TM)' });
    for (const [n, e] of [['X-koord', 'Y-koord'], ['Koordinat X', 'Koordinat Y'], ['Nordkoordinat', 'Ostkoordinat'], ['Northing', 'Easting'],
      ['Lat (WGS84)', 'Lon (WGS84)'], ['X_SWEREF99TM', 'Y_SWEREF99TM'], ['N [m]', 'E [m]'], ['Latitude', 'Longitude'], ['X koord.', 'Y koord.']]) {
      expect(incident(['Datum', 'Brottstyp', n, e]), `${n} / ${e}`).toMatchObject({ north: n, east: e });
    }
  });
  it('recognises id and category variants', () => {
    for (const id of ['Ärendenr', 'Diarienummer', 'HändelseId', 'Händelse-ID', 'Diarienr', 'Ärende nr', 'Löpnr']) {
      expect(incident([id, 'Datum', 'Brottstyp']).id, id).toBe(id);
    }
    expect(incident(['Datum', 'Brottskod']).category).toBe('Brottskod');
    expect(incident(['Datum', 'Brottskod', 'Brottstyp']).category).toBe('Brottstyp');
    expect(guessTargetTable(['Ärendenr', 'Datum', 'Brottskod'])).toBe('incidents');
  });
  it('reads the coordinate system a header names', () => {
    expect(crsNamedIn('X-koordinat (SWEREF 99 TM)')).toBe('EPSG:3006');
    expect(crsNamedIn('N_SWEREF99TM')).toBe('EPSG:3006');
    expect(crsNamedIn('X (SWEREF 99 18 00)')).toBe('EPSG:3011');
    expect(crsNamedIn('Lat (WGS84)')).toBe('EPSG:4326');
    expect(crsNamedIn('X RT90 2,5 gon V')).toBe('EPSG:3021');
    expect(crsNamedIn('Northing (EPSG:3006)')).toBe('EPSG:3006');
    expect(crsNamedIn('Koordinat X')).toBeNull();
  });

  it('maps a column whose name has an unreadable character (U+FFFD) by the letters it has, never a bare one (helper-59: left unmapped)', () => {
    const mapping = suggestMapping(['H\ufffdndelsedatum', 'Brottstyp', 'Omr\ufffdde', '\ufffd', 'Y'], 'incidents');
    expect(mapping).toMatchObject({ date: 'H\ufffdndelsedatum', category: 'Brottstyp', area: 'Omr\ufffdde', east: 'Y' });
    expect(mapping.north).toBeUndefined();
    // A readable header of the field still wins, and each header fills one field.
    expect(suggestMapping(['Datum', 'D\ufffdtum', 'Brottstyp'], 'incidents').date).toBe('Datum');
    expect(suggestMapping(['Omr\ufffdde', 'Område', 'Datum', 'Brottstyp'], 'incidents').area).toBe('Område');
  });
});
