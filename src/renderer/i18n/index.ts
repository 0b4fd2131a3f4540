// German and English (which one: interface-language.ts). Every screen's texts live in
// a file of their own under i18n/, English and German side by side, composed here into one
// namespace; `Shape` makes a missing German text a compile error.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonDe, commonEn } from './common';
import type { Language } from '../../shared/view-models';
import { featuresDe, featuresEn } from './features';

export const en = { common: commonEn, ...featuresEn };
export const de = { common: commonDe, ...featuresDe };

/** A guess for the very first start, before main has said which language to speak. */
export const browserLanguage = (): Language => (navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en');

export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, de: { translation: de } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes; texts are rendered as text, never HTML
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
