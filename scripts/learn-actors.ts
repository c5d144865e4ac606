/**
 * Lists the addressees of mandates across a corpus folder, most frequent first, marking those the
 * gazetteer (src/model/actors.ts, names in src/model/actor-names.ts) does not resolve, so that frequent ones can be added to it.
 *
 *   npx tsx scripts/learn-actors.ts [DIR ...] [--min N] [--unknown]
 *
 * DIR defaults to ../shared/corpus/ods. Addressees are counted after dropping a leading "the"
 * and any relative clause ("States that have not yet done so" counts as "States").
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readResolution } from "../src/ingest/read.js";
import { extractMandates } from "../src/enrich/mandates.js";

const args = process.argv.slice(2);
const min = Number(args[args.indexOf("--min") + 1] ?? 3) || 3;
const onlyUnknown = args.includes("--unknown");
const dirs = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--min");
if (!dirs.length) dirs.push(join(import.meta.dirname, "../../shared/corpus/ods"));

const counts = new Map<string, { n: number; canonical: string | null; verbs: Set<string> }>();
let documents = 0;
let mandates = 0;
for (const dir of dirs) {
  for (const name of readdirSync(dir).filter((f) => /\.(txt|pdf|xml)$/.test(f))) {
    const parsed = await readResolution(new Uint8Array(readFileSync(join(dir, name))), { name });
    if (!parsed.ok) continue;
    documents++;
    extractMandates(parsed.document);
    for (const p of parsed.document.operative) {
      for (const m of p.mandates) {
        mandates++;
        const key = m.actor.replace(/\s+(?:that|which|who)\s.*$/, "");
        const entry = counts.get(key) ?? { n: 0, canonical: m.actorCanonical, verbs: new Set<string>() };
        entry.n++;
        entry.verbs.add(m.verb);
        counts.set(key, entry);
      }
    }
  }
}

const rows = [...counts].filter(([, e]) => e.n >= min && (!onlyUnknown || !e.canonical)).sort((a, b) => b[1].n - a[1].n);
console.log(`${documents} documents, ${mandates} mandates, ${counts.size} distinct addressees`);
const known = [...counts.values()].reduce((s, e) => s + (e.canonical ? e.n : 0), 0);
console.log(`resolved by the gazetteer: ${((100 * known) / Math.max(1, mandates)).toFixed(1)}% of mandates`);
for (const [actor, e] of rows) {
  console.log(`${String(e.n).padStart(5)}  ${e.canonical ? " " : "?"} ${actor}${e.canonical && e.canonical !== actor ? `  -> ${e.canonical}` : ""}`);
}
