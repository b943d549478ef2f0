// Numbers as Swedish exports write them: decimal comma, space / U+00A0 / U+202F as thousands separator,
// U+2212 "−" as minus, sometimes a unit or percent sign. Returns a reason instead of guessing.
export interface NumberFormatOptions {
  decimal: ',' | '.';
  /** Characters accepted as thousands separators. */
  thousands: string[];
}

export const SWEDISH_NUMBERS: NumberFormatOptions = { decimal: ',', thousands: [' ', '\u00a0', '\u202f'] };
// Spaces group thousands under a decimal point too ("6 580 822"), as the import's SQL reads them (numberExpr strips
// them whatever the mark): the preview refused what the import would read (helper-59).
export const INTERNATIONAL_NUMBERS: NumberFormatOptions = { decimal: '.', thousands: [' ', '\u00a0', '\u202f'] };

export type NumberResult = { ok: true; value: number | null } | { ok: false; reason: 'unparsable-number' };

export function parseNumber(raw: string | null | undefined, options: NumberFormatOptions = SWEDISH_NUMBERS): NumberResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  let s = raw.trim();
  if (s === '') return { ok: true, value: null };
  s = s.replace(/^[\u2212\u2013]/, '-');
  for (const sep of options.thousands) s = s.split(sep).join('');
  if (options.decimal === ',') {
    if (s.includes('.') && s.includes(',')) return { ok: false, reason: 'unparsable-number' };
    s = s.replace(',', '.');
  } else if (s.includes(',')) {
    return { ok: false, reason: 'unparsable-number' };
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return { ok: false, reason: 'unparsable-number' };
  const value = Number(s);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'unparsable-number' };
}

/** Which decimal mark a column of samples uses: a comma followed by 1–2 digits and no dots suggests Swedish. */
export function guessDecimalMark(samples: string[]): ',' | '.' {
  let comma = 0;
  let dot = 0;
  for (const s of samples) {
    const t = s.trim();
    if (/^[-+\u2212]?[\d\s\u00a0\u202f]*,\d+$/.test(t)) comma++;
    else if (/^[-+\u2212]?\d*\.\d+$/.test(t)) dot++;
  }
  return comma > dot ? ',' : '.';
}
