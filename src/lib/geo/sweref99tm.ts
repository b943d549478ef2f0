// SWEREF 99 TM (EPSG:3006), the national grid: hot-spot cells are squares in its metres, aligned like SCB's
// grid statistics (rutor). The forward projection is Lantmäteriet's Gauss–Krüger formulas ("Gauss
// konforma projektion", 2008), written once here as numbers so the same constants can be turned into SQL
// (data/grid.query.ts) and checked against proj4 in the unit tests.

const A = 6378137; // GRS 80
const F = 1 / 298.257222101;
export const CENTRAL_MERIDIAN = 15;
export const SCALE = 0.9996;
export const FALSE_EASTING = 500000;

const E2 = F * (2 - F);
const N = F / (2 - F);
export const A_ROOF = (A / (1 + N)) * (1 + (N * N) / 4 + (N ** 4) / 64);
export const CONFORMAL = {
  a: E2,
  b: (5 * E2 ** 2 - E2 ** 3) / 6,
  c: (104 * E2 ** 3 - 45 * E2 ** 4) / 120,
  d: (1237 * E2 ** 4) / 1260,
};
export const BETA = [
  N / 2 - (2 * N ** 2) / 3 + (5 * N ** 3) / 16 + (41 * N ** 4) / 180,
  (13 * N ** 2) / 48 - (3 * N ** 3) / 5 + (557 * N ** 4) / 1440,
  (61 * N ** 3) / 240 - (103 * N ** 4) / 140,
  (49561 * N ** 4) / 161280,
];

/** WGS 84 / SWEREF 99 latitude and longitude in degrees → SWEREF 99 TM easting and northing in metres. */
export function toSweref99tm(lat: number, lon: number): { e: number; n: number } {
  const phi = (lat * Math.PI) / 180;
  const dLambda = ((lon - CENTRAL_MERIDIAN) * Math.PI) / 180;
  const s = Math.sin(phi) ** 2;
  const phiStar = phi - Math.sin(phi) * Math.cos(phi) * (CONFORMAL.a + CONFORMAL.b * s + CONFORMAL.c * s * s + CONFORMAL.d * s * s * s);
  const xi = Math.atan(Math.tan(phiStar) / Math.cos(dLambda));
  const eta = Math.atanh(Math.cos(phiStar) * Math.sin(dLambda));
  let x = xi;
  let y = eta;
  BETA.forEach((b, i) => {
    const k = 2 * (i + 1);
    x += b * Math.sin(k * xi) * Math.cosh(k * eta);
    y += b * Math.cos(k * xi) * Math.sinh(k * eta);
  });
  return { n: SCALE * A_ROOF * x, e: SCALE * A_ROOF * y + FALSE_EASTING };
}

// The inverse (grid → latitude and longitude), Lantmäteriet's formulas for "plana → geodetiska koordinater" in the
// same document: a series in n for the conformal latitude, then a series in e² back to the geodetic one. Accurate to
// well under a millimetre within a zone; checked against proj4 in the unit tests (sweref-inverse.test.ts).
export const DELTA = [
  N / 2 - (2 * N ** 2) / 3 + (37 * N ** 3) / 96 - (N ** 4) / 360,
  (N ** 2) / 48 + (N ** 3) / 15 - (437 * N ** 4) / 1440,
  (17 * N ** 3) / 480 - (37 * N ** 4) / 840,
  (4397 * N ** 4) / 161280,
];
export const GEODETIC = {
  a: E2 + E2 ** 2 + E2 ** 3 + E2 ** 4,
  b: -(7 * E2 ** 2 + 17 * E2 ** 3 + 30 * E2 ** 4) / 6,
  c: (224 * E2 ** 3 + 889 * E2 ** 4) / 120,
  d: -(4279 * E2 ** 4) / 1260,
};

/** A Transverse Mercator zone on GRS 80 (SWEREF 99 TM and its twelve local zones): central meridian in degrees. */
export interface TmZone { centralMeridian: number; scale: number; falseEasting: number }

export const SWEREF99TM_ZONE: TmZone = { centralMeridian: CENTRAL_MERIDIAN, scale: SCALE, falseEasting: FALSE_EASTING };

/** Northing and easting in metres in `zone` → latitude and longitude in degrees (SWEREF 99, which is WGS 84 here). */
export function fromTmGrid(north: number, east: number, zone: TmZone): { lat: number; lon: number } {
  const xi = north / (zone.scale * A_ROOF);
  const eta = (east - zone.falseEasting) / (zone.scale * A_ROOF);
  let x = xi;
  let y = eta;
  DELTA.forEach((d, i) => {
    const k = 2 * (i + 1);
    x -= d * Math.sin(k * xi) * Math.cosh(k * eta);
    y -= d * Math.cos(k * xi) * Math.sinh(k * eta);
  });
  const phiStar = Math.asin(Math.sin(x) / Math.cosh(y));
  const dLambda = Math.atan2(Math.sinh(y), Math.cos(x));
  const s = Math.sin(phiStar) ** 2;
  const phi = phiStar + Math.sin(phiStar) * Math.cos(phiStar) * (GEODETIC.a + GEODETIC.b * s + GEODETIC.c * s * s + GEODETIC.d * s * s * s);
  return { lat: (phi * 180) / Math.PI, lon: zone.centralMeridian + (dLambda * 180) / Math.PI };
}
