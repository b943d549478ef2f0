import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { fromWgs84, guessCrs, insideSweden, SUPPORTED_CRS, toWgs84 } from '../../src/lib/parsing/coordinates';
import { parseDateTime, parsePoliceEventName } from '../../src/lib/parsing/swedish-datetime';
import { guessDecimalMark, INTERNATIONAL_NUMBERS, parseNumber } from '../../src/lib/parsing/swedish-number';
import { decodeText, detectEncoding } from '../../src/lib/parsing/text-encoding';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

describe('coordinates', () => {
  // Lantmäteriet's control points ("Kontrollpunkter", SWEREF99_RT90_Samband): geodetic in DMS, grids to the millimetre.
  const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
  const CONTROL_POINTS = [
    { lat: dms(67, 5, 26.452769), lon: dms(21, 2, 5.101575), tm: [7_454_204.638, 761_811.242], rt90: [7_453_389.762, 1_727_060.905] },
    { lat: dms(63, 32, 14.761735), lon: dms(16, 14, 59.594626), tm: [7_046_077.605, 562_140.337], rt90: [7_047_738.415, 1_522_128.637] },
    { lat: dms(60, 9, 33.882413), lon: dms(14, 45, 28.167152), tm: [6_669_189.376, 486_557.055], rt90: [6_671_665.273, 1_441_843.186] },
    { lat: dms(56, 21, 17.199245), lon: dms(13, 52, 23.754022), tm: [6_246_136.458, 430_374.835], rt90: [6_249_111.351, 1_380_573.079] },
  ];
  it('matches Lantmäteriet control points for SWEREF 99 TM to the millimetre, both directions', () => {
    for (const p of CONTROL_POINTS) {
      const grid = fromWgs84('EPSG:3006', p.lat, p.lon);
      expect(grid.north).toBeCloseTo(p.tm[0], 2);
      expect(grid.east).toBeCloseTo(p.tm[1], 2);
      const back = toWgs84('EPSG:3006', p.tm[0], p.tm[1]);
      expect(back.lat).toBeCloseTo(p.lat, 7);
      expect(back.lon).toBeCloseTo(p.lon, 7);
    }
  });

  it('matches Lantmäteriet control points for RT 90 within a metre (proj4 uses the 7-parameter datum shift)', () => {
    for (const p of CONTROL_POINTS) {
      const { lat, lon } = toWgs84('EPSG:3021', p.rt90[0], p.rt90[1]);
      expect(Math.abs(lat - p.lat) * 111_320).toBeLessThan(1);
      expect(Math.abs(lon - p.lon) * 111_320 * Math.cos((p.lat * Math.PI) / 180)).toBeLessThan(1);
      expect(guessCrs([[p.rt90[0], p.rt90[1]]])?.crs).toBe('EPSG:3021');
    }
  });

  it('gives, from its kept converters, exactly what a fresh proj4 call gives, in every supported system and both directions, call after call', () => {
    const points = [[59.3274, 18.0544], [57.7089, 11.9746], [67.8558, 20.2253], [55.605, 13.0038]] as const;
    for (const crs of SUPPORTED_CRS.filter((c) => c !== 'EPSG:4326')) {
      for (let round = 0; round < 2; round++) {
        for (const [lat, lon] of points) {
          const [east, north] = proj4('WGS84', crs, [lon, lat]);
          expect(fromWgs84(crs, lat, lon)).toEqual({ north, east });
          const [backLon, backLat] = proj4(crs, 'WGS84', [east, north]);
          expect(toWgs84(crs, north, east)).toEqual({ lat: backLat, lon: backLon });
        }
      }
    }
  });

  it('round-trips every supported system to within a decimetre', () => {
    const points = [[59.3274, 18.0544], [57.7089, 11.9746], [67.8558, 20.2253], [55.605, 13.0038]] as const;
    for (const crs of ['EPSG:3006', 'EPSG:3011', 'EPSG:3007', 'EPSG:3021'] as const) {
      for (const [lat, lon] of points) {
        const { north, east } = fromWgs84(crs, lat, lon);
        const back = toWgs84(crs, north, east);
        expect(back.lat).toBeCloseTo(lat, 6);
        expect(back.lon).toBeCloseTo(lon, 6);
      }
    }
  });

  it('places RT 90 and SWEREF 99 TM of the same point within a metre of each other', () => {
    const sweref = fromWgs84('EPSG:3006', 59.3274, 18.0544);
    const rt90 = fromWgs84('EPSG:3021', 59.3274, 18.0544);
    expect(rt90.east).toBeGreaterThan(1_500_000);
    const a = toWgs84('EPSG:3006', sweref.north, sweref.east);
    const b = toWgs84('EPSG:3021', rt90.north, rt90.east);
    expect(Math.abs(a.lat - b.lat) * 111_000).toBeLessThan(1);
  });

  it('recognises systems and N/E order by magnitude', () => {
    expect(guessCrs([[59.33, 18.05], [57.7, 11.97]])).toEqual({ crs: 'EPSG:4326', order: 'north-east', ambiguous: false });
    expect(guessCrs([[18.05, 59.33], [11.97, 57.7]])).toEqual({ crs: 'EPSG:4326', order: 'east-north', ambiguous: false });
    expect(guessCrs([[6_580_126, 673_905], [6_400_000, 700_000]])).toEqual({ crs: 'EPSG:3006', order: 'north-east', ambiguous: false });
    expect(guessCrs([[673_905, 6_580_126]])).toEqual({ crs: 'EPSG:3006', order: 'east-north', ambiguous: false });
    expect(guessCrs([[6_580_000, 1_628_000]])?.crs).toBe('EPSG:3021');
    // Eastings 250–320 km fit both TM and a local zone: ask.
    expect(guessCrs([[6_580_000, 300_000]])?.ambiguous).toBe(true);
    expect(guessCrs([[6_580_000, 150_000]])).toMatchObject({ order: 'north-east', ambiguous: true });
    expect(guessCrs([[12, 13]])).toBeNull();
    // One bad row among good ones does not decide the system.
    const good: [number, number][] = Array.from({ length: 9 }, (_, i) => [6_580_000 + i, 674_000 + i]);
    expect(guessCrs([...good, [1, 2]])).toEqual({ crs: 'EPSG:3006', order: 'north-east', ambiguous: false });
    expect(guessCrs([[6_580_000, 674_000], [1, 2]])).toBeNull();
  });

  it('knows what is inside Sweden', () => {
    expect(insideSweden(59.33, 18.05)).toBe(true);
    expect(insideSweden(52.52, 13.4)).toBe(false);
  });
});

