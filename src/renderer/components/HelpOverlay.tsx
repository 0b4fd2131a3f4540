// The keyboard shortcuts, opened with "?" or Ctrl/Cmd+/ (and the app menu). The table is built
// from the same list the key mapping lives next to, so it shows what the keys really do.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { isMac, modKeyName } from '../lib/mod-key';
import { shortcutList, type KeyName } from '../screens/inbox/keymap';
import '../screens/inbox/help-overlay.css';
import { setHelpOpen } from '../store/actions/local';
import { useStore } from '../store/store';
import { Button } from './ui/Button';
import { Dialog } from './ui/Dialog';

const symbols: Partial<Record<Exclude<KeyName, { char: string }>, string>> = { up: '↑', down: '↓' };

function Key({ name }: { name: KeyName }) {
  const { t } = useTranslation();
  if (typeof name === 'object') return <kbd>{name.char}</kbd>;
  if (name === 'mod') return <kbd>{modKeyName(t)}</kbd>;
  const label = t(`shortcuts.keyNames.${name}`);
  const symbol = symbols[name];
  return symbol ? (
    <kbd>
      <span aria-hidden="true">{symbol}</span>
      <span className="visually-hidden">{label}</span>
    </kbd>
  ) : (
    <kbd>{label}</kbd>
  );
}

function Keys({ alternatives }: { alternatives: KeyName[][][] }) {
  const { t } = useTranslation();
  return alternatives.map((sequence, a) => (
    <Fragment key={a}>
      {a > 0 && <span className="help-joiner"> {t('shortcuts.or')} </span>}
      {sequence.map((chord, s) => (
        <Fragment key={s}>
          {s > 0 && <span className="help-joiner"> {t('shortcuts.then')} </span>}
          {chord.map((name, k) => (
            <Fragment key={k}>
              {k > 0 && <span aria-hidden="true">+</span>}
              <Key name={name} />
            </Fragment>
          ))}
        </Fragment>
      ))}
    </Fragment>
  ));
}

export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useStore((s) => s.helpOpen);
  const close = () => setHelpOpen(false);
  return (
    <Dialog
      open={open}
      title={t('shortcuts.title')}
      onClose={close}
      actions={
        <Button variant="primary" onClick={close} autoFocus>
          {t('common.close')}
        </Button>
      }
    >
      <p className="help-intro">{t(isMac ? 'shortcuts.introMac' : 'shortcuts.intro')}</p>
      {/* It scrolls in a short window, so it takes the keyboard too (axe: scrollable-region-focusable). */}
      <div className="help-groups" role="region" aria-label={t('shortcuts.title')} tabIndex={0}>
        {shortcutList.map(({ group, entries }) => (
          <table key={group} className="help-table">
            <caption>{t(`shortcuts.groups.${group}`)}</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">{t('shortcuts.action')}</th>
                <th scope="col">{t('shortcuts.keys')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map(({ action, keys }) => (
                <tr key={action}>
                  <th scope="row">{t(`shortcuts.actions.${action}`)}</th>
                  <td>
                    <Keys alternatives={keys} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </Dialog>
  );
}
