// Text with the search term marked wherever search finds it (the same folding as the search:
// "yilmaz" marks "Yılmaz"). Marks are <mark>, so high-contrast modes and screen readers know them.
import { Fragment } from 'react';
import { matchRanges } from '../../shared/fold';

export function Highlight({ text, term }: { text: string; term: string | undefined }) {
  const ranges = term ? matchRanges(text, term) : [];
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(<Fragment key={`t${i}`}>{text.slice(at, start)}</Fragment>);
    parts.push(<mark key={`m${i}`}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

/** Up to `radius` characters either side of the first match, with "…" where the text was cut. */
export function snippet(text: string, term: string, radius = 16): string {
  const [first] = matchRanges(text, term);
  if (!first) return text;
  const start = Math.max(0, first[0] - radius);
  const end = Math.min(text.length, first[1] + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
