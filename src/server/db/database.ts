// The local API server's database: SQLite with the server's schema (migrations.ts).
import { SqliteDb } from '../../node/sqlite';
import { migrations } from './migrations';

export type { Row, SqlValue } from '../../node/sqlite';

export class Db extends SqliteDb {
  constructor(file: string) {
    super(file, migrations, 'The local API database');
  }
}
