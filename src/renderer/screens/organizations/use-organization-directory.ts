// The left side's data: the chatbot's organizations newest first, page by page, or, while the
// agent searches, the search results page by page. Answers that arrive after the chatbot or the
// query changed are dropped, so a slow first page never overwrites a newer one.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Organization } from '../../../shared/domain';
import { call } from '../../api';
import { describeError } from '../../store/describe-error';
import type { ChatbotChoice } from './chatbot-choice';

const PAGE_SIZE = 50;

export interface Directory {
  mode: 'list' | 'search';
  items: Organization[];
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Search only: how many match in all. */
  total: number | null;
  hasMore: boolean;
  loadingMore: boolean;
}

interface Cursor {
  nextPageToken?: string | undefined;
  page: number;
}

const initial = (mode: Directory['mode']): Directory => ({
  mode,
  items: [],
  status: 'loading',
  error: null,
  total: null,
  hasMore: false,
  loadingMore: false,
});

export interface Target {
  accountId: string;
  chatbotId: string;
}

/** The chatbot as a value that changes only when another chatbot is chosen (the session object
 * is replaced on every connection change, which must not reload the list). */
export function useTarget(chatbot: ChatbotChoice | null): Target | null {
  const accountId = chatbot?.accountId;
  const chatbotId = chatbot?.chatbotId;
  return useMemo(() => (accountId && chatbotId ? { accountId, chatbotId } : null), [accountId, chatbotId]);
}

async function fetchPage(target: Target, query: string, cursor: Cursor) {
  if (query === '') {
    const page = await call('organizations.list', {
      ...target,
      limit: PAGE_SIZE,
      ...(cursor.nextPageToken !== undefined && { pageToken: cursor.nextPageToken }),
    });
    return { items: page.organizations, total: null, next: { nextPageToken: page.nextPageToken, page: 1 }, hasMore: page.nextPageToken !== undefined };
  }
  const page = await call('organizations.search', { ...target, query, page: cursor.page, pageSize: PAGE_SIZE });
  const seen = (cursor.page - 1) * PAGE_SIZE + page.organizations.length;
  return { items: page.organizations, total: page.total, next: { page: cursor.page + 1 }, hasMore: seen < page.total };
}

/** Adds a page without duplicates (an organization created meanwhile can shift a page). */
function appendUnique(current: readonly Organization[], page: readonly Organization[]): Organization[] {
  const ids = new Set(current.map((o) => o.id));
  return [...current, ...page.filter((o) => !ids.has(o.id))];
}

export function useOrganizationDirectory(target: Target | null, enabled: boolean, query: string) {
  const [directory, setDirectory] = useState<Directory>(() => initial(query === '' ? 'list' : 'search'));
  const generation = useRef(0);
  const cursor = useRef<Cursor>({ page: 1 });

  const load = useCallback(async () => {
    const mine = ++generation.current;
    cursor.current = { page: 1 };
    setDirectory(initial(query === '' ? 'list' : 'search'));
    if (!target || !enabled) return;
    try {
      const page = await fetchPage(target, query, cursor.current);
      if (mine !== generation.current) return;
      cursor.current = page.next;
      setDirectory((d) => ({ ...d, items: page.items, total: page.total, hasMore: page.hasMore, status: 'ready' }));
    } catch (error) {
      if (mine !== generation.current) return;
      setDirectory((d) => ({ ...d, status: 'error', error: describeError(error) }));
    }
  }, [target, enabled, query]);

  useEffect(() => {
    void load();
  }, [load]);

  const loadMore = useCallback(async () => {
    if (!target || directory.loadingMore || !directory.hasMore) return;
    const mine = generation.current;
    setDirectory((d) => ({ ...d, loadingMore: true }));
    try {
      const page = await fetchPage(target, query, cursor.current);
      if (mine !== generation.current) return;
      cursor.current = page.next;
      setDirectory((d) => ({ ...d, items: appendUnique(d.items, page.items), total: page.total, hasMore: page.hasMore, loadingMore: false, error: null }));
    } catch (error) {
      if (mine !== generation.current) return;
      setDirectory((d) => ({ ...d, loadingMore: false, error: describeError(error) }));
    }
  }, [target, query, directory.loadingMore, directory.hasMore]);

  /** A created or edited organization: replaced in place, or put first (the newest) when new. */
  const upsert = useCallback((org: Organization) => {
    setDirectory((d) => {
      const at = d.items.findIndex((o) => o.id === org.id);
      if (at >= 0) return { ...d, items: d.items.map((o) => (o.id === org.id ? org : o)) };
      // A new one belongs first in the newest-first list; search results are re-read instead.
      return d.mode === 'list' ? { ...d, items: [org, ...d.items], status: 'ready' } : d;
    });
  }, []);

  const remove = useCallback((id: string) => {
    setDirectory((d) => ({
      ...d,
      items: d.items.filter((o) => o.id !== id),
      total: d.total !== null && d.items.some((o) => o.id === id) ? d.total - 1 : d.total,
    }));
  }, []);

  return { directory, reload: load, loadMore, upsert, remove };
}

/** The value once it has stopped changing for `ms`: searching starts when the agent pauses typing. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
