interface Props {
  label: string;
  value: string;
  note?: string;
  testId?: string;
  pending?: boolean;
  /** A fact about the setup (how many areas are loaded), not a count of events: public view leaves it alone. */
  notCount?: boolean;
}

export function KeyFigure({ label, value, note, testId, pending, notCount, title }: Props & { title?: string }) {
  return (
    <div className="key-figure" aria-busy={pending || undefined}>
      <div className="key-figure-label">{label}</div>
      <div className="key-figure-value" data-testid={testId} data-not-count={notCount ? '' : undefined} title={title} aria-label={title ? `${value} (${title})` : undefined}>{value}</div>
      {note && <div className="key-figure-note">{note}</div>}
    </div>
  );
}
