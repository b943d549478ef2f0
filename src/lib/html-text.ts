// Text as HTML that shows it literally. For the few libraries that take HTML where we have text (MapLibre's
// attribution): a tile attribution typed in Inställningar must never become a link or markup on the map.
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
