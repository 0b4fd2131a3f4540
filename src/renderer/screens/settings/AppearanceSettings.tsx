// Theme and language: two radio groups (fieldset + legend), drawn as segmented controls. The
// choice applies at once and is remembered on this computer.
import { Monitor, Moon, Sun } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguageChoice, setTheme } from '../../store/actions';
import { useStore, type LanguageChoice, type ThemeChoice } from '../../store/store';

function Segmented<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: { value: T; label: string; icon?: ReactNode; lang?: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="choice-group settings-choice">
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
  const language = useStore((s) => s.language);
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
        value={language}
        onChange={setLanguageChoice}
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
