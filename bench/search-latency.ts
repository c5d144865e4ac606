import { benchQueries, latency, openLocation, type RegistryLocation } from "./registry.js";

/**
 * Child process of the registry benchmark: opens a registry, times the benchmark's queries on
 * it and prints the figures as one line of JSON. Argument: `{location, corpus, queries}`.
 */
const { location, corpus, queries } = JSON.parse(process.argv[2] ?? "{}") as { location: RegistryLocation; corpus: string; queries: number };
const store = await openLocation(location);
try {
  console.log(JSON.stringify(await latency(store, benchQueries(corpus, queries))));
} finally {
  await store.close();
}
