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

/**
 * `exposure` is the current period's length over the previous one's (1 when equally long): a three-week period
 * (v. 51–53) is compared with 3/2 of a two-week one, i.e. per day.
 */
export function compareCounts(current: number, previous: number, exposure = 1): CountChange {
  const expected = previous * exposure;
  const z = 2 * (Math.sqrt(current) - Math.sqrt(expected));
  return { current, previous, change: expected > 0 ? current / expected - 1 : null, z, significant: Math.abs(z) >= COMPSTAT_CRITICAL_Z };
}
