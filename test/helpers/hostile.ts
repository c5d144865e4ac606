import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { enrich } from "../../src/enrich/index.js";
import { readResolution } from "../../src/ingest/read.js";
import type { Parsed, Resolution } from "../../src/model/types.js";
import { corpusFile, unpackedCorpus } from "./corpus.js";

/**
 * Real resolutions grown into hostile inputs: what made the parser, the decoders or the
 * enrichment grow faster than their input (a copy of a growing text per line, a search of a
 * growing list per item), each as a builder taking how many times the hostile piece repeats.
 * The tests check the result of each; `npm run bench -- hostile` times them at two sizes.
 */

export interface HostileInput {
  name: string;
  /** The file name the input is read under (it decides the format and the symbol). */
  file: string;
  build(count: number): string;
}

const text = (...parts: string[]) => readFileSync(corpusFile(...parts), "utf8");
const lazy = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};
export const odsText = lazy(() => text("seeds", "A_RES_69_235.en.txt"));
export const wrappedText = lazy(() => text("sc", "cr-unsc", "S_RES_242_1967.en.txt"));
export const aknText = lazy(() => readFileSync(join(unpackedCorpus(), "akn", "en", "A_RES_75_100.en.xml"), "utf8"));
export const eosgItems = lazy(() => JSON.parse(readFileSync(join(unpackedCorpus(), "eosg", "A_RES_73_247.en.paragraphs.json"), "utf8")) as Record<string, unknown>[]);

/** `text` with `added` put on the lines after the first line that contains `after`. */
export function insertAfter(text: string, after: string, added: string): string {
  const line = text.indexOf(after);
  if (line === -1) throw new Error(`no line with ${after}`);
  const at = text.indexOf("\n", line) + 1;
  return text.slice(0, at) + added + "\n" + text.slice(at);
}

/** `count` lines made by `line(i)`, joined. */
export const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join("\n");

/** The AKN file with `inner` inserted at the end of operative paragraph 2's text. */
export function aknParagraph2(inner: string): string {
  const akn = aknText();
  const end = akn.indexOf("</p>", akn.indexOf("Requests</span> the Secretary-General to hold"));
  return akn.slice(0, end) + inner + akn.slice(end);
}

/** The AKN file with `blocks` between operative paragraphs 2 and 3. */
export function aknAfterParagraph2(blocks: string): string {
  const akn = aknText();
  const at = akn.indexOf('<paragraph eId="para_25"');
  return akn.slice(0, at) + blocks + akn.slice(at);
}

/** The EOSG paragraphs with `items` before the item at `index`. */
export function eosgWith(index: number, items: Record<string, unknown>[]): string {
  const all = eosgItems();
  return JSON.stringify([...all.slice(0, index), ...items, ...all.slice(index)]);
}

export const eosgParagraph = (fields: Record<string, unknown>) => ({ type: "paragraph", prefix: null, paragraph_type: null, paragraph_level: null, links: [], ...fields });

/** 0 -> "a", 26 -> "aa", 999 -> "all": labels as sub-paragraphs are lettered. */
export function letters(i: number): string {
  let label = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) label = String.fromCharCode(97 + ((n - 1) % 26)) + label;
  return label;
}

const ODS = "A_RES_69_235.en.txt";
const EOSG = "A_RES_73_247.en.paragraphs.json";

