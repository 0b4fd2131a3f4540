// Text messages → segments of plain text and links. The result is rendered by React as text
// nodes and <a> elements, so markup in a message (<b>, <script>) always shows literally: nothing
// here ever produces HTML. Only explicit http(s):// and mailto: addresses become links, and only
// when safeLinkUrl accepts them.
import { safeLinkUrl } from './safe-url';

export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?…»«“”‘’]+$/;

// "See https://x.example/a)." — the sentence's punctuation is not part of the address, but the
// parentheses of https://en.wikipedia.org/wiki/Foo_(bar) are.
function trimTrailing(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']] as const) {
      if (url.endsWith(close) && count(url, open) < count(url, close)) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

const count = (text: string, char: string): number => text.split(char).length - 1;

export function linkify(text: string): Segment[] {
  const segments: Segment[] = [];
  const pushText = (chunk: string) => {
    if (chunk === '') return;
    const last = segments.at(-1);
    if (last?.kind === 'text') last.text += chunk;
    else segments.push({ kind: 'text', text: chunk });
  };
  let index = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const url = trimTrailing(match[0]);
    const href = safeLinkUrl(url);
    pushText(text.slice(index, start));
    if (href) segments.push({ kind: 'link', text: url, href });
    else pushText(url);
    index = start + url.length;
  }
  pushText(text.slice(index));
  return segments;
}
