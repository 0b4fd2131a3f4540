// Text as the customer wrote it: line breaks kept (CSS pre-wrap), http(s)/mailto addresses as
// links that open in the browser, everything else — markup included — as literal text. The
// inbox's search term is marked where it occurs.
import { useMemo } from 'react';
import { Highlight } from '../../../components/Highlight';
import { useStore } from '../../../store/store';
import { linkify } from '../linkify';

export function TextContent({ text }: { text: string }) {
  const segments = useMemo(() => linkify(text), [text]);
  const term = useStore((s) => s.filter.search);
  return (
    <p className="msg-text">
      {segments.map((segment, i) =>
        segment.kind === 'text' ? (
          <Highlight key={i} text={segment.text} term={term} />
        ) : (
          <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer">
            <Highlight text={segment.text} term={term} />
          </a>
        ),
      )}
    </p>
  );
}
