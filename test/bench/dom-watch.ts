// In the page: the moment each of a set of words first shows in the inbox list's DOM, in epoch
// ms by the page's clock. A MutationObserver's callback runs right after React's commit changed
// the DOM, so this is "row updated in the DOM", before the paint.
//
// Scripts for the page are strings here and beside: tsx would wrap named functions in a helper
// (`__name`) that exists in Node, not in the page.
import type { Page } from 'playwright-core';

/** Starts recording every match of `pattern` (a RegExp source) as it appears in the list. */
export async function watchList(page: Page, pattern: string): Promise<void> {
  await page.evaluate(`(() => {
    const seen = {};
    globalThis.__benchSeen = seen;
    const words = new RegExp(${JSON.stringify(pattern)}, 'g');
    new MutationObserver(() => {
      const now = performance.timeOrigin + performance.now();
      const text = document.querySelector('main [role="listbox"]')?.textContent ?? '';
      for (const match of text.matchAll(words)) if (!(match[0] in seen)) seen[match[0]] = now;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

export const seenInList = (page: Page): Promise<Record<string, number>> => page.evaluate('({ ...(globalThis.__benchSeen ?? {}) })');
