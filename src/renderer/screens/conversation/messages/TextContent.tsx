// Text as the customer wrote it: line breaks kept (CSS pre-wrap), http(s)/mailto addresses as
// links that open in the browser, everything else — markup included — as literal text.
import { useMemo } from 'react';
import { linkify } from '../linkify';

export function TextContent({ text }: { text: string }) {
  const segments = useMemo(() => linkify(text), [text]);
  return (
    <p className="msg-text">
      {segments.map((segment, i) =>
        segment.kind === 'text' ? (
          segment.text
        ) : (
          <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer">
            {segment.text}
          </a>
        ),
      )}
    </p>
  );
}
