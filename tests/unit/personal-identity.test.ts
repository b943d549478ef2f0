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

describe('personnummer with every separator (issue 15)', () => {
  const forms = ['121212-1212', '121212\u20131212', '121212\u20141212', '121212\u22121212', '121212\u20111212', '121212 1212', '121212\u00a01212', '121212\u202f1212',
    '121212 - 1212', '1212121212', '19121212-1212', '19121212\u20131212', '19121212 1212', '191212121212'];
  it('finds and validates each form, once', () => {
    for (const form of forms) expect(findPersonalIdentityNumbers(`Anmälare ${form}, tel.`), JSON.stringify(form)).toEqual([form]);
    expect(findPersonalIdentityNumbers(forms.join('; '))).toHaveLength(forms.length);
  });
  it('still rejects a wrong checksum and numbers that are only shaped like one', () => {
    expect(findPersonalIdentityNumbers('121212\u20131213, 121212 1213, ärende 2026030112, kl 20260301 1200')).toEqual([]);
  });
});
