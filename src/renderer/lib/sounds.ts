// The notification sounds, made of tones with Web Audio: nothing to download or ship, and the
// CSP needs no exception. Main decides when a notification sounds (settings, do-not-disturb)
// and says which (the `notify.sound` event); the settings' "Play" button uses the same.
import type { NotificationSound } from '../../shared/view-models';

interface Tone {
  /** Hz. */
  frequency: number;
  /** Seconds after the start. */
  at: number;
  duration: number;
  type: OscillatorType;
  volume: number;
}

const tones: Record<NotificationSound, Tone[]> = {
  chime: [
    { frequency: 880, at: 0, duration: 0.35, type: 'sine', volume: 0.25 },
    { frequency: 1318.5, at: 0.12, duration: 0.5, type: 'sine', volume: 0.2 },
  ],
  bell: [
    { frequency: 660, at: 0, duration: 0.9, type: 'triangle', volume: 0.25 },
    { frequency: 1320, at: 0, duration: 0.6, type: 'sine', volume: 0.08 },
  ],
  pop: [{ frequency: 520, at: 0, duration: 0.09, type: 'sine', volume: 0.35 }],
  knock: [
    { frequency: 180, at: 0, duration: 0.07, type: 'square', volume: 0.12 },
    { frequency: 180, at: 0.16, duration: 0.07, type: 'square', volume: 0.12 },
  ],
};

let context: AudioContext | null = null;

/** Plays the sound; false where the window cannot play sound (no Web Audio, or not allowed yet). */
export function playSound(sound: NotificationSound): boolean {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime + 0.01;
    for (const tone of tones[sound]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = tone.type;
      oscillator.frequency.value = tone.frequency;
      // A quick attack and an exponential fade: a tone, not a click.
      gain.gain.setValueAtTime(0.0001, start + tone.at);
      gain.gain.exponentialRampToValueAtTime(tone.volume, start + tone.at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + tone.at + tone.duration);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + tone.at);
      oscillator.stop(start + tone.at + tone.duration + 0.05);
    }
    return true;
  } catch {
    return false;
  }
}
