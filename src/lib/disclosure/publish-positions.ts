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

/** How an incident is located, as `incidents.location_precision` says (data/position.query.ts). */
export type LocationKind = 'point' | 'area' | 'none';
const PARTS = [['located', 'point'], ['areaOnly', 'area'], ['unlocated', 'none']] as const;

/**
 * The three parts and their total, published together (suppressList with the total shown). `present`: the location
 * kinds that occur anywhere in the data (hooks/use-location-kinds.ts); a part of a kind no row has is 0 under every
 * filter, so it is shown as 0 and left out of the list — otherwise police events, none of which has a position, read
 * "<5 med position" (1–4) in public view, and that structural 0 could make another part hidden to protect it.
 * Without `present` every part is treated as possible.
 */
export function publishPositions(c: PositionCounts, rule: DisclosureRule | null, present?: ReadonlySet<LocationKind>): PublishedPositions {
  // A count above 0 of a kind read as absent (the kinds read before the data changed) stays in the list.
  const parts = PARTS.filter(([part, kind]) => !present || present.has(kind) || c[part] > 0);
  const { values, total } = publishList(parts.map(([part]) => c[part]), parts.map(([part]) => c.keys[part]), rule, true);
  const published = { located: 0, areaOnly: 0, unlocated: 0 } as Record<(typeof PARTS)[number][0], PublishedCount>;
  parts.forEach(([part], i) => { published[part] = values[i]; });
  return { ...published, total };
}
