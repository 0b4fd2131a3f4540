import { describe, expect, it } from 'vitest';
import { presenceView } from '../../../../src/renderer/components/header/presence-view';
import type { PresenceState } from '../../../../src/shared/view-models';

const base: PresenceState = { intent: true, confirmed: true, pending: false, lostRace: false, auto: null, error: null };

describe('presenceView', () => {
  it('is disabled until main has answered', () => {
    expect(presenceView(null)).toMatchObject({ disabled: true, checked: false, notices: [] });
  });

  it('shows the intent at once, with the pending mark, before the server answers', () => {
    const view = presenceView({ ...base, intent: false, confirmed: true, pending: true });
    expect(view).toMatchObject({ checked: false, label: 'offline', pending: true, tone: 'offline', notices: [] });
  });

  it('settled and agreed: no notices', () => {
    expect(presenceView(base)).toEqual({ checked: true, label: 'online', pending: false, disabled: false, tone: 'online', notices: [] });
  });

  it('a lost race is said, with the state that won', () => {
    const view = presenceView({ ...base, intent: false, confirmed: false, lostRace: true });
    expect(view.checked).toBe(false);
    expect(view.notices).toEqual([{ kind: 'lostRace', online: false }]);
  });

  it('auto-away names the reason and looks away, not offline', () => {
    const view = presenceView({ ...base, intent: false, confirmed: false, auto: 'locked' });
    expect(view.tone).toBe('away');
    expect(view.notices).toEqual([{ kind: 'auto', reason: 'locked' }]);
  });

  it('an error comes first and hides the "not confirmed" guess', () => {
    const view = presenceView({ ...base, intent: true, confirmed: false, error: 'Network down', lostRace: false });
    expect(view.notices).toEqual([{ kind: 'error', message: 'Network down' }]);
  });

  it('says when the server still holds the other state', () => {
    expect(presenceView({ ...base, intent: true, confirmed: false }).notices).toEqual([{ kind: 'unconfirmed', online: false }]);
    // Not while writes are still in flight, and not before the first answer.
    expect(presenceView({ ...base, intent: true, confirmed: false, pending: true }).notices).toEqual([]);
    expect(presenceView({ ...base, intent: true, confirmed: null }).notices).toEqual([]);
  });
});
