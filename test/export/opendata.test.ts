import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLParser } from "fast-xml-parser";
import { readResolution } from "../../src/ingest/read.js";
import { enrich } from "../../src/enrich/index.js";
import { allCitations, CITATION_COLUMNS, MANDATE_COLUMNS, toCitationsCsv, toGraphMl, toJsonLines, toMandatesCsv } from "../../src/export/opendata.js";
import type { Resolution } from "../../src/model/types.js";
import { readCorpus } from "../helpers/corpus.js";

async function corpusDocs(): Promise<Resolution[]> {
  const docs: Resolution[] = [];
  for (const parts of [["seeds", "A_RES_63_231.en.txt"], ["seeds", "A_RES_69_235.en.txt"], ["ods", "A_RES_75_100.en.txt"]]) {
    const parsed = await readResolution(readCorpus(...parts), { name: parts.at(-1)! });
    assert.ok(parsed.ok, `${parts.join("/")} parses`);
    docs.push(enrich(parsed.document));
  }
  return docs;
}

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF), enough to read back what was written. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      (row = []), (field = ""), i++;
    } else field += c;
  }
  assert.equal(field + row.join(""), "", "the text ends with a line break");
  return rows;
}

test("JSON Lines: one contract object per document, in order", async () => {
  const docs = await corpusDocs();
  const lines = toJsonLines(docs).split("\n");
  assert.equal(lines.pop(), "", "newline-terminated");
  assert.deepEqual(lines.map((l) => JSON.parse(l).symbol), ["A/RES/63/231", "A/RES/69/235", "A/RES/75/100"]);
  assert.equal(JSON.parse(lines[0]!).operative.length, 20);
  assert.equal(toJsonLines([]), "");
});

test("citations CSV: a header, one row per citation, RFC 4180 quoting that reads back", async () => {
  const docs = await corpusDocs();
  const rows = readCsv(toCitationsCsv(docs));
  assert.deepEqual(rows[0], [...CITATION_COLUMNS]);
  const expected = docs.flatMap((d) => allCitations(d).map((c) => [d.meta.symbol, c.symbol, c.in, c.text]));
  assert.ok(expected.length > 10, "the documents cite others");
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[2], r[4], r[5]]), expected);
  // 63/231 paragraph 1 of the preamble cites resolution 46/151 among others
  assert.ok(rows.some((r) => r[0] === "A/RES/63/231" && r[2] === "A/RES/46/151" && r[4] === "preamble.1"));
});

test("mandates CSV: one row per mandate with the documented columns", async () => {
  const docs = await corpusDocs();
  const rows = readCsv(toMandatesCsv(docs));
  assert.deepEqual(rows[0], [...MANDATE_COLUMNS]);
  const mandates = docs.flatMap((d) => d.operative.flatMap((p) => p.mandates.map((m) => [d.meta.symbol, m.in, m.actor, m.verb])));
  const column = (name: (typeof MANDATE_COLUMNS)[number]) => MANDATE_COLUMNS.indexOf(name);
  assert.deepEqual(rows.slice(1).map((r) => [r[column("symbol")], r[column("paragraph")], r[column("actor")], r[column("verb")]]), mandates);
  assert.ok(rows.slice(1).every((r) => r.length === MANDATE_COLUMNS.length));
});

test("CSV quoting: commas, quotes and line breaks survive", () => {
  const doc = structuredClone(minimalDocument());
  doc.citations = [{ symbol: "A/RES/1 (I)", kind: "resolution", text: 'the "first", of all\nresolutions', in: "header", position: doc.conclusions.position! }];
  const csv = toCitationsCsv([doc]);
  assert.match(csv, /"the ""first"", of all\nresolutions"/);
  assert.deepEqual(readCsv(csv)[1]!.slice(2, 6), ["A/RES/1 (I)", "resolution", "header", 'the "first", of all\nresolutions']);
});

test("GraphML: symbols as nodes, citations as directed edges with their paragraph", async () => {
  const docs = await corpusDocs();
  const xml = toGraphMl(docs);
  const graph = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ["node", "edge", "data", "key"].includes(name) }).parse(xml).graphml;
  assert.equal(graph.xmlns, "http://graphml.graphdrawing.org/xmlns");
  const nodes: any[] = graph.graph.node;
  const edges: any[] = graph.graph.edge;
  const citations = docs.flatMap((d) => allCitations(d).map((c) => [d.meta.symbol, c.symbol, c.in]));
  assert.deepEqual(edges.map((e) => [e.source, e.target, e.data.find((d: any) => d.key === "paragraph")["#text"]]), citations);
  const ids = new Set(nodes.map((n) => n.id));
  assert.equal(ids.size, nodes.length, "one node per symbol");
  for (const e of edges) assert.ok(ids.has(e.source) && ids.has(e.target), "edges join nodes");
  const own = nodes.find((n) => n.id === "A/RES/63/231");
  assert.equal(own.data.find((d: any) => d.key === "inCollection")["#text"], true);
  assert.equal(own.data.find((d: any) => d.key === "title")["#text"], "Industrial development cooperation");
});

function minimalDocument(): Resolution {
  const point = { line: 1, column: 1, offset: 0 };
  const position = { start: point, end: point };
  return {
    type: "resolution",
    meta: { symbol: "A/RES/2/1", body: "GA", language: "en", title: "T", adoptionDate: null, session: 2, committee: null, committeeReport: null, agendaItem: null, plenaryMeeting: null, distributionDate: null, jobNumber: null },
    formula: null,
    preamble: [],
    operative: [],
    headings: [],
    conclusions: { meeting: null, date: null, position },
    footnotes: [],
    annexes: [],
    citations: [],
    sdgs: [],
    problems: [],
    source: { format: "text", text: "" },
  };
}