describe('Swedish numbers', () => {
  it('reads decimal comma, space-like thousands separators and the real minus sign', () => {
    expect(parseNumber('1 234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('1\u00a0234')).toEqual({ ok: true, value: 1234 });
    expect(parseNumber('12\u202f345,25')).toEqual({ ok: true, value: 12345.25 });
    expect(parseNumber('\u22123,5')).toEqual({ ok: true, value: -3.5 });
    expect(parseNumber('')).toEqual({ ok: true, value: null });
    expect(parseNumber('1.234,5')).toEqual({ ok: false, reason: 'unparsable-number' });
    expect(parseNumber('abc')).toEqual({ ok: false, reason: 'unparsable-number' });
    expect(parseNumber('3.5', INTERNATIONAL_NUMBERS)).toEqual({ ok: true, value: 3.5 });
    // Spaces group thousands under a point as well, as the import's SQL reads them (helper-59: "6 580 822" refused).
    for (const v of ['6 580 822', '6\u00a0580\u00a0822', '6\u202f580\u202f822']) expect(parseNumber(v, INTERNATIONAL_NUMBERS)).toEqual({ ok: true, value: 6580822 });
    expect(parseNumber('6 580 822.5', INTERNATIONAL_NUMBERS)).toEqual({ ok: true, value: 6580822.5 });
  });

  it('guesses the decimal mark of a column', () => {
    expect(guessDecimalMark(['1,5', '2,25', '3'])).toBe(',');
    expect(guessDecimalMark(['1.5', '2.25', '3'])).toBe('.');
  });
});

describe('Swedish dates and times', () => {
  it('reads the forms exports use', () => {
    expect(parseDateTime('2026-03-01 22:15')).toEqual({ ok: true, value: '2026-03-01 22:15:00' });
    expect(parseDateTime('2026-03-01', '22.15')).toEqual({ ok: true, value: '2026-03-01 22:15:00' });
    expect(parseDateTime('2025-01-01 7:32:06')).toEqual({ ok: true, value: '2025-01-01 07:32:06' });
    expect(parseDateTime('2026-03-01T22:15:30')).toEqual({ ok: true, value: '2026-03-01 22:15:30' });
    expect(parseDateTime('31/8 2001')).toEqual({ ok: true, value: '2001-08-31 00:00:00' });
    expect(parseDateTime('20260301', '0745')).toEqual({ ok: true, value: '2026-03-01 07:45:00' });
  });

  it('converts offsets to Swedish local time, across DST', () => {
    expect(parseDateTime('2025-01-01 0:49:20 +01:00')).toEqual({ ok: true, value: '2025-01-01 00:49:20' });
    expect(parseDateTime('2025-07-01 10:00:00 +00:00')).toEqual({ ok: true, value: '2025-07-01 12:00:00' });
    expect(parseDateTime('2025-01-01T10:00:00Z')).toEqual({ ok: true, value: '2025-01-01 11:00:00' });
    // Epoch milliseconds and seconds (UTC): 2026-01-01T00:00:00Z is 01:00 in Sweden.
    expect(parseDateTime('1767225600000')).toEqual({ ok: true, value: '2026-01-01 01:00:00' });
    expect(parseDateTime('1767225600')).toEqual({ ok: true, value: '2026-01-01 01:00:00' });
    expect(parseDateTime('2026-07-01 10:01:00+00')).toEqual({ ok: true, value: '2026-07-01 12:01:00' });
    expect(parseDateTime('2026-01-15 23:30:00-0130')).toEqual({ ok: true, value: '2026-01-16 02:00:00' });
    // 00:30 UTC on the autumn switch day is 02:30 CEST (the first 02:30).
    expect(parseDateTime('2026-10-25T00:30:00Z')).toEqual({ ok: true, value: '2026-10-25 02:30:00' });
  });

  it('rejects what is not a date, with a reason', () => {
    expect(parseDateTime('2026-02-30')).toEqual({ ok: false, reason: 'no-such-date' });
    expect(parseDateTime('igår')).toEqual({ ok: false, reason: 'bad-date' });
    expect(parseDateTime('2026-02-03', '25:00')).toEqual({ ok: false, reason: 'bad-time' });
    expect(parseDateTime('')).toEqual({ ok: false, reason: 'missing-date' });
  });

  it('reads the event time from a police event name', () => {
    expect(parsePoliceEventName('06 juni 18.50, Trafikbrott, Kungsör', '2025-06-06 19:02:11')).toEqual({ ok: true, value: '2025-06-06 18:50:00' });
    expect(parsePoliceEventName('31 december 23.40, Brand, Umeå', '2026-01-01 00:12:00')).toEqual({ ok: true, value: '2025-12-31 23:40:00' });
    expect(parsePoliceEventName('Sammanfattning natt', '2026-01-01 00:12:00').ok).toBe(false);
  });

  it('never puts an event more than a week after its publication: the year is the latest that does not (helper-62, helper-64)', () => {
    // The real cases: published 26 August 2025, "18 september" is 18 September 2024 (an update; it was 2025, three
    // weeks ahead); announced on Thursday 13 June 2024, "17 juni" (Presstelefonen on Monday) is 17 June 2024 (it was 2023).
    expect(parsePoliceEventName('18 september 12.27, Anträffad död, Karlstad', '2025-08-26 12:51:59')).toEqual({ ok: true, value: '2024-09-18 12:27:00' });
    expect(parsePoliceEventName('17 juni 07.00, Övrigt, Örebro län', '2024-06-13 5:56:19')).toEqual({ ok: true, value: '2024-06-17 07:00:00' });
    // Announced across the new year: the next January.
    expect(parsePoliceEventName('02 januari 07.00, Övrigt, Dalarnas län', '2025-12-30 06:01:22')).toEqual({ ok: true, value: '2026-01-02 07:00:00' });
    // A time updated later the same day (25 december 23.55, published 10:07) stays in the publication's year.
    expect(parsePoliceEventName('25 december 23.55, Mord/dråp, Bollebygd', '2024-12-25 10:07:22')).toEqual({ ok: true, value: '2024-12-25 23:55:00' });
    // 29 February is of the latest leap year that fits.
    expect(parsePoliceEventName('29 februari 10.00, Stöld, Malmö', '2025-03-02 08:00:00')).toEqual({ ok: true, value: '2024-02-29 10:00:00' });
    // Every month's 1st, 15th and last day at 12.00, against publications through a leap year and the next, at 08:00:
    // the expected year computed here by trying the three years with JS dates.
    const pad = (n: number) => String(n).padStart(2, '0');
    const week = 7 * 86_400_000;
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2025, 11, 31); day += 3 * 86_400_000) {
      const pub = new Date(day);
      const published = `${pub.getUTCFullYear()}-${pad(pub.getUTCMonth() + 1)}-${pad(pub.getUTCDate())} 08:00:00`;
      const publishedAt = day + 8 * 3_600_000;
      MONTHS.forEach((monthName, month) => {
        for (const d of [1, 15, new Date(Date.UTC(2024, month + 1, 0)).getUTCDate()]) {
          const years = [pub.getUTCFullYear() + 1, pub.getUTCFullYear(), pub.getUTCFullYear() - 1].filter((y) => new Date(Date.UTC(y, month, d)).getUTCDate() === d);
          const y = years.find((year) => Date.UTC(year, month, d, 12) <= publishedAt + week) ?? null;
          const got = parsePoliceEventName(`${pad(d)} ${monthName} 12.00, Stöld, Malmö`, published);
          if (y === null) expect(got.ok, `${d} ${monthName} / ${published}`).toBe(false);
          else {
            expect(got, `${d} ${monthName} / ${published}`).toEqual({ ok: true, value: `${y}-${pad(month + 1)}-${pad(d)} 12:00:00` });
            // Within a week after the publication and less than a year before it (29 February: the last leap year's).
            const at = Date.UTC(y, month, d, 12);
            expect(at - publishedAt).toBeLessThanOrEqual(week);
            if (!(month === 1 && d === 29)) expect(publishedAt - at).toBeLessThan(367 * 86_400_000);
          }
        }
      });
    }
  });
});

