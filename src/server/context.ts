// What every route, demo and simulator module receives from the server that runs them. Kept
// apart from app.ts so those modules do not import the module that imports them.
import type { Db } from './db/database';
import type { EventSink } from './realtime/hub';

export interface ServerContext {
  db: Db;
  events: EventSink;
  /** The URL clients reach this server at, for links in demo payloads. */
  baseUrl: () => string;
}
