// Safe pieces of SQL text. Identifiers (often from CSV headers) are always double-quoted with inner quotes
// doubled; values are passed as parameters wherever DuckDB allows it, and only through `literal` where a
// statement cannot take parameters (e.g. table function arguments).
export function quoteIdentifier(name: string): string {
  if (name.includes('\u0000')) throw new Error('Identifier contains a NUL character');
  return `"${name.replaceAll('"', '""')}"`;
}

export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value.includes('\u0000')) throw new Error('String contains a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}
