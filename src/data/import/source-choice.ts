// Which source a dropped table file's rows will carry by default. Rows are recognised as already loaded within a
// source (already-loaded.query.ts), so a system's next export — a new file name — must land in the same source, and
// another system's file with the same columns must not. The header alone can't tell them apart, so the default is
// taken only when it is unambiguous (helper-54: after a second system's file with the same columns was imported as
// "SystemB", system A's next export defaulted to SystemB, and its id 2 was rejected against SystemB's unrelated id 2).

/** What the card offers: the default name, and why. */
export interface SourceChoice {
  /** The default source name. */
  source: string;
  /** The one stored source files with this header were imported under (the default then), if any. */
  remembered?: string;
  /** Several stored sources were imported with this header: the default is the file's name, and the card asks. */
  candidates?: string[];
  /** The default is the source of another card on the page with the same columns (this file name). */
  sameColumnsAs?: string;
}

/**
 * `rememberedSources`: the sources files with this header were imported under, most recent first (remembered with
 * the mapping); `stored`: source names with rows stored now (an undone or replaced import's name no longer counts);
 * `fileName`: the default otherwise.
 */
export function chooseSource(rememberedSources: readonly string[], stored: readonly string[], fileName: string): SourceChoice {
  const live = [...new Set(rememberedSources)].filter((s) => stored.includes(s));
  if (live.length === 1) return { source: live[0], remembered: live[0] };
  if (live.length > 1) return { source: fileName, candidates: live };
  return { source: fileName };
}

/** The remembered list with `source` first (at most 20 names); mappings remembered with one `source` read as a list. */
export function withSource(remembered: { source?: string; sources?: string[] } | null, source: string): string[] {
  const before = remembered?.sources ?? (remembered?.source ? [remembered.source] : []);
  return [source, ...before.filter((s) => s !== source)].slice(0, 20);
}

/** Sources of those stored whose name differs from `typed` only in case or spaces (two sources, not one: said on the card). */
export function nearSourceNames(typed: string, stored: readonly string[]): string[] {
  const key = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');
  const k = key(typed);
  return k ? stored.filter((s) => s !== typed.trim() && key(s) === k) : [];
}

/**
 * Files dropped together (or one after another before either is imported): the stored sources can't know yet that
 * `brott-v10.csv` and `brott-v12.csv` are one system's exports, and each defaulted to its own name — the overlap was
 * imported twice (helper-54). A file with no default of its own takes the source of the latest card with the same
 * columns (`cards`: the page's table cards, oldest first).
 */
export function withCardSource(choice: SourceChoice, signature: string, cards: readonly { signature: string; source: string; fileName: string }[]): SourceChoice {
  if (choice.remembered) return choice;
  const same = [...cards].reverse().find((c) => c.signature === signature && c.source.trim());
  // With several stored sources the card still asks (candidates kept); the sibling's answer is followed (cardsFollowing).
  return same ? { ...choice, source: same.source.trim(), sameColumnsAs: same.fileName } : choice;
}

/**
 * A card's source changed from `before` to `after`: the planned cards that follow it — same columns, defaulted to its
 * name (`sameColumnsAs`) and still carrying `before` — take `after`, and their default with it (helper-55: renaming the
 * first card of a batch left the others under the old name, saying "Samma källnamn som …", and one export was split).
 */
export function cardsFollowing<T extends { fileName: string; source: string; sourceChoice?: SourceChoice; planned: boolean }>(
  cards: readonly T[], changed: string, before: string, after: string,
): Map<number, SourceChoice> {
  const moved = new Map<number, SourceChoice>();
  const names = new Set([changed]);
  // Followers of followers follow too (a3 defaulted to a2's name, a2 to a1's).
  for (let grew = true; grew;) {
    grew = false;
    cards.forEach((c, i) => {
      if (moved.has(i) || !c.planned || c.source.trim() !== before.trim() || !c.sourceChoice?.sameColumnsAs || !names.has(c.sourceChoice.sameColumnsAs)) return;
      moved.set(i, { ...c.sourceChoice, source: after });
      names.add(c.fileName);
      grew = true;
    });
  }
  return moved;
}
