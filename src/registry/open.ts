import type { Store } from "./store.js";

/**
 * Where the registry lives: `--db` when given, else `DATABASE_URL`, else ./data/registry.db.
 * A `postgres://` (or `postgresql://`) URL opens PostgreSQL; anything else is an SQLite file.
 * The back ends are imported on demand, so an SQLite user never loads `pg` and the reverse.
 */

export const DEFAULT_DATABASE = "./data/registry.db";

export function databaseLocation(flag: string | undefined, env: Record<string, string | undefined>): string {
  return flag || env.DATABASE_URL || DEFAULT_DATABASE;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

export async function openStore(location: string): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { openPostgresStore } = await import("./postgres.js");
    return openPostgresStore(location);
  }
  const { openSqliteStore } = await import("./sqlite.js");
  return openSqliteStore(location);
}
