// Is a change between two counts more than chance? The CompStat test (a square-root transform of Poisson
// counts): z = 2(√current − √previous), significant at 95 % when |z| ≥ 1.96. Stated on screen wherever used.
export const COMPSTAT_CRITICAL_Z = 1.96;

export interface CountChange {
  current: number;
  previous: number;
  /** (current − previous) / previous; null when previous is 0. */
  change: number | null;
  z: number;
  significant: boolean;
}

export function compareCounts(current: number, previous: number): CountChange {
  const z = 2 * (Math.sqrt(current) - Math.sqrt(previous));
  return { current, previous, change: previous > 0 ? current / previous - 1 : null, z, significant: Math.abs(z) >= COMPSTAT_CRITICAL_Z };
}
