import type { Shape } from './shape';

// The inbox as a queue: its order, the wait timers, new arrivals held back while scrolled, and
// conversations found by their messages.
export const queueEn = {
  sort: {
    label: 'Order',
    newest: 'Newest first',
    longestWaiting: 'Longest waiting first',
  },
  wait: {
    /** For screen readers, in whole minutes (the visible timer ticks every second). */
    label_one: 'Waiting for {{count}} minute',
    label_other: 'Waiting for {{count}} minutes',
    header: 'Waiting',
    warn: 'waiting long',
    urgent: 'waiting too long',
  },
  arrived_one: '{{count}} new conversation',
  arrived_other: '{{count}} new conversations',
  arrivedHint: 'Show them where they belong in the list',
  found: 'In a message: {{text}}',
};

export const queueDe: Shape<typeof queueEn> = {
  sort: {
    label: 'Reihenfolge',
    newest: 'Neueste zuerst',
    longestWaiting: 'Längste Wartezeit zuerst',
  },
  wait: {
    label_one: 'Wartet seit {{count}} Minute',
    label_other: 'Wartet seit {{count}} Minuten',
    header: 'Wartet',
    warn: 'wartet lange',
    urgent: 'wartet zu lange',
  },
  arrived_one: '{{count}} neue Unterhaltung',
  arrived_other: '{{count}} neue Unterhaltungen',
  arrivedHint: 'An ihrem Platz in der Liste anzeigen',
  found: 'In einer Nachricht: {{text}}',
};
