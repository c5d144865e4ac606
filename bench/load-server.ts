import { shipped } from "./shipped.js";

/**
 * Child process of the load and review benchmarks: the built server (dist/) on a registry, listening on a
 * free loopback port, with the duplication report scanned at start as `mandates serve` does.
 * Argument: `{location, loadShedding}`. Prints `listening <url>`; stops on SIGTERM.
 */
const { openStore } = await shipped<typeof import("../src/registry/open.js")>("registry/open.js");
const { buildApp } = await shipped<typeof import("../src/server/app.js")>("server/app.js");

const { location, loadShedding } = JSON.parse(process.argv[2] ?? "{}") as { location: string; loadShedding: boolean };
const store = await openStore(location);
const app = await buildApp(store, { logger: { level: "error" }, warmReports: true, location, loadShedding, webRoot: null });
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
if (!address || typeof address !== "object") throw new Error("the server has no address");
console.log(`listening http://127.0.0.1:${address.port}`);
process.once("SIGTERM", () => {
  void app
    .close()
    .then(() => store.close())
    .finally(() => process.exit(0));
});
