// Where push tokens come from on this machine: FCM when the ChatCaptain Firebase project is
// configured, else a local token that only the demo's local server delivers to.
import type { FirebaseConfig } from '@eneris/push-receiver/dist/types';
import type { Clock, Vault } from '../ports';
import { FcmTokenSource } from './fcm-source';
import { LocalTokenSource } from './local-source';
import type { PushTokenSource } from './token-source';

export function createPushSource(options: { firebase: FirebaseConfig | null; vault: Vault; clock: Clock }): PushTokenSource {
  return options.firebase ? new FcmTokenSource({ firebase: options.firebase, vault: options.vault, clock: options.clock }) : new LocalTokenSource({ vault: options.vault });
}
