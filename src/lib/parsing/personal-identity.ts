// Swedish personal identity numbers (personnummer, samordningsnummer) in free text. Candidates are found by
// shape; the `personnummer` library decides, checksum included, so a 10-digit case number is not mistaken for
// one unless it also passes the checksum.
import Personnummer from 'personnummer';

// What people and word processors put between birth date and number: a hyphen, or what Word makes of it (en
// and em dash, minus sign, non-breaking and figure hyphens, full-width hyphen), "+" (100 years or older), with or
// without spaces around; or only a space (plain, no-break, narrow no-break, thin); or nothing. The characters are
// written literally (not as \u escapes) so the one pattern means the same in JavaScript and in DuckDB's RE2.
const DASHES = '-+\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d';
const SPACES = ' \u00a0\u202f\u2009';
const SEPARATOR = `(?:[${SPACES}]*[${DASHES}][${SPACES}]*|[${SPACES}])?`;

/** The shape: YYMMDD or YYYYMMDD, a separator or none, four digits. Same pattern in JS and in DuckDB (RE2). */
export const PERSONAL_NUMBER_PATTERN = `\\b(?:19|20)?\\d{6}${SEPARATOR}\\d{4}\\b`;
export const PERSONAL_NUMBER_MASK = '[personnummer]';

/** A candidate in the form the library reads: spaces gone, any dash a hyphen ("+" kept: it means 100+). */
export function canonicalPersonalNumber(candidate: string): string {
  return candidate.replace(new RegExp(`[${SPACES}]`, 'g'), '').replace(/[\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d]/g, '-');
}

export function isPersonalIdentityNumber(candidate: string): boolean {
  try {
    return Personnummer.valid(canonicalPersonalNumber(candidate));
  } catch {
    return false;
  }
}

export function findPersonalIdentityNumbers(text: string): string[] {
  return [...text.matchAll(new RegExp(PERSONAL_NUMBER_PATTERN, 'g'))].map((m) => m[0]).filter(isPersonalIdentityNumber);
}

/** Values shaped like a personnummer that fail the library's check (a mistyped one, or another number of that shape). */
export function findPersonalNumberLookalikes(text: string): string[] {
  return [...text.matchAll(new RegExp(PERSONAL_NUMBER_PATTERN, 'g'))].map((m) => m[0]).filter((c) => !isPersonalIdentityNumber(c));
}

export type PersonalDataAction = 'mask' | 'drop' | 'keep';

/** Everything shaped like a personnummer replaced by the mask (as the SQL does for a masked column). */
export function maskPersonalNumbers(text: string): string {
  return text.replace(new RegExp(PERSONAL_NUMBER_PATTERN, 'g'), PERSONAL_NUMBER_MASK);
}
