/**
 * Learns the names of the Member States as the UN's records print them, from the voters of the
 * Akoma Ntoso files (`<count><akn4un:voters><organization>`), the Member State lists of the
 * rows of official metadata (`MS_in_favour`, `MS_against`, `MS_abstaining`) and the names
 * their sponsor lists give. Writes src/model/member-states.json, by which the sponsor sentences
 * of AKN files are split (src/model/official.ts: "Trinidad and Tobago" is one sponsor, "China
 * and Cuba" two; "the Bahamas" is BAHAMAS).
 *
 *   node --import tsx scripts/build-member-states.ts [AKN_DIR] [METADATA_DIR]
 *   (defaults: .corpus/akn, ../shared/corpus/metadata)
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { attr, cleanText, descendants, parseXml } from "../src/ingest/akn/xml.js";
import { memberStateName } from "../src/model/official.js";

const aknDir = process.argv[2] ?? ".corpus/akn";
const metadataDir = process.argv[3] ?? "../shared/corpus/metadata";
const names = new Set<string>();

let files = 0;
for (const language of readdirSync(aknDir).sort()) {
  for (const file of readdirSync(join(aknDir, language)).filter((f) => f.endsWith(".xml")).sort()) {
    const xml = parseXml(readFileSync(join(aknDir, language, file), "utf8"));
    if (!xml.ok) continue;
    files++;
    for (const root of xml.roots) {
      for (const count of descendants(root, ["count"])) {
        for (const voter of descendants(count, ["organization"])) {
          if ((attr(voter, "refersTo") ?? "").replace(/^#/, "") === "memberState") names.add(memberStateName(cleanText(voter)));
        }
      }
    }
  }
}

// Sponsors are often named in full where voting records shorten ("UNITED KINGDOM OF GREAT
// BRITAIN AND NORTHERN IRELAND", "UNITED KINGDOM"). The rows' sponsor lists give those names;
// kept when listed for two resolutions at least, in at most eight words, without brackets or
// commas: a description ("SUBMITTED BY THE CHAIR ...") or a slip of the extraction ("UNITED
// STATES AND VIET NAM", once) is not a name.
const sponsorCounts = new Map<string, number>();
let rows = 0;
for (const file of readdirSync(metadataDir).filter((f) => f.endsWith(".json")).sort()) {
  for (const line of readFileSync(join(metadataDir, file), "utf8").split("\n")) {
    if (!line.trim()) continue;
    rows++;
    const row = JSON.parse(line) as Record<string, unknown>;
    for (const key of ["MS_in_favour", "MS_against", "MS_abstaining"]) {
      const list = row[key];
      if (Array.isArray(list)) for (const name of list) if (typeof name === "string" && name.trim()) names.add(memberStateName(name));
    }
    for (const key of ["sponsors", "additional_sponsors"]) {
      const list = row[key];
      if (!Array.isArray(list)) continue;
      for (const name of new Set(list.filter((n): n is string => typeof n === "string").map(memberStateName))) {
        if (name && !/[(),]/.test(name) && name.split(" ").length <= 8) sponsorCounts.set(name, (sponsorCounts.get(name) ?? 0) + 1);
      }
    }
  }
}
for (const [name, count] of sponsorCounts) if (count >= 2) names.add(name);

names.delete("");
const sorted = [...names].sort();
writeFileSync(
  "src/model/member-states.json",
  JSON.stringify({ source: `voting records of ${files} AKN files; voting records and sponsor lists of ${rows} rows of official metadata`, names: sorted }, null, 1) + "\n",
);
console.log(`${sorted.length} names from ${files} AKN files and ${rows} rows; ${sorted.filter((n) => n.includes(" AND ")).length} hold " AND "`);
