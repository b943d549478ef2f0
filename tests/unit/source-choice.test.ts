// The default source of a dropped table file (source-choice.ts): taken only when unambiguous.
import { describe, expect, it } from 'vitest';
import { cardsFollowing, chooseSource, nearSourceNames, withCardSource, withSource } from '../../src/data/import/source-choice';

describe('the default source name', () => {
  it('is the one stored source files with these columns were imported under', () => {
    expect(chooseSource(['Kommunen'], ['Kommunen', 'Polisens händelser'], 'brott-v12.csv')).toEqual({ source: 'Kommunen', remembered: 'Kommunen' });
  });
  it('is the file name when several stored sources used these columns (helper-54: system A\'s export defaulted to SystemB), and the card asks', () => {
    expect(chooseSource(['SystemB', 'sysA.csv'], ['SystemB', 'sysA.csv'], 'sysA-v2.csv')).toEqual({ source: 'sysA-v2.csv', candidates: ['SystemB', 'sysA.csv'] });
  });
  it('forgets a name with no rows stored (an undone import\'s)', () => {
    expect(chooseSource(['brott-v12.csv', 'brott-v10.csv'], ['brott-v10.csv'], 'brott-v12.csv')).toEqual({ source: 'brott-v10.csv', remembered: 'brott-v10.csv' });
    expect(chooseSource(['brott-v12.csv'], [], 'brott-v12.csv')).toEqual({ source: 'brott-v12.csv' });
  });
  it('remembers the newest first, once each, and reads the single name kept before', () => {
    expect(withSource({ source: 'A' }, 'B')).toEqual(['B', 'A']);
    expect(withSource({ sources: ['B', 'A'] }, 'A')).toEqual(['A', 'B']);
    expect(withSource(null, 'A')).toEqual(['A']);
  });
  it('takes a card with the same columns on the page when it has no default of its own (two exports dropped together)', () => {
    const cards = [{ signature: 'datum|brottstyp', source: 'brott-v10.csv', fileName: 'brott-v10.csv' }, { signature: 'x|y', source: 'Annat', fileName: 'annat.csv' }];
    expect(withCardSource({ source: 'brott-v12.csv' }, 'datum|brottstyp', cards)).toEqual({ source: 'brott-v10.csv', sameColumnsAs: 'brott-v10.csv' });
    expect(withCardSource({ source: 'ny.csv' }, 'a|b', cards)).toEqual({ source: 'ny.csv' });
    expect(withCardSource({ source: 'x.csv', remembered: 'Kommunen' }, 'datum|brottstyp', cards)).toEqual({ source: 'x.csv', remembered: 'Kommunen' });
    // With several stored sources the card still asks, and follows its sibling meanwhile (helper-55).
    expect(withCardSource({ source: 'a4.csv', candidates: ['A', 'B'] }, 'datum|brottstyp', cards)).toEqual({ source: 'brott-v10.csv', candidates: ['A', 'B'], sameColumnsAs: 'brott-v10.csv' });
  });
  it('moves the cards that follow a renamed card, and theirs, but not one the user named (helper-55: a batch split in two)', () => {
    const cards = [
      { fileName: 'a1.csv', source: 'a1.csv', planned: false },
      { fileName: 'a2.csv', source: 'a1.csv', sourceChoice: { source: 'a1.csv', sameColumnsAs: 'a1.csv' }, planned: true },
      { fileName: 'a3.csv', source: 'a1.csv', sourceChoice: { source: 'a1.csv', sameColumnsAs: 'a2.csv' }, planned: true },
      { fileName: 'a4.csv', source: 'Eget namn', sourceChoice: { source: 'a1.csv', sameColumnsAs: 'a1.csv' }, planned: true },
      { fileName: 'n1.csv', source: 'n1.csv', planned: true },
    ];
    const moved = cardsFollowing(cards, 'a1.csv', 'a1.csv', 'Sys');
    expect([...moved.keys()].sort()).toEqual([1, 2]);
    expect(moved.get(2)).toEqual({ source: 'Sys', sameColumnsAs: 'a2.csv' });
  });
  it('finds stored names that differ only in case or spaces', () => {
    expect(nearSourceNames('  polisen ', ['Polisen', 'Kommunen'])).toEqual(['Polisen']);
    expect(nearSourceNames('Polisen', ['Polisen'])).toEqual([]);
    expect(nearSourceNames('Polisens  händelser', ['Polisens händelser'])).toEqual(['Polisens händelser']);
    expect(nearSourceNames('', ['Polisen'])).toEqual([]);
  });
});
