// After an action whose button may be gone once the screen shows its result (taking a
// conversation removes "Assign to me", a rolled-back version has no "Roll back"), the keyboard
// focus would fall to the page and a keyboard or screen-reader user would start over at its top.
// useFocusAfter moves it where the work goes on, once React has drawn the result, and only when
// the focus was lost: a control that is still there keeps it.
import { useCallback, useEffect, useRef, useState } from 'react';

/** The focused control was removed or disabled, so the page itself has the focus. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/** A function to call when an action is done; `move(target)` then runs after the next render, if the focus was lost. */
export function useFocusAfter<T>(move: (target: T) => void): (target: T) => void {
  const [done, setDone] = useState<{ target: T } | null>(null);
  const mover = useRef(move);
  mover.current = move;
  useEffect(() => {
    if (done === null) return;
    setDone(null);
    if (focusLost()) mover.current(done.target);
  }, [done]);
  return useCallback((target: T) => setDone({ target }), []);
}
