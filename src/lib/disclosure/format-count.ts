// Counts as the current disclosure allows: the number, or "<k" when publish.ts has hidden it (null).
import { formatCount, type Language } from '../format';
import type { DisclosureRule } from './suppression';

/**
 * The count given to a plural rule when the number is hidden: "<5 händelser", never "<5 händelse" — the singular
 * would say the hidden count is 1.
 */
export const PLURAL_FOR_HIDDEN = 2;

export function hiddenLabel(rule: DisclosureRule): string {
  return `<${rule.k}`;
}

/** `value` null means hidden (under a rule) or unknown (no rule); undefined means not known yet. */
export function formatShownCount(value: number | null | undefined, rule: DisclosureRule | null, language: Language): string {
  if (value === null && rule) return hiddenLabel(rule);
  return formatCount(value, language);
}

/** A lone count (a key figure, a list item with no published total): "<k" when it is small, else the number. */
export function formatLoneCount(value: number | null | undefined, rule: DisclosureRule | null, language: Language): string {
  return formatShownCount(typeof value === 'number' && rule && value < rule.k ? null : value, rule, language);
}

/** The same, for CSV cells: a number stays a number, a hidden count becomes the text "<k". */
export function csvCount(value: number | null | undefined, rule: DisclosureRule | null): number | string | null {
  if (value === null && rule) return hiddenLabel(rule);
  return value ?? null;
}
