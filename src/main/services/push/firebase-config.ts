// The Firebase web config that turns on FCM push (from the ChatCaptain project's settings), read
// from DECKHAND_FIREBASE_CONFIG as JSON. Without it, push runs only against the demo's local server.
import type { FirebaseConfig } from '@eneris/push-receiver/dist/types';
import { z } from 'zod';

const Config = z.object({
  apiKey: z.string().min(1),
  appId: z.string().min(1),
  projectId: z.string().min(1),
  messagingSenderId: z.string().min(1),
});

export function firebaseConfigFrom(env: Record<string, string | undefined>): FirebaseConfig | null {
  const raw = env.DECKHAND_FIREBASE_CONFIG;
  if (!raw) return null;
  try {
    const parsed = Config.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    console.warn(`DECKHAND_FIREBASE_CONFIG is missing ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}; push stays local.`);
  } catch {
    console.warn('DECKHAND_FIREBASE_CONFIG is not JSON; push stays local.');
  }
  return null;
}
