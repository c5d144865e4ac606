/**
 * `npm run bench [-- PART...]`: prints throughput and latency figures beside their targets.
 * Parts: parse, hostile (inputs that once made reading grow with the square of their size),
 * compare, registry (the slowest: it loads the corpus and builds a 50,000-document registry),
 * web (the pages in Chromium on the corpus registry the registry part leaves, or one loaded for
 * it). Figures are printed, not asserted; they are wall-clock times, so the machine's
 * load shows beside them where it matters.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { printHostileBench, runHostileBench } from "./hostile.js";
import { printParseBench, runParseBench } from "./parse.js";
import { runCompareBench } from "./compare.js";
import { runRegistryBench } from "./registry.js";
import { runWebBench } from "./web.js";

const corpus = resolve(process.env.CORPUS ?? join(process.cwd(), "..", "shared", "corpus"));
if (!existsSync(corpus)) {
  console.error(`no corpus at ${corpus}: put ../shared beside the checkout or set CORPUS`);
  process.exit(2);
}
const parts = ["parse", "hostile", "compare", "registry", "web"];
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !parts.includes(w));
if (unknown.length) {
  console.error(`unknown bench part ${unknown.join(", ")}: choose from ${parts.join(", ")}`);
  process.exit(2);
}
const runs = (part: string) => wanted.length === 0 || wanted.includes(part);

if (runs("parse")) printParseBench(runParseBench(corpus));
if (runs("hostile")) printHostileBench(await runHostileBench());
if (runs("compare")) await runCompareBench();
if (runs("registry")) await runRegistryBench({ corpus });
if (runs("web")) await runWebBench({ corpus });