describe('text encodings', () => {
  const cp1252 = new Uint8Array([0x44, 0x61, 0x74, 0x75, 0x6d, 0x3b, 0x48, 0xe4, 0x6e, 0x64, 0x65, 0x6c, 0x73, 0x65, 0x0d, 0x0a]); // "Datum;Händelse\r\n"
  it('tells UTF-8, BOMs, UTF-16 and Windows-1252 apart', () => {
    expect(detectEncoding(new TextEncoder().encode('Datum;Händelse\n'))).toMatchObject({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toMatchObject({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(cp1252)).toMatchObject({ encoding: 'windows-1252', looksBinary: false });
    expect(decodeText(cp1252, detectEncoding(cp1252))).toBe('Datum;Händelse\r\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Datum\tTid'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const guess = detectEncoding(utf16);
    expect(guess).toMatchObject({ encoding: 'utf-16le', bomLength: 2 });
    expect(decodeText(utf16, guess)).toBe('Datum\tTid');
    const bomless = new Uint8Array([...'Datum;Tid\n'].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(detectEncoding(bomless).encoding).toBe('utf-16be');
  });

  it('keeps a UTF-8 file with a few broken bytes as UTF-8, and Windows-1252 with its å, ä, ö as Windows-1252', () => {
    const good = new TextEncoder().encode('Datum;Händelse;Plats\n' + '2026-05-01;Stöld;Skärgårdsvägen\n'.repeat(20));
    const broken = new Uint8Array([...good.subarray(0, 60), 0xc3, 0x28, 0xff, ...good.subarray(60)]);
    expect(detectEncoding(broken).encoding).toBe('utf-8');
    expect(decodeText(broken, detectEncoding(broken))).toContain('Skärgårdsvägen');
    const swedish1252 = new Uint8Array([...'Datum;Plats\n'].map((c) => c.charCodeAt(0)).concat(...Array.from({ length: 20 }, () => [0x53, 0x6b, 0xe4, 0x72, 0x67, 0xe5, 0x72, 0x64, 0x0a])));
    expect(detectEncoding(swedish1252).encoding).toBe('windows-1252');
  });

  it('flags NUL bytes in a file that is not UTF-16', () => {
    expect(detectEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08, 0x00, 0x41, 0x42])).looksBinary).toBe(true);
  });
});
