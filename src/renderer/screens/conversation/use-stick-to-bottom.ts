// Scroll behaviour of the message log, as in Slack: it opens at the newest message, follows new
// ones while the agent is at the bottom (else offers a "New messages" pill), and keeps the view
// still when older messages are put above it. The browser's own scroll anchoring is switched off
// in CSS (overflow-anchor: none) so that only this code moves the view.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

const NEAR_BOTTOM_PX = 48;
const NEAR_TOP_PX = 120;

interface Edges {
  first: string | null;
  last: string | null;
  /** The newest row is the agent's own (just sent): always scroll to it. */
  lastIsMine: boolean;
}

export function useStickToBottom(
  scroller: RefObject<HTMLDivElement | null>,
  content: RefObject<HTMLDivElement | null>,
  edges: Edges,
  onNearTop: () => void,
) {
  const atBottom = useRef(true);
  const previous = useRef<Edges & { scrollHeight: number }>({ first: null, last: null, lastIsMine: false, scrollHeight: 0 });
  const [hasNew, setHasNew] = useState(false);

  const scrollToBottom = useCallback(
    (smooth = false) => {
      const el = scroller.current;
      if (!el) return;
      const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      el.scrollTo({ top: el.scrollHeight, behavior: smooth && !reduce ? 'smooth' : 'auto' });
      atBottom.current = true;
      setHasNew(false);
    },
    [scroller],
  );

  // After every change of the rows, before paint: decide where the view goes.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = previous.current;
    if (before.first === null && before.last === null) {
      el.scrollTop = el.scrollHeight; // first rows: open at the newest message
    } else if (edges.first !== before.first && edges.last === before.last) {
      el.scrollTop += el.scrollHeight - before.scrollHeight; // older rows above: keep the view
    } else if (edges.last !== before.last) {
      if (atBottom.current || edges.lastIsMine) {
        el.scrollTop = el.scrollHeight;
        atBottom.current = true;
        setHasNew(false);
      } else setHasNew(true);
    }
    previous.current = { ...edges, scrollHeight: el.scrollHeight };
  }, [scroller, edges]);

  // The log or its content changes size (the composer grows, the window is resized, a font
  // loads): stay at the bottom if that is where the agent was.
  useLayoutEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
      previous.current = { ...previous.current, scrollHeight: el.scrollHeight };
    });
    observer.observe(el);
    observer.observe(inner);
    return () => observer.disconnect();
  }, [scroller, content]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (atBottom.current) setHasNew(false);
    if (el.scrollTop < NEAR_TOP_PX) onNearTop();
  }, [scroller, onNearTop]);

  return { hasNew, scrollToBottom, onScroll };
}
