import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { readResolution } from "../../src/ingest/read.js";
import { enrich } from "../../src/enrich/index.js";
import { toAkn } from "../../src/export/akn.js";
import type { Resolution } from "../../src/model/types.js";
import { SHARED } from "../helpers/corpus.js";

export const AKN_SCHEMA = join(SHARED, "schemas/akn/akomantoso30.xsd");

/** Reads, enriches and exports one corpus file; the error message when it is not a resolution. */
export async function exportFile(path: string): Promise<{ doc: Resolution; xml: string } | { error: string }> {
  const parsed = await readResolution(new Uint8Array(readFileSync(path)), { name: basename(path) });
  if (!parsed.ok) return { error: parsed.problems.map((p) => p.message).join("; ") };
  const doc = enrich(parsed.document);
  return { doc, xml: toAkn(doc) };
}

export interface Exported {
  path: string;
  xml: string;
  /** What the document model holds, to compare with what the export carries. */
  model: { containers: number; paragraphs: number; notes: number; citations: number };
}

/** Exports every readable file once; files that are not resolutions (per their reader) are listed apart. */
export async function exportAll(paths: string[]): Promise<{ exported: Exported[]; unreadable: string[] }> {
  const exported: Exported[] = [];
  const unreadable: string[] = [];
  for (const path of paths) {
    const result = await exportFile(path);
    if ("error" in result) {
      unreadable.push(`${basename(path)}: ${result.error}`);
      continue;
    }
    const { doc, xml } = result;
    const citations = [...doc.preamble, ...doc.operative, ...doc.footnotes].reduce((n, p) => n + p.citations.length, 0);
    exported.push({ path, xml, model: { containers: doc.preamble.length, paragraphs: doc.operative.length, notes: doc.footnotes.length, citations } });
  }
  return { exported, unreadable };
}

/** Exports that do not carry exactly one element per preambular and operative paragraph, footnote and citation. */
export function unfaithfulExports(exported: Exported[]): string[] {
  const wrong: string[] = [];
  for (const e of exported) {
    const carried = {
      containers: (e.xml.match(/<container name="(?!heading")/g) ?? []).length,
      paragraphs: (e.xml.match(/<paragraph eId="para_/g) ?? []).length,
      notes: (e.xml.match(/<authorialNote /g) ?? []).length,
      citations: (e.xml.match(/<a href=/g) ?? []).length,
    };
    if (JSON.stringify(carried) !== JSON.stringify(e.model)) wrong.push(`${basename(e.path)} ${JSON.stringify(carried)} != ${JSON.stringify(e.model)}`);
  }
  return wrong;
}

/**
 * Validates XML texts against the OASIS schema with xmllint, many files per call (loading the
 * schema once per call is most of the time). Returns the schema errors of each invalid text by
 * name; an empty map when all are valid.
 */
export function invalidAgainstSchema(texts: Map<string, string>, batchSize = 400): Map<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), "akn-validate-"));
  const invalid = new Map<string, string[]>();
  try {
    const byPath = new Map<string, string>();
    let i = 0;
    for (const [name, xml] of texts) {
      const path = join(dir, `${i++}.xml`);
      writeFileSync(path, xml);
      byPath.set(path, name);
    }
    const paths = [...byPath.keys()];
    for (let start = 0; start < paths.length; start += batchSize) {
      const batch = paths.slice(start, start + batchSize);
      const run = spawnSync("xmllint", ["--noout", "--schema", AKN_SCHEMA, ...batch], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
      if (run.error) throw run.error;
      const validated = new Set<string>();
      for (const line of run.stderr.split("\n")) {
        const ok = /^(.+\.xml) validates$/.exec(line);
        if (ok) {
          validated.add(ok[1]!);
          continue;
        }
        const problem = /^(.+?\.xml)(?::\d+:| fails to validate)/.exec(line);
        if (!problem || !byPath.has(problem[1]!)) continue;
        const name = byPath.get(problem[1]!)!;
        if (!line.endsWith("fails to validate")) invalid.set(name, [...(invalid.get(name) ?? []), line.slice(problem[1]!.length + 1)]);
        else if (!invalid.has(name)) invalid.set(name, ["fails to validate"]);
      }
      // A file xmllint said nothing about (it crashed, or was killed) is not valid either.
      for (const path of batch) if (!validated.has(path) && !invalid.has(byPath.get(path)!)) invalid.set(byPath.get(path)!, [`xmllint gave no verdict (exit ${run.status})`]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return invalid;
}

export function xmllintAvailable(): boolean {
  return !spawnSync("xmllint", ["--version"]).error;
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, trimValues: false, parseTagValue: false, parseAttributeValue: false });

export interface AknCounts {
  /** `container`s of preambles, but for heading blocks (class "H1"). */
  containers: number;
  /** Operative `paragraph`s of main bodies (with text, not the UN's heading-only paragraphs). */
  paragraphs: number;
  /** `authorialNote`s anywhere, annexes included. */
  notes: number;
  /**
   * Links to UN documents (undocs.org) outside the annexes (the model keeps no citations of
   * annex text). The UN's files often cut one link in pieces ("690", " ", "(1991)"): links to
   * the same address with nothing but white space between them count once.
   */
  links: number;
}

const UN_DOCUMENT = /^https?:\/\/(?:www\.)?undocs\.org\//i;

function textOf(nodes: OrderedNode[]): string {
  let out = "";
  for (const node of nodes) {
    if (typeof node["#text"] === "string" || typeof node["#text"] === "number") out += String(node["#text"]);
    for (const [k, v] of Object.entries(node)) if (k !== ":@" && k !== "#text" && k !== "authorialNote") out += textOf(v as OrderedNode[]);
  }
  return out;
}

/**
 * The UN's files sometimes mark sub-paragraphs "(a)", "(b)" as paragraphs of their own, without
 * a num: they are sub-paragraphs of the numbered paragraph before them, not operative paragraphs.
 */
function isLetteredParagraph(children: OrderedNode[]): boolean {
  return !children.some((c) => "num" in c) && /^\s*\(\w{1,4}\)/.test(textOf(children));
}

/** Counts the structure of an AKN file: its own or the UN's, statement or documentCollection. */
export function countAkn(xml: string): AknCounts {
  const counts: AknCounts = { containers: 0, paragraphs: 0, notes: 0, links: 0 };
  const walk = (nodes: OrderedNode[], path: string[]) => {
    let previousHref: string | null = null;
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ":@" && k !== "#text");
      if (!name) {
        if (String(node["#text"] ?? "").trim()) previousHref = null;
        continue;
      }
      const children = node[name] as OrderedNode[];
      const inAttachment = path.includes("attachments");
      if (name === "container" && path.at(-1) === "preamble" && !/^H\d/.test(node[":@"]?.class ?? "")) counts.containers++;
      if (name === "paragraph" && path.includes("mainBody") && !inAttachment && !path.includes("paragraph")) {
        if (children.some((c) => "content" in c || "list" in c) && !isLetteredParagraph(children)) counts.paragraphs++;
      }
      if (name === "authorialNote") counts.notes++;
      const href = name === "a" ? (node[":@"]?.href ?? "") : null;
      if (href !== null && UN_DOCUMENT.test(href) && href !== previousHref && !inAttachment && !path.includes("coverPage")) counts.links++;
      previousHref = href;
      walk(children, [...path, name]);
    }
  };
  walk(parser.parse(xml) as OrderedNode[], []);
  return counts;
}
