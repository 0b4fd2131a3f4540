// A number of minutes as Settings takes them (1 to 240), saved when the field is left or on
// Enter: the idle time before auto-away, the queue's wait thresholds.
export function MinutesInput({
  value,
  invalid,
  onChange,
  onCommit,
  ...aria
}: {
  value: string;
  invalid: boolean;
  onChange: (text: string) => void;
  onCommit: () => void;
  id?: string;
  'aria-describedby'?: string;
}) {
  return (
    <input
      {...aria}
      type="number"
      inputMode="numeric"
      min={1}
      max={240}
      step={1}
      value={value}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onCommit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onCommit();
      }}
    />
  );
}
