import { describe, expect, it } from 'vitest';
import { guessTargetTable, headerSignature, missingRequired, suggestMapping } from '../../src/data/import/column-mapping';

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
