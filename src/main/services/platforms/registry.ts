// The platforms Deckhand can sign in to, by id. The app registers ChatCaptain (and Botpress);
// tests register their own next to them.
import { AppError } from '../errors/app-error';
import type { PlatformFactory } from './platform';

export type PlatformRegistry = ReadonlyMap<string, PlatformFactory>;

export const registryOf = (...factories: PlatformFactory[]): PlatformRegistry => new Map(factories.map((f) => [f.id, f]));

export function factoryFor(registry: PlatformRegistry, id: string): PlatformFactory {
  const factory = registry.get(id);
  if (!factory) throw new AppError('Unsupported', `Deckhand cannot connect to ${id} accounts.`);
  return factory;
}
