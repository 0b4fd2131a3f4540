import type { Shape } from './shape';

export const headerEn = {
  label: 'Deckhand toolbar',
  connection: {
    label: 'Connection',
    account: '{{account}}: {{state}}',
    /** The header is short; the banner below says the attempt and the next try. Not "Offline":
     * the agent's own status beside it says that, and means something else. */
    offline: 'No connection',
  },
  presence: {
    /** The switch's name; its checked state says on or off. */
    switchLabel: 'Online',
    online: 'Online',
    offline: 'Offline',
    pending: 'Saving…',
    lostRaceOnline: 'Another device set you online',
    lostRaceOffline: 'Another device set you offline',
    auto: {
      idle: 'Away: idle',
      locked: 'Away: screen locked',
      suspended: 'Away: computer asleep',
    },
    autoHint: 'You are set back online when you return.',
    error: 'Status not saved',
    unconfirmedOnline: 'Customers still see you online',
    unconfirmedOffline: 'Customers still see you offline',
  },
  team: {
    button_one: '{{count}} teammate online',
    button_other: '{{count}} teammates online',
    title: 'Your team',
    online: 'Online',
    offline: 'Offline',
    lastSeen: 'Last seen {{time}}',
    lastSeenJustNow: 'Last seen just now',
    neverSeen: 'Not seen yet',
    empty: 'No one else from your team has been seen yet.',
    more: '+{{count}}',
  },
  who: {
    label: 'Signed in',
    demo: 'Demo workspace',
    demoHint: 'Sample data on this computer: nothing you do here reaches real customers.',
    agent: '{{name}}',
    account: '{{account}}',
    accounts_one: '{{count}} account',
    accounts_other: '{{count}} accounts',
    dnd: 'Do not disturb',
    dndHint: 'No notifications and no sound. Turn it off in Settings.',
  },
  banner: {
    demo: 'Demo',
    nextTry: 'Next try in {{seconds}} s',
    tryingNow: 'Trying now…',
    signInAgain: 'Sign in again',
  },
  toasts: {
    label: 'Messages',
    dismiss: 'Dismiss',
  },
};

export const headerDe: Shape<typeof headerEn> = {
  label: 'Deckhand-Werkzeugleiste',
  connection: {
    label: 'Verbindung',
    account: '{{account}}: {{state}}',
    offline: 'Keine Verbindung',
  },
  presence: {
    switchLabel: 'Online',
    online: 'Online',
    offline: 'Offline',
    pending: 'Wird gespeichert…',
    lostRaceOnline: 'Ein anderes Gerät hat Sie auf online gesetzt',
    lostRaceOffline: 'Ein anderes Gerät hat Sie auf offline gesetzt',
    auto: {
      idle: 'Abwesend: inaktiv',
      locked: 'Abwesend: Bildschirm gesperrt',
      suspended: 'Abwesend: Ruhezustand',
    },
    autoHint: 'Sobald Sie zurück sind, sind Sie wieder online.',
    error: 'Status nicht gespeichert',
    unconfirmedOnline: 'Kunden sehen Sie noch als online',
    unconfirmedOffline: 'Kunden sehen Sie noch als offline',
  },
  team: {
    button_one: '{{count}} Teammitglied online',
    button_other: '{{count}} Teammitglieder online',
    title: 'Ihr Team',
    online: 'Online',
    offline: 'Offline',
    lastSeen: 'Zuletzt gesehen {{time}}',
    lastSeenJustNow: 'Gerade eben gesehen',
    neverSeen: 'Noch nicht gesehen',
    empty: 'Aus Ihrem Team wurde noch niemand sonst gesehen.',
    more: '+{{count}}',
  },
  who: {
    label: 'Angemeldet',
    demo: 'Demo-Arbeitsbereich',
    demoHint: 'Beispieldaten auf diesem Computer: Nichts, was Sie hier tun, erreicht echte Kunden.',
    agent: '{{name}}',
    account: '{{account}}',
    accounts_one: '{{count}} Konto',
    accounts_other: '{{count}} Konten',
    dnd: 'Nicht stören',
    dndHint: 'Keine Benachrichtigungen und kein Ton. Abschalten in den Einstellungen.',
  },
  banner: {
    demo: 'Demo',
    nextTry: 'Nächster Versuch in {{seconds}} s',
    tryingNow: 'Wird versucht…',
    signInAgain: 'Erneut anmelden',
  },
  toasts: {
    label: 'Meldungen',
    dismiss: 'Ausblenden',
  },
};
