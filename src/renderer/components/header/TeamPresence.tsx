// Who else is online: a stack of initials for the online teammates and, on click, a list of the
// whole team with "last seen". A disclosure (button + panel), closed by Escape or a click outside.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Users } from 'lucide-react';
import { relativeTime } from '../../lib/time';
import { useStore } from '../../store/store';
import { teammates, type Teammate } from './team';
import { useNow } from './use-now';
import './team.css';

const STACK = 4;

function useMyAgentIds(): Record<string, string> {
  const accounts = useStore((s) => s.session?.accounts);
  return useMemo(() => Object.fromEntries((accounts ?? []).map((a) => [a.id, a.agent.id])), [accounts]);
}

// Initials are drawn by CSS (data-initials), not written as text: the team button's accessible
// name ("2 teammates online") must contain its visible text, and initials would not fit in it.
function Avatar({ mate }: { mate: Teammate }) {
  return <span className={`avatar${mate.online ? ' avatar-online' : ''}`} data-initials={mate.initials} aria-hidden="true" />;
}

function LastSeen({ mate, now }: { mate: Teammate; now: number }) {
  const { t, i18n } = useTranslation();
  if (mate.online) return <>{t('header.team.online')}</>;
  if (mate.lastSeen === null) return <>{t('header.team.neverSeen')}</>;
  const time = relativeTime(mate.lastSeen, i18n.language, now);
  return <>{time === null ? t('header.team.lastSeenJustNow') : t('header.team.lastSeen', { time })}</>;
}

export function TeamPresence() {
  const { t } = useTranslation();
  const team = useStore((s) => s.team);
  const me = useMyAgentIds();
  const mates = useMemo(() => teammates(team, me), [team, me]);
  const online = mates.filter((m) => m.online);
  const [open, setOpen] = useState(false);
  const now = useNow(30_000, open);
  const panelId = useId();
  const headingId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // The workspace's Escape (clear search, close help) skips handled events.
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const label = t('header.team.button', { count: online.length });
  return (
    <div className="team" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="team-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        title={label}
        onClick={() => setOpen((o) => !o)}
      >
        {online.length === 0 ? (
          <Users size={18} aria-hidden="true" />
        ) : (
          <span className="avatar-stack">
            {online.slice(0, STACK).map((m) => (
              <Avatar key={m.key} mate={m} />
            ))}
            {online.length > STACK && (
              <span className="avatar avatar-more" data-initials={t('header.team.more', { count: online.length - STACK })} aria-hidden="true" />
            )}
          </span>
        )}
        <span className="team-count" aria-hidden="true">
          {online.length}
        </span>
      </button>
      {open && (
        <div id={panelId} className="team-panel" role="region" aria-labelledby={headingId}>
          <h2 id={headingId} className="team-title">
            {t('header.team.title')}
          </h2>
          {mates.length === 0 ? (
            <p className="team-empty">{t('header.team.empty')}</p>
          ) : (
            <ul className="team-list">
              {mates.map((m) => (
                <li key={m.key} className="team-row">
                  <Avatar mate={m} />
                  <span className="team-name">{m.name}</span>
                  <span className={`team-seen${m.online ? ' team-seen-online' : ''}`}>
                    <LastSeen mate={m} now={now} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
