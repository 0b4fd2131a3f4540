// The message search behind the inbox's search field: main's full-text index of every cached
// message, asked once the agent's term settles. Hits for a term the agent has typed past are
// dropped; a failed search leaves the name search alone (it needs nothing from main).
import { call } from '../../api';
import { getState } from '../store';

/** main's index finds nothing shorter (a trigram index); the name search still works below it. */
const MIN_LENGTH = 3;

export async function searchMessages(term: string | undefined): Promise<void> {
  const trimmed = term?.trim() ?? '';
  if ([...trimmed].length < MIN_LENGTH) {
    getState().clearMessageHits();
    return;
  }
  try {
    const hits = await call('search.messages', { query: trimmed });
    if ((getState().filter.search ?? '').trim() === trimmed) getState().receiveMessageHits(trimmed, hits);
  } catch {
    getState().clearMessageHits();
  }
}
