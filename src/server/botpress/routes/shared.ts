// The list answer every Botpress list endpoint gives: the items under their name, and
// `meta.nextToken` only while there are more.
import type { Listed } from '../paging';

export function listed<K extends string, T>(name: K, page: Listed<T>): Record<K, T[]> & { meta: { nextToken?: string } } {
  return { [name]: page.items, meta: page.nextToken ? { nextToken: page.nextToken } : {} } as Record<K, T[]> & { meta: { nextToken?: string } };
}
