import assert from "node:assert/strict";
import { type AlignedPair, type Alignment, alignResolutions } from "../../src/compare/align.js";
import { enrich } from "../../src/enrich/index.js";
import { readResolution } from "../../src/ingest/read.js";
import type { Resolution } from "../../src/model/types.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readCorpus, unpackedCorpus } from "../helpers/corpus.js";

/** A corpus resolution, parsed and enriched: `corpusResolution("seeds", "A_RES_63_231.en.txt")`. */
export async function corpusResolution(folder: string, name: string): Promise<Resolution> {
  const parsed = await readResolution(readCorpus(folder, name), { name });
  assert.ok(parsed.ok, `${folder}/${name} parses`);
  return enrich(parsed.document);
}

/** The ODS text of a General Assembly resolution by its short symbol: "79/222" -> ods/A_RES_79_222.en.txt. */
export function ods(short: string): Promise<Resolution> {
  return corpusResolution("ods", `A_RES_${short.replace("/", "_")}.en.txt`);
}

/**
 * Industrial development cooperation in the corpus: 63/231 and 69/235 (seeds), 75/231, 77/180
 * and 79/222 (ODS texts), oldest first.
 */
export async function industrialDevelopment(): Promise<Resolution[]> {
  return [
    await corpusResolution("seeds", "A_RES_63_231.en.txt"),
    await corpusResolution("seeds", "A_RES_69_235.en.txt"),
    await ods("75/231"),
    await ods("77/180"),
    await ods("79/222"),
  ];
}

/** A Security Council text of ../shared/corpus/sc/cr-unsc: `security("420", 1977)`. */
export function security(number: string, year: number): Promise<Resolution> {
  return corpusResolution("sc/cr-unsc", `S_RES_${number}_${year}.en.txt`);
}

/** A resolution on the United Nations Mission in Sudan, of ../shared/corpus/sc/uniteideas-unmis. */
export function unmis(number: string, year: number): Promise<Resolution> {
  return corpusResolution("sc/uniteideas-unmis", `S_RES_${number}_${year}.en.txt`);
}

/** An EOSG paragraph file of the unpacked archive, by the name before `.en.paragraphs.json`: `eosg("S_RES_2766(2024)")`. */
export async function eosg(name: string): Promise<Resolution> {
  const file = `${name}.en.paragraphs.json`;
  const parsed = await readResolution(new Uint8Array(readFileSync(join(unpackedCorpus(), "eosg", file))), { name: file });
  assert.ok(parsed.ok, `eosg/${file} parses`);
  return enrich(parsed.document);
}

/**
 * Expected alignment rows, as a reader writes them after reading both texts:
 * "operative.20 -> operative.31 edited", "preamble.8 -> dropped", "added -> operative.2".
 * A change may be "paired" to accept any change of a pair whose order is a matter of choice.
 */
export function assertAlignment(alignment: Alignment, expected: string[]): void {
  for (const row of expected) {
    const m = /^(\S+) -> (\S+)(?: (\S+))?$/.exec(row);
    assert.ok(m, `row "${row}" is well formed`);
    const [, from, to, change] = m;
    if (to === "dropped") {
      const pair = find(alignment, from!, null);
      assert.equal(pair?.change, "dropped", `${from} is dropped; found ${describe(alignment, from!)}`);
    } else if (from === "added") {
      const pair = find(alignment, null, to!);
      assert.equal(pair?.change, "added", `${to} is added; found ${describe(alignment, to!)}`);
    } else {
      const pair = find(alignment, from!, to!);
      assert.ok(pair, `${from} pairs with ${to}; found ${describe(alignment, from!)}`);
      if (change && change !== "paired") assert.equal(pair.change, change, `${from} -> ${to} is ${change}`);
    }
  }
}

function find(alignment: Alignment, from: string | null, to: string | null): AlignedPair | undefined {
  return alignment.pairs.find((p) => (p.from?.id ?? null) === from && (p.to?.id ?? null) === to);
}

function describe(alignment: Alignment, id: string): string {
  const rows = alignment.pairs.filter((p) => p.from?.id === id || p.to?.id === id);
  return rows.map((p) => `${p.from?.id ?? "-"} -> ${p.to?.id ?? "-"} ${p.change}`).join("; ") || "nothing";
}

export async function alignCorpus(from: Promise<Resolution>, to: Promise<Resolution>): Promise<Alignment> {
  return alignResolutions(await from, await to);
}
