// Every seeded dialogue, by chatbot: the online shop's and the service desk's, German and English.
import type { Script } from './content';
import { shopScriptsDe } from './content-shop-de';
import { shopScriptsEn } from './content-shop-en';
import { serviceScriptsDe } from './content-service-de';
import { serviceScriptsEn } from './content-service-en';

export const scriptsOf: Record<string, readonly Script[]> = {
  bot_shop: [...shopScriptsDe, ...shopScriptsEn],
  bot_service: [...serviceScriptsDe, ...serviceScriptsEn],
};
