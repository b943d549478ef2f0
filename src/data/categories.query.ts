// Whether a category names any incident: a link's category filter spelt differently from the data ("stöld" for
// "Stöld", a category from another data set) shows 0 everywhere, so the filter's chip says why.
import { literal } from './sql-text';

/**
 * One row, `found` BOOLEAN: at least `atLeast` incidents (any source, any time) have exactly this category. The
 * analyst's view asks for 1; public view for k, since "none has it" beside "some have it" told 0 from 1–4 (helper-64).
 */
export function categoryFoundSql(category: string, atLeast = 1): string {
  return `SELECT count(*) >= ${Math.max(1, Math.trunc(atLeast))} AS found FROM (SELECT 1 FROM incidents WHERE category = ${literal(category)} LIMIT ${Math.max(1, Math.trunc(atLeast))})`;
}
