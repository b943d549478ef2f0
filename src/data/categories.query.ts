// Whether a category names any incident: a link's category filter spelt differently from the data ("stöld" for
// "Stöld", a category from another data set) shows 0 everywhere, so the filter's chip says why.
import { literal } from './sql-text';

/** One row, `found` BOOLEAN: some incident (any source, any time) has exactly this category. */
export function categoryFoundSql(category: string): string {
  return `SELECT EXISTS (SELECT 1 FROM incidents WHERE category = ${literal(category)}) AS found`;
}
