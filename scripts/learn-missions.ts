/**
 * Harvests the full names and abbreviations of missions, forces, panels and other bodies from
 * the resolutions of a corpus: the texts spell a body out when they first name it, "the United
 * Nations Support Mission in Libya (UNSMIL)", "the Counter-Terrorism Committee Executive
 * Directorate (CTED)". Prints one JSON object a line, most frequent first: the name, the
 * abbreviation, how often the pair occurs and in how many documents, and whether the gazetteer
 * (src/model/actors.ts) already resolves the abbreviation. The pairs, reviewed by hand, are kept
 * in src/model/missions.json, which the gazetteer loads.
 *
 *   npx tsx scripts/learn-missions.ts [DIR ...] [--min N]
 *
 * DIR defaults to ../shared/corpus/sc and .corpus/eosg (Security Council, Human Rights Council
 * and General Assembly resolutions).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { readResolution } from "../src/ingest/read.js";
import { resolveActor } from "../src/model/actors.js";

const args = process.argv.slice(2);
const min = Number(args[args.indexOf("--min") + 1] ?? 2) || 2;
const dirs = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--min");
if (!dirs.length) dirs.push(join(import.meta.dirname, "../../shared/corpus/sc"), join(import.meta.dirname, "../.corpus/eosg"));

/** Words a body's name may hold besides capitalised ones. */
const CONNECTORS = new Set(["of", "in", "the", "for", "and", "on", "to", "de", "du", "des", "la", "le", "en", "au", "pour", "et"]);
/** Heads that make a name a body's; names starting "United Nations" are bodies too. */
const BODY_HEAD = /\b(?:Mission|Force|Operation|Office|Group|Panel|Team|Directorate|Committee|Commission|Mechanism|Presence|Administration|Authority|Observers?|Centre|Programme|Fund|Agency|Organization|Tribunal|Court|Unit)\b/;
const ABBREVIATION = /\(([A-Z][A-Za-z]*(?:[-\s][A-Z][A-Za-z]*)?)\)/g;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(txt|json|xml)$/.test(name) && !/\/metadata\//.test(path)) yield path;
  }
}

/** The name ending just before `at`: capitalised words and connectors, at most 14 words, no leading connector. */
function nameBefore(text: string, at: number): string | null {
  const words = text.slice(Math.max(0, at - 200), at).trimEnd().split(/\s+/);
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < 14; i--) {
    const w = words[i]!.replace(/[\u2019']s$/, "");
    if (/^[A-Z][\w\u2019'-]*$/.test(w) || /^[A-Z]+[-/][A-Z]+$/.test(w) || (CONNECTORS.has(w) && kept.length)) kept.unshift(w);
    else break;
  }
  while (kept.length && CONNECTORS.has(kept[0]!)) kept.shift();
  const name = kept.join(" ");
  return name.split(" ").length >= 2 && (BODY_HEAD.test(name) || /^United Nations\b/.test(name)) ? name : null;
}

/** Whether the abbreviation's capitals can stand for the name: its first letter starts a word of the name. */
function plausible(name: string, abbreviation: string): boolean {
  const initials = name.split(/[\s-]+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join("");
  return initials.includes(abbreviation[0]!) && abbreviation.replace(/[^A-Z]/g, "").length >= 2;
}

const pairs = new Map<string, { name: string; abbreviation: string; n: number; documents: Set<string> }>();
for (const dir of dirs) {
  for (const path of files(dir)) {
    const parsed = await readResolution(new Uint8Array(readFileSync(path)), { name: path });
    if (!parsed.ok || parsed.document.meta.language !== "en") continue;
    const doc = parsed.document;
    const texts = [doc.meta.title ?? "", ...doc.preamble.map((p) => p.text), ...doc.operative.map((p) => p.text)];
    for (const text of texts) {
      ABBREVIATION.lastIndex = 0;
      for (let m = ABBREVIATION.exec(text); m; m = ABBREVIATION.exec(text)) {
        const abbreviation = m[1]!;
        const name = nameBefore(text, m.index);
        if (!name || !plausible(name, abbreviation)) continue;
        const key = `${name}\u0000${abbreviation}`;
        const entry = pairs.get(key) ?? { name, abbreviation, n: 0, documents: new Set<string>() };
        entry.n++;
        entry.documents.add(doc.meta.symbol ?? path);
        pairs.set(key, entry);
      }
    }
  }
}

for (const e of [...pairs.values()].filter((e) => e.documents.size >= min).sort((a, b) => b.documents.size - a.documents.size || b.n - a.n)) {
  console.log(JSON.stringify({ name: e.name, abbreviation: e.abbreviation, n: e.n, documents: e.documents.size, known: resolveActor(e.abbreviation)?.canonical ?? null }));
}
