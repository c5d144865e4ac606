#!/usr/bin/env node
// Mandates of a hand-made gold of Security Council and Human Rights Council resolutions (or any
// organ's) against the built CLI, field by field, the way ../shared/gold/score.mjs matches them.
//
//   node scripts/score-mandates.mjs GOLD.json [--verbose]
//
// GOLD.json: {"documents": [{"symbol", "file", "mandates": [{in, verb, actor, report, dueDate}]}]}.
// A file is a path, or "shared:REST" (under ../shared/corpus) or "corpus:REST" (under .corpus).
// A mandate is found when a returned one has its paragraph, verb (a word-prefix either way),
// actor (the same, or one holding the other, after the scorer's aliases), and report; the dates
// are scored apart, over the mandates found, and within the match ("+dueDate").
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const goldPath = args.find((a) => !a.startsWith("--"));
if (!goldPath) {
  console.error("usage: node scripts/score-mandates.mjs GOLD.json [--verbose]");
  process.exit(2);
}
const verbose = args.includes("--verbose");
const cli = join(process.cwd(), "dist", "cli", "main.js");
if (!existsSync(cli)) {
  console.error("dist/cli/main.js is missing: run `npm run build` first");
  process.exit(2);
}
const gold = JSON.parse(readFileSync(goldPath, "utf8"));
const place = (f) => f.replace(/^shared:/, join(process.cwd(), "..", "shared", "corpus") + "/").replace(/^corpus:/, join(process.cwd(), ".corpus") + "/");
const files = gold.documents.map((d) => place(d.file));
const lines = execFileSync(process.execPath, [cli, "parse", ...files, "--json"], { encoding: "utf8", maxBuffer: 1 << 30 }).trim().split("\n");

const norm = (s) => String(s ?? "").normalize("NFKC").replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2010-\u2015]/g, "-").replace(/\s+/g, " ").trim();
const lower = (s) => norm(s).toLowerCase();
const ALIASES = new Map([["sg", "secretary-general"], ["ohchr", "office of the united nations high commissioner for human rights"]]);
const actorKey = (s) => {
  const k = lower(s).replace(/^the /, "");
  return ALIASES.get(k) ?? k;
};
const actorsMatch = (a, b) => {
  const x = actorKey(a), y = actorKey(b);
  return x === y || (x.length > 3 && y.includes(x)) || (y.length > 3 && x.includes(y));
};
const verbMatch = (a, b) => {
  const x = lower(a), y = lower(b);
  return x === y || (x && y && (x.startsWith(y + " ") || y.startsWith(x + " ")));
};

/** The fields matched, from the loosest key to the contract's. */
const LEVELS = {
  "in+verb": (g, x) => g.in === x.in && verbMatch(g.verb, x.verb),
  "+actor": (g, x) => g.in === x.in && verbMatch(g.verb, x.verb) && actorsMatch(g.actor, x.actor),
  "+report": (g, x) => LEVELS["+actor"](g, x) && Boolean(g.report) === Boolean(x.report),
  "+dueDate": (g, x) => LEVELS["+report"](g, x) && (g.dueDate ?? null) === (x.dueDate ?? null),
};

function match(goldList, got, same) {
  const used = new Set();
  const pairs = [];
  for (const g of goldList) {
    const j = got.findIndex((x, i) => !used.has(i) && same(g, x));
    if (j >= 0) {
      used.add(j);
      pairs.push([g, got[j]]);
    }
  }
  return { pairs, missed: goldList.filter((g) => !pairs.some(([p]) => p === g)), extra: got.filter((_, i) => !used.has(i)) };
}

const totals = Object.fromEntries(Object.keys(LEVELS).map((k) => [k, { hit: 0, gold: 0, got: 0 }]));
const dates = { right: 0, goldDated: 0, gotDated: 0, paired: 0 };
gold.documents.forEach((doc, i) => {
  const out = JSON.parse(lines[i]);
  const got = out.mandates ?? [];
  for (const [level, same] of Object.entries(LEVELS)) {
    const { pairs } = match(doc.mandates, got, same);
    totals[level].hit += pairs.length;
    totals[level].gold += doc.mandates.length;
    totals[level].got += got.length;
  }
  const { pairs, missed, extra } = match(doc.mandates, got, LEVELS["+report"]);
  for (const [g, x] of pairs) {
    dates.paired++;
    if ((g.dueDate ?? null) === (x.dueDate ?? null)) dates.right++;
    if (g.dueDate) dates.goldDated++;
    if (x.dueDate) dates.gotDated++;
  }
  if (verbose && (missed.length || extra.length || pairs.some(([g, x]) => (g.dueDate ?? null) !== (x.dueDate ?? null)))) {
    console.log(`${doc.symbol}`);
    for (const g of missed) console.log(`  missed  ${g.in} ${g.verb} | ${g.actor} | report ${g.report}${g.dueDate ? ` | ${g.dueDate}` : ""}`);
    for (const x of extra) console.log(`  extra   ${x.in}${x.sub ? `(${x.sub})` : ""} ${x.verb} | ${x.actor} | report ${x.report}${x.dueDate ? ` | ${x.dueDate}` : ""} | ${String(x.action).slice(0, 70)}`);
    for (const [g, x] of pairs) if ((g.dueDate ?? null) !== (x.dueDate ?? null)) console.log(`  date    ${g.in} ${g.verb} | ${g.actor}: gold ${g.dueDate} got ${x.dueDate}`);
  }
});
const f1 = ({ hit, gold: g, got }) => {
  const p = got ? hit / got : 0, r = g ? hit / g : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
console.log(`documents ${gold.documents.length}, gold mandates ${totals["in+verb"].gold}`);
for (const [level, t] of Object.entries(totals)) {
  const { p, r, f } = f1(t);
  console.log(`${level.padEnd(10)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (${t.hit} of ${t.gold} found, ${t.got} returned)`);
}
console.log(`dueDate right on ${dates.right} of ${dates.paired} mandates found (gold dated ${dates.goldDated}, returned dated ${dates.gotDated})`);
