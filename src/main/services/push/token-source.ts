// Where this device's push token comes from and where pushed messages arrive: FCM through
// @eneris/push-receiver for real accounts, the local server's `push` socket event for the demo.
// PushService registers the token with the backends; the notify policy listens to onMessage.

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
  onToken(listener: (token: string) => void): () => void;
  onMessage(listener: (m: PushMessage) => void): () => void;
  stop(): void;
}

/**
 * A set of listeners where one that throws does not keep the others from hearing the event:
 * the sources call these from library callbacks and socket handlers, where a throw is lost.
 */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    // Wrapped, so adding the same function twice gives two independent subscriptions.
    const entry = (value: T) => listener(value);
    this.set.add(entry);
    return () => this.set.delete(entry);
  }

  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch (error) {
        // A bug in a listener; it must not take the push connection down with it.
        console.error('A push listener failed:', error);
      }
    }
  }
}
