// Node module hooks for the built-app test: `electron` resolves to the recording stand-in, as
// Electron's own loader resolves it to its built-in module. Everything else resolves as usual.
import { URL } from 'node:url';

const standIn = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: standIn, shortCircuit: true };
  return nextResolve(specifier, context);
}
