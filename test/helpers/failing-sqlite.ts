/**
 * Real write failures on the embedded store, for tests of what the user is told: a second connection adds
 * SQLite triggers that abort writes of matching keys with "database or disk is full", as a full disk would.
 */
import { DatabaseSync } from 'node:sqlite';

/** Makes writes of keys LIKE `pattern` in the store file fail until the returned function is called. */
export function refuseWrites(file: string, pattern: string): () => void {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA busy_timeout = 5000');
  const quoted = `'${pattern.replaceAll("'", "''")}'`;
  for (const when of ['INSERT', 'UPDATE']) {
    db.exec(`CREATE TRIGGER refuse_${when.toLowerCase()} BEFORE ${when} ON keyv
      WHEN NEW.key LIKE ${quoted} BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`);
  }
  return () => {
    db.exec('DROP TRIGGER refuse_insert; DROP TRIGGER refuse_update;');
    db.close();
  };
}
