// Pure: how much to shrink a block so it fits a height — the one-page picture on an A4 sheet or a slide. Shrinking
// (CSS zoom) keeps every line; below `min` the text would be too small to read, and the caller shortens instead.

/**
 * The zoom (≤ 1) at which content `height` px tall fits `available` px, never below `min`.
 * @param height the content's height at zoom 1, in CSS px; 0 or less gives 1.
 * @param available the height it must fit, in CSS px.
 */
export function fitZoom(height: number, available: number, min = 0.6): number {
  if (!(height > 0) || !(available > 0) || height <= available) return 1;
  return Math.max(min, Math.floor((available / height) * 1000) / 1000);
}

/** The printable height of an A4 portrait sheet with 12 mm margins, in CSS px (96 per inch), less 4 % for rounding between screen and print layout. */
export const A4_PORTRAIT_PRINTABLE_PX = ((297 - 24) / 25.4) * 96 * 0.96;
