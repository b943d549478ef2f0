// Swedish personal identity numbers (personnummer, samordningsnummer) in free text. Candidates are found by
// shape; the `personnummer` library decides, checksum included, so a 10-digit case number is not mistaken for
// one unless it also passes the checksum.
import Personnummer from 'personnummer';

/** The shape: YYMMDD or YYYYMMDD, optional - or +, four digits. Same pattern in JS and in DuckDB (RE2). */
export const PERSONAL_NUMBER_PATTERN = '\\b(?:19|20)?\\d{6}[-+]?\\d{4}\\b';
export const PERSONAL_NUMBER_MASK = '[personnummer]';

export function isPersonalIdentityNumber(candidate: string): boolean {
  try {
    return Personnummer.valid(candidate);
  } catch {
    return false;
  }
}

export function findPersonalIdentityNumbers(text: string): string[] {
  return [...text.matchAll(new RegExp(PERSONAL_NUMBER_PATTERN, 'g'))].map((m) => m[0]).filter(isPersonalIdentityNumber);
}

export type PersonalDataAction = 'mask' | 'drop' | 'keep';

/** Everything shaped like a personnummer replaced by the mask (as the SQL does for a masked column). */
export function maskPersonalNumbers(text: string): string {
  return text.replace(new RegExp(PERSONAL_NUMBER_PATTERN, 'g'), PERSONAL_NUMBER_MASK);
}
