import type { Shape } from './shape';

// Assigning a conversation to a colleague, taking one over from a colleague, and undoing it.
export const assignEn = {
  open: 'Assign…',
  title: 'Assign to a colleague',
  body: 'Who should handle the conversation with {{customer}}?',
  filter: 'Find a colleague',
  you: '{{name}} (you)',
  online: 'Online',
  offline: 'Offline',
  holds_zero: 'No conversations',
  holds_one: '{{count}} conversation',
  holds_other: '{{count}} conversations',
  current: 'Has it now',
  submit: 'Assign',
  noTeam: 'Deckhand does not know your team yet: it learns who is on it from their online status.',
  noMatch: 'Nobody of that name.',
  takeOver: {
    title: 'Take over from {{name}}?',
    body: '{{name}} is handling the conversation with {{customer}}. If you take it over, it is yours and no longer {{name}}’s.',
    confirm: 'Take over from {{name}}',
  },
  done: {
    assignedTo: '{{customer}} is now with {{name}}.',
    mine: 'You took {{customer}}.',
    handedBack: '{{customer}} is back with the bot.',
    archived: '{{customer}} archived.',
    restored: '{{customer}} restored.',
  },
  undo: 'Undo',
  undone: 'Undone.',
};

export const assignDe: Shape<typeof assignEn> = {
  open: 'Zuweisen…',
  title: 'Einer Kollegin oder einem Kollegen zuweisen',
  body: 'Wer soll die Unterhaltung mit {{customer}} übernehmen?',
  filter: 'Kollegin oder Kollegen suchen',
  you: '{{name}} (Sie)',
  online: 'Online',
  offline: 'Offline',
  holds_zero: 'Keine Unterhaltungen',
  holds_one: '{{count}} Unterhaltung',
  holds_other: '{{count}} Unterhaltungen',
  current: 'Hat sie gerade',
  submit: 'Zuweisen',
  noTeam: 'Deckhand kennt Ihr Team noch nicht: Wer dazugehört, erfährt es aus dem Online-Status.',
  noMatch: 'Niemand mit diesem Namen.',
  takeOver: {
    title: 'Von {{name}} übernehmen?',
    body: '{{name}} betreut die Unterhaltung mit {{customer}}. Wenn Sie sie übernehmen, gehört sie Ihnen und nicht mehr {{name}}.',
    confirm: 'Von {{name}} übernehmen',
  },
  done: {
    assignedTo: '{{customer}} ist jetzt bei {{name}}.',
    mine: 'Sie haben {{customer}} übernommen.',
    handedBack: '{{customer}} ist wieder beim Bot.',
    archived: '{{customer}} archiviert.',
    restored: '{{customer}} wiederhergestellt.',
  },
  undo: 'Rückgängig',
  undone: 'Rückgängig gemacht.',
};
