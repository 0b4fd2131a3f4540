// What grew between two V8 heap snapshots (.heapsnapshot, as DevTools and v8.writeHeapSnapshot
// write them): objects grouped by constructor (strings, arrays and closures by kind), with how
// many more there are and how many more bytes they take themselves, biggest growth first.
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

type Totals = Map<string, { count: number; bytes: number }>;

function totals(path: string): Totals {
  const heap = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const out: Totals = new Map();
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + typeAt]!]!;
    // Objects by their constructor's name (without the `@id` some carry); everything else by its kind.
    const group = type === 'object' ? heap.strings[heap.nodes[i + nameAt]!]!.replace(/ @\d+$/, '') : `(${type})`;
    const entry = out.get(group) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += heap.nodes[i + sizeAt]!;
    out.set(group, entry);
  }
  return out;
}

export interface Growth {
  what: string;
  count: number;
  bytes: number;
}

/** The `top` groups that grew most in bytes from `before` to `after`. */
export function heapGrowth(before: string, after: string, top = 12): Growth[] {
  const a = totals(before);
  const b = totals(after);
  return [...b]
    .map(([what, { count, bytes }]) => ({ what, count: count - (a.get(what)?.count ?? 0), bytes: bytes - (a.get(what)?.bytes ?? 0) }))
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, top);
}
