import { Migrator, type Kysely, type Migration } from 'kysely';
import { migrations } from './migrations/index.js';

/** Migrations by name; names sort in the order the migrations must run. */
export type MigrationList = Readonly<Record<string, Migration>>;

/**
 * Applies every pending migration of `list` (the server's own by default) in order on
 * `db`, throwing with the failing one's name. It takes no lock and opens no transaction
 * of its own: the engine runs it inside one (see `migrateSqlite`).
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  list: MigrationList = migrations,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...list }) } });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` ${failed.migrationName}` : '';
    throw new Error(`Migration${name} failed: ${String(error)}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
