// Where this device's push token comes from and where pushed messages arrive: FCM through
// @eneris/push-receiver for real accounts, the local server's `push` socket event for the demo.
// PushService registers the token with the platforms; a message makes the app resync.
import type { Event } from '../events';

export interface PushMessage {
  title: string;
  body: string;
  conversationId?: string;
  chatbotId?: string;
}

export interface PushTokenSource {
  readonly mode: 'fcm' | 'local';
  /** Resolves once a token is known (or rejects when none can be had); safe to call again after a failure. */
  start(): Promise<void>;
  token(): string | null;
  /** Fires whenever the token becomes known or changes (FCM rotation). */
  readonly onToken: Event<string>;
  readonly onMessage: Event<PushMessage>;
  /**
   * Only where the platform delivers pushes over its live feed (the demo's local server): hands
   * such a push to the source as if it had come from a push service.
   */
  deliver?(m: PushMessage): void;
  /** Only where a connection of its own may need a nudge (FCM): the machine woke, the network is back. */
  wake?(): void;
  stop(): void;
}
