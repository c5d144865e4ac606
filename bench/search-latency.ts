import type { RegistryLocation } from "./registry.js";
import { benchQueries, latency } from "./registry.js";
import { shipped } from "./shipped.js";

/**
 * Child process of the registry benchmark: opens a registry, times the benchmark's queries on
 * it and prints the figures as one line of JSON. Argument: `{location, corpus, queries}`.
 */
const { openPostgresStore } = await shipped<typeof import("../src/registry/postgres.js")>("registry/postgres.js");
const { openSqliteStore } = await shipped<typeof import("../src/registry/sqlite.js")>("registry/sqlite.js");

const { location, corpus, queries } = JSON.parse(process.argv[2] ?? "{}") as { location: RegistryLocation; corpus: string; queries: number };
const store = "sqlite" in location ? await openSqliteStore(location.sqlite) : await openPostgresStore(location.postgres, { schema: location.schema });
try {
  console.log(JSON.stringify(await latency(store, benchQueries(corpus, queries))));
} finally {
  await store.close();
}
