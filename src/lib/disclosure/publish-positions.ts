// How the incidents are located — with a position, with only an area, with none — is one list whose total is the
// incident count. Karta shows all three beside its side panel's total, Översikt shows "without position" beside
// the same total (a shared link reproduces both views), so both publish through this one function: the same
// counts are hidden in both, and no part can be worked out as the total minus the others.
import { publishList, type PublishedCount } from './publish';
import type { DisclosureRule } from './suppression';

export interface PositionCounts {
  located: number;
  areaOnly: number;
  unlocated: number;
  /** The key sum of each part (lib/disclosure/cell-key.ts). */
  keys: { located: number; areaOnly: number; unlocated: number };
}

export type PublishedPositions = { [K in Exclude<keyof PositionCounts, 'keys'>]: PublishedCount } & { total: PublishedCount };

export function publishPositions(c: PositionCounts, rule: DisclosureRule | null): PublishedPositions {
  const { values, total } = publishList([c.located, c.areaOnly, c.unlocated], [c.keys.located, c.keys.areaOnly, c.keys.unlocated], rule, true);
  return { located: values[0], areaOnly: values[1], unlocated: values[2], total };
}
