interface Props {
  label: string;
  value: string;
  note?: string;
  testId?: string;
  pending?: boolean;
}

export function KeyFigure({ label, value, note, testId, pending }: Props) {
  return (
    <div className="key-figure" aria-busy={pending || undefined}>
      <div className="key-figure-label">{label}</div>
      <div className="key-figure-value" data-testid={testId}>{value}</div>
      {note && <div className="key-figure-note">{note}</div>}
    </div>
  );
}
