// Counts as the current disclosure allows: the number; "<k" when publish.ts has hidden it because it is small
// (null); "dold"/"hidden" when it is k or more and hidden only to protect a small count elsewhere (PROTECTED).
import { formatCount, type Language } from '../format';
import { isProtected, publishCount, type PublishedCount } from './publish';
import type { DisclosureRule } from './suppression';

/**
 * The count given to a plural rule when the number is hidden: "<5 händelser", never "<5 händelse" — the singular
 * would say the hidden count is 1.
 */
export const PLURAL_FOR_HIDDEN = 2;

/** The marker of a primary-suppressed count (itself below k). */
export function hiddenLabel(rule: DisclosureRule): string {
  return `<${rule.k}`;
}

/** The marker of a secondary-suppressed count (k or more, hidden to protect another): never "<k", which would be false. */
export function protectedLabel(language: Language): string {
  return language === 'sv' ? 'dold' : 'hidden';
}

/** Tooltip / aria text explaining a hidden count, or undefined when the value is shown. */
export function hiddenExplanation(value: PublishedCount | undefined, rule: DisclosureRule | null, language: Language): string | undefined {
  if (!rule) return undefined;
  if (isProtected(value)) return language === 'sv' ? `dold för att skydda ett litet antal (under ${rule.k})` : `hidden to protect a small count (below ${rule.k})`;
  if (value === null) return language === 'sv' ? `färre än ${rule.k}` : `fewer than ${rule.k}`;
  return undefined;
}

/** The marker for a hidden value of either kind. */
export function hiddenMarker(value: PublishedCount | undefined, rule: DisclosureRule | null, language: Language): string {
  if (isProtected(value)) return protectedLabel(language);
  return rule ? hiddenLabel(rule) : '–';
}

/** `value` null means hidden (under a rule) or unknown (no rule); PROTECTED hidden to protect another; undefined not known yet. */
export function formatShownCount(value: PublishedCount | undefined, rule: DisclosureRule | null, language: Language): string {
  if (isProtected(value)) return protectedLabel(language);
  if (value === null && rule) return hiddenLabel(rule);
  return formatCount(value, language);
}

/**
 * A lone count (a key figure, a list item with no published total), raw from the database with its key sum:
 * "<k" when it is small, else the number as public view shows it (publishCount: with its cell key noise).
 */
export function formatLoneCount(value: number | undefined, keySum: number | bigint | undefined, rule: DisclosureRule | null, language: Language): string {
  return formatShownCount(typeof value === 'number' ? publishCount(value, Number(keySum ?? 0), rule) : value, rule, language);
}

/** The same, for CSV cells: a number stays a number, a hidden count becomes the text "<k" or "dold"/"hidden". */
export function csvCount(value: PublishedCount | undefined, rule: DisclosureRule | null, language: Language = 'sv'): number | string | null {
  if (isProtected(value)) return protectedLabel(language);
  if (value === null && rule) return hiddenLabel(rule);
  return value ?? null;
}
