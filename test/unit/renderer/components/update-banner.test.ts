import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../../../src/shared/updates';
import { updateBannerView } from '../../../../src/renderer/components/update-banner';

const idle: UpdateState = { status: 'idle', version: null, releaseNotes: null, progress: null, restartPending: false, pendingReplies: 0, failed: false };

describe('updateBannerView', () => {
  it('says nothing while there is nothing to say', () => {
    expect(updateBannerView(null, false)).toBeNull();
    expect(updateBannerView(idle, false)).toBeNull();
    expect(updateBannerView({ ...idle, status: 'disabled' }, false)).toBeNull();
  });

  it('shows a download in whole percents', () => {
    expect(updateBannerView({ ...idle, status: 'downloading', version: '0.2.0', progress: 0.427 }, false)).toEqual({
      kind: 'downloading',
      version: '0.2.0',
      percent: 42,
    });
  });

  it('offers a ready release with its notes, or says the restart waits for replies', () => {
    const ready: UpdateState = { ...idle, status: 'ready', version: '0.2.0', releaseNotes: 'Faster.', progress: 1 };
    expect(updateBannerView(ready, false)).toEqual({ kind: 'ready', version: '0.2.0', notes: 'Faster.' });
    expect(updateBannerView({ ...ready, restartPending: true, pendingReplies: 3 }, false)).toEqual({
      kind: 'waiting',
      version: '0.2.0',
      notes: 'Faster.',
      replies: 3,
    });
  });

  it('shows a failed check until the agent puts it away', () => {
    expect(updateBannerView({ ...idle, failed: true }, false)).toEqual({ kind: 'failed' });
    expect(updateBannerView({ ...idle, failed: true }, true)).toBeNull();
  });
});
