import { useEffect, useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'> & {
  value: number;
  min: number;
  max: number;
  /** Called with each whole number in [min, max] the user types; anything else is not passed on. */
  onCommit: (value: number) => void;
};

/**
 * A number input for a whole number in [min, max] that the user can empty and retype: what is typed is kept as typed
 * (a controlled `value={n}` put the old number back on every keystroke that was not yet a number, so emptying "2027"
 * and typing gave "12027"), passed on only when it is a whole number in range, marked invalid meanwhile, and put back
 * to the last good value when the field is left.
 */
export function WholeNumberField({ value, min, max, onCommit, onBlur, ...rest }: Props) {
  const [draft, setDraft] = useState(String(value));
  // A change from outside (a replan) shows.
  useEffect(() => setDraft((d) => (parseWhole(d, min, max) === value ? d : String(value))), [value, min, max]);
  const valid = parseWhole(draft, min, max) !== null;
  return (
    <input
      {...rest} type="number" inputMode="numeric" step={1} min={min} max={max} value={draft} aria-invalid={!valid}
      onChange={(e) => {
        setDraft(e.target.value);
        const n = parseWhole(e.target.value, min, max);
        if (n !== null && n !== value) onCommit(n);
      }}
      onBlur={(e) => { if (!valid) setDraft(String(value)); onBlur?.(e); }}
    />
  );
}

/** The whole number `text` writes, if it is one in [min, max]; else null ("2026.5", "99999", "" are not). */
export function parseWhole(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}
