// Pure: which slides a presentation has and how the keyboard moves between them.
export const SLIDES = ['title', 'summary', 'figures', 'development', 'map', 'categories', 'goals'] as const;
export type Slide = (typeof SLIDES)[number];

export type SlideCommand = 'next' | 'previous' | 'first' | 'last' | 'exit' | 'fullscreen' | null;

/** The presenter's keys: what clickers send (PageDown/PageUp), arrows, space, Home/End, Esc, F. */
export function commandForKey(key: string, shift = false): SlideCommand {
  switch (key) {
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': case 'Enter': return 'next';
    case ' ': return shift ? 'previous' : 'next';
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'Backspace': return 'previous';
    case 'Home': return 'first';
    case 'End': return 'last';
    case 'Escape': return 'exit';
    case 'f': case 'F': return 'fullscreen';
    default: return null;
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