export const HOSTILE_INPUTS: HostileInput[] = [
  { name: "[DU1] markers on one line", file: ODS, build: (n) => insertAfter(odsText(), "\tThe General Assembly,", "[DU1] ".repeat(n)) },
  {
    name: "hard-wrapped lines of one paragraph",
    file: "S_RES_242_1967.en.txt",
    build: (n) => insertAfter(wrappedText(), "1. Affirms", lines(n, () => "    and the parties concerned to the conflict in the region shall")),
  },
  {
    name: "operative lines continuing a paragraph",
    file: ODS,
    build: (n) => insertAfter(odsText(), "\t5.\t", lines(n, (i) => `\tRequests the programme of work number ${i + 1}`)),
  },
  {
    name: "call-outs repeated after the same words",
    file: ODS,
    build: (n) => {
      const second = odsText().split("\n").find((l) => l.startsWith("\t2.\t"))!;
      return odsText().replace(second, second + " and sustainable industrial development;3".repeat(n));
    },
  },
  {
    name: "EOSG zero-width spaces inside a paragraph",
    file: EOSG,
    build: (n) => eosgWith(40, [eosgParagraph({ text: `Requests${"\u200b".repeat(n)} the Secretary-General to report;`, prefix: "2." })]),
  },
  {
    name: "EOSG links whose words are not in the paragraph",
    file: EOSG,
    build: (n) =>
      eosgWith(40, [
        eosgParagraph({
          text: `Recalls resolution 70/1 and ${"the development ".repeat(n)}`,
          prefix: "2.",
          links: [["70/1", "https://undocs.org/A/RES/70/1"], ...Array.from({ length: n }, (_, i) => [`missing words ${i}`, `https://undocs.org/A/RES/71/${i}`])],
        }),
      ]),
  },
  {
    name: "EOSG sub-paragraphs of a preambular paragraph",
    file: EOSG,
    build: (n) => eosgWith(7, Array.from({ length: n }, (_, i) => eosgParagraph({ text: `the item ${i}`, prefix: `(${letters(i % 18_000)})` }))),
  },
  {
    name: "AKN blocks continuing an operative paragraph",
    file: "A_RES_75_100.en.xml",
    build: (n) => aknAfterParagraph2("<p>and the text goes on</p>".repeat(n)),
  },
  {
    name: "AKN linked and unlinked citations",
    file: "A_RES_75_100.en.xml",
    build: (n) => aknParagraph2(Array.from({ length: n }, (_, i) => ` <a href="https://undocs.org/en/A/RES/70/${i % 1000}">70/${i % 1000}</a> and resolution 71/${i % 1000},`).join("")),
  },
  {
    name: "citations split over hard-wrapped lines",
    file: "S_RES_242_1967.en.txt",
    build: (n) => insertAfter(wrappedText(), "1. Affirms", lines(n, (i) => `    recalling its resolution\n    ${70 + (i % 29)}/${i % 997} of the General Assembly and`)),
  },
  {
    name: "mandate clauses in one paragraph",
    file: ODS,
    build: (n) => insertAfter(odsText(), "\t5.\t", `\t6.\tTakes note of the report, ${Array.from({ length: n }, (_, i) => `requests ${i + 1} Member States to report on the item, `).join("")}and invites all States to act;`),
  },
  {
    name: "pronouns with nothing to stand for",
    file: ODS,
    build: (n) => insertAfter(odsText(), "\t5.\t", `\t6.\tTakes note of the report, ${"requests him to report on the matter, ".repeat(n)}and invites all States to act;`),
  },
  {
    name: "EOSG dash bullets continuing an operative paragraph",
    file: EOSG,
    build: (n) => eosgWith(40, Array.from({ length: n }, (_, i) => eosgParagraph({ text: `strengthening the item ${i};`, prefix: "\u2013" }))),
  },
  {
    name: "EOSG headings between a paragraph and its sub-paragraphs",
    file: EOSG,
    build: (n) =>
      eosgWith(40, [
        ...Array.from({ length: n }, (_, i) => ({ type: "heading", prefix: null, text: `Heading ${i}`, links: [] })),
        ...Array.from({ length: n }, (_, i) => eosgParagraph({ text: `the item ${i};`, prefix: `(${letters(i % 18_000)})`, paragraph_level: 2 })),
      ]),
  },
  {
    name: "decisions about mandates and their reviews",
    file: ODS,
    build: (n) =>
      insertAfter(
        odsText(),
        "\t5.\t",
        `\t6.\tTakes note of the report, ${Array.from({ length: n }, (_, i) => `decides to extend the mandate of the Panel of Experts on item ${i + 1} until 1 May 2030, expresses its intention to review the mandate no later than 1 April 2030, requests the Panel of Experts on item ${i + 1} to report every 90 days, `).join("")}and invites all States to act;`,
      ),
  },
];

export const hostileInput = (name: string) => HOSTILE_INPUTS.find((h) => h.name === name)!;

/**
 * A hang detector, not a speed target: each input of the tests reads in a second or two, and
 * took from 30 s to hours before (the test runner's own timeout cannot stop a parse that never
 * yields). Speed is measured in `npm run bench -- hostile`.
 */
const GUARD_MS = 30_000;

/** Reads and enriches `text` as the file `file`, failing when it takes longer than the guard. */
export async function readGuarded(text: string, file: string): Promise<{ parsed: Parsed; document: Resolution | null }> {
  const started = performance.now();
  const parsed = await readResolution(new TextEncoder().encode(text), { name: file });
  const document = parsed.ok ? enrich(parsed.document) : null;
  const elapsed = performance.now() - started;
  assert.ok(elapsed < GUARD_MS, `reading ${file} took ${(elapsed / 1000).toFixed(1)} s`);
  return { parsed, document };
}

/** The enriched document of `text`, which must read as a resolution. */
export async function readHostile(text: string, file: string): Promise<Resolution> {
  const { parsed, document } = await readGuarded(text, file);
  assert.ok(document, parsed.ok ? "" : parsed.problems.map((p) => p.message).join("; "));
  return document;
}
