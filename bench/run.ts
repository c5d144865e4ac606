/**
 * `npm run bench [-- PART...]`: prints throughput and latency figures. Parts: parse (always
 * fast), registry, compare. Figures are printed, not asserted: targets are in each part's notes.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { printParseBench, runParseBench } from "./parse.js";

const corpus = resolve(process.env.CORPUS ?? join(process.cwd(), "..", "shared", "corpus"));
if (!existsSync(corpus)) {
  console.error(`no corpus at ${corpus}: put ../shared beside the checkout or set CORPUS`);
  process.exit(2);
}
const wanted = process.argv.slice(2);
const runs = (part: string) => wanted.length === 0 || wanted.includes(part);

if (runs("parse")) printParseBench(runParseBench(corpus));
