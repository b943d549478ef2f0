// Sweden's 21 län (counties) since 1998 (SCB, "Län och kommuner i kodnummerordning",
// https://www.scb.se/hitta-statistik/regional-statistik-och-kartor/regionala-indelningar/lan-och-kommuner/): their
// short names, as boundary files write them ("Gävleborg"); the police write "Gävleborgs län" (area-assignment.query.ts).
import { spellingKey } from '../lib/spelling-key';

const COUNTIES = [
  'Stockholm', 'Uppsala', 'Södermanland', 'Östergötland', 'Jönköping', 'Kronoberg', 'Kalmar', 'Gotland', 'Blekinge',
  'Skåne', 'Halland', 'Västra Götaland', 'Värmland', 'Örebro', 'Västmanland', 'Dalarna', 'Gävleborg', 'Västernorrland',
  'Jämtland', 'Västerbotten', 'Norrbotten',
];
/** Län whose short name is also a kommun's: a file of these names alone may be kommuner. */
const ALSO_KOMMUN = new Set(['stockholm', 'uppsala', 'jönköping', 'kalmar', 'gotland', 'örebro']);
const KEYS = new Set(COUNTIES.map((c) => spellingKey(c)));

/** `name`'s län key ("Gävleborgs län", "gävleborg" → "gävleborg"), or null when it names no län. */
function countyKey(name: string): { key: string; saysLan: boolean } | null {
  const key = spellingKey(name.trim());
  const bare = key.replace(/ län$/, '');
  if (KEYS.has(bare)) return { key: bare, saysLan: bare !== key };
  const genitive = bare.replace(/s$/, '');
  return bare !== key && KEYS.has(genitive) ? { key: genitive, saysLan: true } : null;
}

/**
 * Whether `names` (an area file's names, at least three) are all län: every one a län's name, and one of them not
 * also a kommun's or written with "län". Used to suggest the kind "län" for a file whose name property says nothing.
 */
export function namesAreCounties(names: readonly string[]): boolean {
  if (names.length < 3) return false;
  const found = names.map(countyKey);
  return found.every((c) => c !== null) && found.some((c) => c!.saysLan || !ALSO_KOMMUN.has(c!.key));
}
