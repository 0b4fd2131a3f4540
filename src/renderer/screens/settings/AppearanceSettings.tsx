// Theme and language: two radio groups (fieldset + legend), drawn as segmented controls. Each
// choice applies at once. The theme is remembered on this computer; the language is a setting
// main keeps, so notifications speak it too.
import { Monitor, Moon, Sun } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageChoice } from '../../../shared/view-models';
import { setTheme } from '../../store/actions/local';
import { setLanguageChoice } from '../../store/actions/preferences';
import type { ThemeChoice } from '../../store/slices/ui';
import { useStore } from '../../store/store';

function Segmented<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  disabled = false,
}: {
  legend: string;
  name: string;
  value: T;
  options: { value: T; label: string; icon?: ReactNode; lang?: string }[];
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="choice-group settings-choice" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="segmented">
        {options.map((option) => (
          <label key={option.value} className="segment" lang={option.lang}>
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            {option.icon}
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function AppearanceSettings({ titleId }: { titleId: string }) {
  const { t } = useTranslation();
  const theme = useStore((s) => s.theme);
  // Null while main has not answered (or could not): the choice waits for it.
  const stored = useStore((s) => s.settings?.language ?? null);
  // The agent's pick shows at once; the interface changes when main has stored it.
  const [picked, setPicked] = useState<LanguageChoice | null>(null);
  const chooseLanguage = (choice: LanguageChoice) => {
    setPicked(choice);
    // updateSettings shows a failure as a toast; the choice falls back to what main keeps.
    void setLanguageChoice(choice)
      .catch(() => undefined)
      .finally(() => setPicked((shown) => (shown === choice ? null : shown)));
  };
  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <div className="settings-card-head">
        <h2 id={titleId}>{t('settings.appearance.title')}</h2>
      </div>
      <Segmented<ThemeChoice>
        legend={t('settings.appearance.theme')}
        name="theme"
        value={theme}
        onChange={setTheme}
        options={[
          { value: 'system', label: t('settings.appearance.themeSystem'), icon: <Monitor size={16} aria-hidden="true" /> },
          { value: 'light', label: t('settings.appearance.themeLight'), icon: <Sun size={16} aria-hidden="true" /> },
          { value: 'dark', label: t('settings.appearance.themeDark'), icon: <Moon size={16} aria-hidden="true" /> },
        ]}
      />
      <Segmented<LanguageChoice>
        legend={t('settings.appearance.language')}
        name="language"
        value={picked ?? stored ?? 'system'}
        disabled={stored === null}
        onChange={chooseLanguage}
        options={[
          { value: 'system', label: t('settings.appearance.languageSystem') },
          // Each language in its own name, as everywhere.
          { value: 'de', label: 'Deutsch', lang: 'de' },
          { value: 'en', label: 'English', lang: 'en' },
        ]}
      />
    </section>
  );
}
