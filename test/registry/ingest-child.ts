import { ingestPaths } from "../../src/registry/ingest.js";
import { openStore } from "../../src/registry/open.js";

/** Ingests files into a registry, printing a line per stored file: the process the interruption test kills. */
const [location, ...files] = process.argv.slice(2);
const store = await openStore(location!);
// batches smaller than the file list, so that the kill lands between commits
await ingestPaths(store, files, { workers: 0, batchSize: 16, onProgress: () => process.stdout.write("stored\n") });
await store.close();
