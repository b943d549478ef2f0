// Query results as plain row objects, the shape every model takes: Arrow tables from the coordinator become
// arrays of objects, and BIGINT counts become numbers (counts here stay far below 2^53).
interface ArrowLike {
  toArray(): unknown[];
}

/** The rows of an Arrow table (flechette's, as the coordinator returns them), BIGINTs as numbers. */
export function arrowRows<T>(data: unknown): T[] {
  const rows = (data as ArrowLike).toArray() as Record<string, unknown>[];
  return rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) out[k] = typeof v === 'bigint' ? Number(v) : v;
    return out as T;
  });
}
