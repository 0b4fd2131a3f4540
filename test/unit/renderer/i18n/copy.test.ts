// Copy defects found in a day's use, each pinned: the roll-back dialog guessed where the version
// goes though it knows; German mixed "Zurücksetzen", "Live in Prod" and raw dev/test/prod labels;
// "not seen yet" in lower case; channels named one way in the filter and another in the rows.
import { describe, expect, it } from 'vitest';
import { de, en } from '../../../../src/renderer/i18n/index';
import { channelLabel, filterOptions } from '../../../../src/renderer/screens/inbox/inbox-model';
import { rollbackTarget } from '../../../../src/renderer/screens/versions/version-actions';
import { conversation } from '../inbox/fixtures';

/** Every text of a namespace, flattened. */
const texts = (node: unknown): string[] => (typeof node === 'string' ? [node] : Object.values(node as object).flatMap(texts));

describe('the versions copy', () => {
  it('says where a rollback goes instead of "if that is production"', () => {
    for (const lang of [en, de]) {
      const all = texts(lang.versions).join('\n');
      expect(all).not.toMatch(/If that is|Ist das die Produktion/);
      expect(lang.versions.confirm.rollbackProdBody).toMatch(/{{name}}/);
      expect(lang.versions.confirm.rollbackTestBody).toMatch(/{{name}}/);
    }
    expect(rollbackTarget({ environment: 'test', lastDeployedTo: 'prod' })).toBe('prod');
    expect(rollbackTarget({ environment: 'prod' })).toBe('prod');
    expect(rollbackTarget({ environment: 'test' })).toBe('test');
  });

  it('speaks one German: no "Zurücksetzen" for a rollback, no "Prod" or "Dev" abbreviations', () => {
    const all = texts(de.versions);
    expect(all.filter((text) => /\b(Prod|Dev)\b|Zurücksetzen|zurücksetzen/.test(text))).toEqual([]);
    expect(de.versions.environment).toEqual({ label: 'Angelegt für', dev: 'Entwicklung', test: 'Test', prod: 'Produktion' });
    expect(de.versions.badge).toEqual({ test: 'Live im Test', prod: 'Live in Produktion' });
    expect(texts(en.versions).filter((text) => /\b(prod|dev)\b/i.test(text) && !/production|development/i.test(text))).toEqual([]);
  });
});

describe('the team list', () => {
  it('starts each status with a capital, as the others do', () => {
    for (const lang of [en, de]) {
      const { online, offline, lastSeen, lastSeenJustNow, neverSeen } = lang.header.team;
      for (const text of [online, offline, lastSeen, lastSeenJustNow, neverSeen]) expect(text.charAt(0), text).toBe(text.charAt(0).toUpperCase());
    }
  });
});

describe('channel names', () => {
  it('are the same in the filter and in the rows, whatever the platform calls them', () => {
    const names = en.inbox.channels;
    const inbox = [conversation('a', { channelId: 'webchat', channelName: 'Web Chat' }), conversation('b', { channelId: 'whatsapp', channelName: 'WhatsApp Business' }), conversation('c', { channelId: 'sms', channelName: 'SMS' })];
    const rows = inbox.map((c) => channelLabel(c.channelId, c.channelName, names));
    const filter = filterOptions(inbox).channels.map((o) => channelLabel(o.value, o.label, names));
    expect(rows).toEqual(['Web chat', 'WhatsApp', 'SMS']);
    expect([...filter].sort()).toEqual([...rows].sort());
  });
});
