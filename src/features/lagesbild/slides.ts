// Pure: which slides a presentation has, how the speaker arranges them (order, hidden, notes) and how the keyboard
// moves between them.
export const SLIDES = ['brief', 'title', 'summary', 'figures', 'development', 'map', 'categories', 'goals'] as const;
export type Slide = (typeof SLIDES)[number];

/** Longest speaker note kept (a note is read from a second screen, not a script). */
export const MAX_NOTE_LENGTH = 4_000;

/**
 * The speaker's arrangement of a period's talk, saved with the period (data/slide-decks.ts).
 * `order` holds every slide exactly once; `hidden` the ones left out of the talk; `notes` one text per slide.
 */
export interface SlideDeck {
  order: Slide[];
  hidden: Slide[];
  notes: Partial<Record<Slide, string>>;
}

/** I korthet opens the talk (#19); the plain title slide is there to add, since the brief already names the period. */
export const DEFAULT_DECK: SlideDeck = { order: [...SLIDES], hidden: ['title'], notes: {} };

const isSlide = (s: unknown): s is Slide => (SLIDES as readonly unknown[]).includes(s);

/**
 * A stored deck made whole: unknown slides dropped, doubles removed, slides the stored deck did not know (added
 * in a later version) put after the slide they follow by default; at least one slide stays shown. Never throws:
 * anything unreadable gives the default deck.
 */
export function normaliseDeck(raw: unknown): SlideDeck {
  if (!raw || typeof raw !== 'object') return DEFAULT_DECK;
  const r = raw as { order?: unknown; hidden?: unknown; notes?: unknown };
  const order: Slide[] = [];
  for (const s of Array.isArray(r.order) ? r.order : []) if (isSlide(s) && !order.includes(s)) order.push(s);
  for (const [i, s] of SLIDES.entries()) {
    if (order.includes(s)) continue;
    const before = SLIDES.slice(0, i).reverse().find((p) => order.includes(p));
    order.splice(before ? order.indexOf(before) + 1 : 0, 0, s);
  }
  const hidden = (Array.isArray(r.hidden) ? r.hidden : []).filter(isSlide).filter((s, i, all) => all.indexOf(s) === i);
  const notes: SlideDeck['notes'] = {};
  if (r.notes && typeof r.notes === 'object') {
    for (const [slide, text] of Object.entries(r.notes as Record<string, unknown>)) {
      if (isSlide(slide) && typeof text === 'string' && text.trim() !== '') notes[slide] = text.slice(0, MAX_NOTE_LENGTH);
    }
  }
  const deck = { order, hidden, notes };
  return shownSlides(deck).length > 0 ? deck : { ...deck, hidden: hidden.filter((s) => s !== order[0]) };
}

/** The slides of the talk, in the speaker's order. */
export function shownSlides(deck: SlideDeck): Slide[] {
  return deck.order.filter((s) => !deck.hidden.includes(s));
}

/** Moves a slide one place earlier (−1) or later (+1) in the order; at either end nothing changes. */
export function moveInDeck(deck: SlideDeck, slide: Slide, delta: -1 | 1): SlideDeck {
  const i = deck.order.indexOf(slide);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= deck.order.length) return deck;
  const order = [...deck.order];
  [order[i], order[j]] = [order[j], order[i]];
  return { ...deck, order };
}

/** Shows or hides a slide; the last shown slide cannot be hidden (a talk has at least one slide). */
export function setSlideShown(deck: SlideDeck, slide: Slide, shown: boolean): SlideDeck {
  if (shown) return { ...deck, hidden: deck.hidden.filter((s) => s !== slide) };
  if (deck.hidden.includes(slide) || shownSlides(deck).length <= 1) return deck;
  return { ...deck, hidden: [...deck.hidden, slide] };
}

export function setSlideNote(deck: SlideDeck, slide: Slide, text: string): SlideDeck {
  const notes = { ...deck.notes };
  if (text.trim() === '') delete notes[slide];
  else notes[slide] = text.slice(0, MAX_NOTE_LENGTH);
  return { ...deck, notes };
}

/** The arrangement carried to a period with no deck of its own: order and hidden slides, not the notes. */
export function arrangementOf(deck: SlideDeck): SlideDeck {
  return { order: deck.order, hidden: deck.hidden, notes: {} };
}

export type SlideCommand = 'next' | 'previous' | 'first' | 'last' | 'exit' | 'fullscreen' | 'zoom-in' | 'zoom-out' | null;

/** The presenter's keys: what clickers send (PageDown/PageUp), arrows, space, Home/End, Esc, F, + and − (map zoom). */
export function commandForKey(key: string, shift = false): SlideCommand {
  switch (key) {
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': case 'Enter': return 'next';
    case ' ': return shift ? 'previous' : 'next';
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'Backspace': return 'previous';
    case 'Home': return 'first';
    case 'End': return 'last';
    case 'Escape': return 'exit';
    case 'f': case 'F': return 'fullscreen';
    case '+': case '=': return 'zoom-in';
    case '-': case '_': return 'zoom-out';
    default: return null;
  }
}

/**
 * Whether a focused control keeps a key for itself rather than the talk: text fields and lists keep every key, a
 * button, link or checkbox only the keys that press it (space, Enter) — so after a click on Talarvy the arrows and
 * the clicker still change slides.
 */
export function controlKeepsKey(tagName: string, inputType: string | null, key: string): boolean {
  const presses = key === ' ' || key === 'Enter';
  switch (tagName) {
    case 'TEXTAREA': return true;
    // A list keeps the keys that move in it, but not a clicker's page keys.
    case 'SELECT': return key !== 'PageDown' && key !== 'PageUp';
    case 'INPUT': return inputType === 'checkbox' || inputType === 'radio' || inputType === 'button' ? presses : true;
    case 'BUTTON': case 'A': return presses;
    default: return false;
  }
}

export function moveSlide(index: number, command: SlideCommand, count: number): number {
  switch (command) {
    case 'next': return Math.min(count - 1, index + 1);
    case 'previous': return Math.max(0, index - 1);
    case 'first': return 0;
    case 'last': return count - 1;
    default: return index;
  }
}
