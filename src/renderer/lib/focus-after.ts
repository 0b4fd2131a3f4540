// After an action whose button may be gone once the screen shows its result (taking a
// conversation removes "Assign to me", a rolled-back version has no "Roll back"), the keyboard
// focus would fall to the page and a keyboard or screen-reader user would start over at its top.
// useFocusAfter moves it where the work goes on, once React has drawn the result, when the focus
// was lost or is still on the controls that acted (which may vanish only a moment later, when the
// change comes back from main): anywhere else the agent put it meanwhile, it stays.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** The focused control was removed or disabled, so the page itself has the focus. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/** A function to call when an action is done; `move(target)` then runs after the next render, if the focus was lost or is in `from`. */
export function useFocusAfter<T>(move: (target: T) => void, from?: RefObject<HTMLElement | null>): (target: T) => void {
  const [done, setDone] = useState<{ target: T } | null>(null);
  const mover = useRef(move);
  mover.current = move;
  useEffect(() => {
    if (done === null) return;
    setDone(null);
    if (focusLost() || from?.current?.contains(document.activeElement)) mover.current(done.target);
  }, [done, from]);
  return useCallback((target: T) => setDone({ target }), []);
}
