import { describe, expect, it } from 'vitest';
import { findPersonalIdentityNumbers, isPersonalIdentityNumber } from '../../src/lib/parsing/personal-identity';

describe('personnummer', () => {
  it('finds valid numbers in every written form, checksum included', () => {
    const text = 'Anmälare 19900101-0017, även skriven 900101-0017 eller 199001010017; fel: 19900101-0018, ärende 2026030112.';
    expect(findPersonalIdentityNumbers(text)).toEqual(['19900101-0017', '900101-0017', '199001010017']);
  });
  it('accepts samordningsnummer (day + 60) and rejects dates and case numbers', () => {
    expect(isPersonalIdentityNumber('701063-2391')).toBe(true);
    expect(isPersonalIdentityNumber('20260301')).toBe(false);
    expect(isPersonalIdentityNumber('5000-1234')).toBe(false);
  });
});
