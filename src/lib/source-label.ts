// How a source (the `source` column: a file's name, "Polisens händelser", the example's) is named on screen. Sources
// are data and shown as they are — except the example's, which the app itself wrote: it follows the language
// ("Exempelkommun (invented)" in English; it showed in Swedish there). Filters and links keep the stored value.

/** The `source` of every row of the example (data/example-load.ts writes it). */
export const EXAMPLE_SOURCE = 'Exempelkommun (påhittad)';

/** The source as the page shows it; `t` is i18next's (key lagesbild.exampleName). Plain text, never HTML. */
export function sourceLabel(source: string, t: (key: string) => string): string {
  return source === EXAMPLE_SOURCE ? t('lagesbild.exampleName') : source;
}
