import type { OpenOptions, Store } from "./store.js";

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

/** Parameters of a connection URL that carry a secret (`?password=`, `sslpassword=`). */
const SECRET_PARAMETER = /pass/i;

/**
 * The location as it may be printed or logged: a URL's password, and any parameter carrying one,
 * as "***". Every message naming a registry goes through here.
 */
export function maskedLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = "***";
    for (const key of [...url.searchParams.keys()]) if (SECRET_PARAMETER.test(key)) url.searchParams.set(key, "***");
    return url.toString();
  } catch {
    // not a URL the parser takes: mask what looks like a password all the same
    return location.replace(/(\/\/[^/@:]*):[^/@]*@/, "$1:***@").replace(/([?&][^=&]*pass[^=&]*=)[^&]*/gi, "$1***");
  }
}

export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { openPostgresStore } = await import("./postgres.js");
    return openPostgresStore(location, options);
  }
  const { openSqliteStore } = await import("./sqlite.js");
  return openSqliteStore(location, options);
}

/** What a command prints before each migration of an existing registry. */
export function upgradeNotice(stderr: (text: string) => void): OpenOptions {
  return { onUpgrade: (m) => stderr(`upgrading the registry: migration ${m.id}, ${m.name} (a minute or more on a large registry)\n`) };
}

/** Opens the store, runs `work`, and closes the store whatever happens. */
export async function withStore<T>(location: string, work: (store: Store) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const store = await openStore(location, options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * A command's run on the registry: the registry opened and closed around `work`, whose exit code
 * it returns (bad input is a value `work` answers with 2), and a failure of the registry (no
 * database there) turned into one line on stderr and exit code 1.
 */
export async function commandOnStore(
  command: string,
  location: string,
  stderr: (text: string) => void,
  work: (store: Store) => Promise<number>,
): Promise<number> {
  try {
    return await withStore(location, work, upgradeNotice(stderr));
  } catch (e) {
    stderr(`mandates ${command}: registry ${maskedLocation(location)}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

export const DB_OPTION_HELP = "registry: SQLite file or postgres:// URL (default: DATABASE_URL or ./data/registry.db)";
