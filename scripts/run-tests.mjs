#!/usr/bin/env node
// Runs every test/**/*.test.ts with Node's test runner (tsx for TypeScript). A bare
// `node --test` finds no .ts files on Node 20, so the list is built here.
// Usage: node scripts/run-tests.mjs [substring-filter...]
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const filters = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".test.ts") && (!filters.length || filters.some((f) => path.includes(f)))) files.push(path);
  }
};
walk("test");
if (!files.length) {
  console.error("no test files matched");
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? "2";
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
