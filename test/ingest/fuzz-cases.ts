import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORPUS, listFiles } from "../helpers/corpus.js";

/**
 * Fuzz cases: real corpus texts (ODS and hard-wrapped text, Akoma Ntoso XML, EOSG paragraph
 * JSON) mutated by a seeded generator, so that a failing case is made again from its seed and
 * number. Mutations are the damage files suffer and what a hostile user tries: lines deleted,
 * duplicated, swapped; markers of the formats put where they do not belong; control and
 * invisible characters; truncation; giant lines; random bytes; for EOSG, items reordered,
 * retyped, given wrong fields; for AKN, elements duplicated, emptied and nested.
 */

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
/**
 * Mutations that multiply stop near this size: the larger cases take a second or two, and the
 * whole run must stay within two minutes on two cores. Sizes far beyond are the bench's
 * (`npm run bench -- hostile`) and the linear tests'.
 */
const MAX_BYTES = 1_000_000;
const timesWithin = (times: number, size: number) => Math.max(1, Math.min(times, Math.floor(MAX_BYTES / Math.max(1, size))));
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)]!;

export interface BaseText {
  file: string;
  kind: "text" | "akn" | "eosg";
  text: string;
}

/** Every `step`-th file of a folder, so that the bases spread over the corpus. */
const every = (files: string[], step: number) => files.filter((_, i) => i % step === 0);

export function baseTexts(unpacked: string): BaseText[] {
  const read = (file: string, kind: BaseText["kind"]): BaseText => ({ file, kind, text: readFileSync(file, "utf8") });
  return [
    ...listFiles(join(CORPUS, "seeds"), ".txt").map((f) => read(f, "text")),
    ...every(listFiles(join(CORPUS, "ods"), ".txt"), 40).map((f) => read(f, "text")),
    ...every(listFiles(join(CORPUS, "sc", "cr-unsc"), ".txt"), 60).map((f) => read(f, "text")),
    ...every(listFiles(join(CORPUS, "sc", "uniteideas-unmis"), ".txt"), 20).map((f) => read(f, "text")),
    ...every(listFiles(join(unpacked, "akn", "en"), ".xml"), 60).map((f) => read(f, "akn")),
    ...["fr", "ru", "zh"].flatMap((l) => every(listFiles(join(unpacked, "akn", l), ".xml"), 200).map((f) => read(f, "akn"))),
    ...every(listFiles(join(unpacked, "eosg"), ".json"), 80).map((f) => read(f, "eosg")),
  ];
}

/** What a case is made of, to report a failure and make it again. */
export interface FuzzCase {
  index: number;
  base: string;
  name: string;
  mutations: string[];
  bytes: Uint8Array;
}

const MARKERS = [
  "[DU1]", "<<ODS JOB NO>>N2012345E<<ODS JOB NO>>", "<<ODS DOC SYMBOL1>>A/RES/70/1<<ODS DOC SYMBOL1>>", "\t1.\t", "\t999.\t", "\t1000.\t", "(a)\t", "(iv) ",
  "Annex", "Annex II", "The General Assembly,", "The Security Council,", "Resolution adopted by the General Assembly on 1 January 2020",
  "70/1.\tTitle", "Resolution 2417 (2018)", "75th plenary meeting", "1 See A/70/1.", "12", "resolution 70/1", "A/RES/70/1", "S/RES/1325 (2000)",
  "resolutions 61/1 and 62/2 of the Human Rights Council", "Requests the Secretary-General to report", "requests him to", "Recalling", "(", ")", "/",
  "<", ">", "&", "&amp;", "]]>", "<p>", "</p>", "<akomaNtoso>", "{", "}", "[", "]", '"', "\\", "\u201c", ",", ";", ".",
];
const CONTROLS = ["\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\r", "\u001b", "\u001f", "\u007f", "\u0085", "\u00a0", "\u00ad", "\u200b", "\u200e", "\u202e", "\u2028", "\ufeff", "\ufffd", "\ud800", "\udc00"];

/** One mutation of a text seen as lines; its description names it for the report. */
const TEXT_MUTATIONS: ((rng: Rng, lines: string[]) => string)[] = [
  (rng, lines) => {
    const at = int(rng, lines.length);
    const n = 1 + int(rng, 5);
    lines.splice(at, n);
    return `delete ${n} lines at ${at}`;
  },
  (rng, lines) => {
    const at = int(rng, lines.length);
    const times = timesWithin(pick(rng, [1, 2, 10, 200, 5000]), (lines[at] ?? "").length + 1);
    const copies = Array.from({ length: times }, () => lines[at] ?? "");
    lines.splice(at, 0, ...copies.splice(0, 10_000));
    return `duplicate line ${at} ${times} times`;
  },
  (rng, lines) => {
    const [a, b] = [int(rng, lines.length), int(rng, lines.length)];
    [lines[a], lines[b]] = [lines[b] ?? "", lines[a] ?? ""];
    return `swap lines ${a} and ${b}`;
  },
  (rng, lines) => {
    const at = int(rng, lines.length);
    const marker = pick(rng, MARKERS);
    const line = lines[at] ?? "";
    const col = int(rng, line.length + 1);
    lines[at] = line.slice(0, col) + marker + line.slice(col);
    return `insert ${JSON.stringify(marker)} at line ${at} column ${col}`;
  },
  (rng, lines) => {
    const at = int(rng, lines.length);
    const marker = pick(rng, MARKERS);
    lines.splice(at, 0, marker);
    return `insert the line ${JSON.stringify(marker)} at ${at}`;
  },
  (rng, lines) => {
    const at = int(rng, lines.length);
    const c = pick(rng, CONTROLS);
    const times = pick(rng, [1, 3, 1000]);
    const line = lines[at] ?? "";
    const col = int(rng, line.length + 1);
    lines[at] = line.slice(0, col) + c.repeat(times) + line.slice(col);
    return `insert ${times} x U+${c.charCodeAt(0).toString(16).padStart(4, "0")} at line ${at}`;
  },
  (rng, lines) => {
    const at = int(rng, lines.length);
    const line = lines[at] || "the United Nations";
    const size = pick(rng, [10_000, 100_000, 400_000]);
    lines[at] = line.repeat(Math.ceil(size / Math.max(1, line.length))).slice(0, size);
    return `grow line ${at} to ${size} characters`;
  },
  (rng, lines) => {
    const at = int(rng, lines.length);
    const markers = pick(rng, ["[DU1] ", "1. ", "(a) ", "resolution 70/1, ", "requests it to report, ", "\u200b", " and", "Declaration,1 "]);
    lines[at] = (lines[at] ?? "") + markers.repeat(pick(rng, [100, 20_000]));
    return `append ${JSON.stringify(markers)} repeated to line ${at}`;
  },
  (rng, lines) => {
    const all = lines.join("\n");
    const cut = int(rng, all.length);
    lines.splice(0, lines.length, ...all.slice(0, cut).split("\n"));
    return `truncate at ${cut}`;
  },
  (rng, lines) => {
    const all = lines.join("\n");
    lines.splice(0, lines.length, all.replace(/\n/g, pick(rng, [" ", "\r", "\t", ""])));
    return "join all lines into one";
  },
  (rng, lines) => {
    const at = int(rng, lines.length);
    const line = lines[at] ?? "";
    lines[at] = line.replace(/\d+/g, () => String(int(rng, 100_000)));
    return `renumber line ${at}`;
  },
];

function mutateLines(rng: Rng, text: string, count: number): { text: string; mutations: string[] } {
  const lines = text.split("\n");
  const mutations: string[] = [];
  for (let i = 0; i < count; i++) mutations.push(pick(rng, TEXT_MUTATIONS)(rng, lines));
  return { text: lines.join("\n"), mutations };
}

/** Bytes of the text with a few spans overwritten by random bytes. */
function randomBytes(rng: Rng, bytes: Uint8Array): { bytes: Uint8Array; mutation: string } {
  const out = new Uint8Array(bytes);
  const spans = 1 + int(rng, 4);
  for (let s = 0; s < spans; s++) {
    const at = int(rng, out.length);
    const length = pick(rng, [1, 8, 256]);
    for (let i = at; i < Math.min(out.length, at + length); i++) out[i] = int(rng, 256);
  }
  return { bytes: out, mutation: `overwrite ${spans} spans with random bytes` };
}

const EOSG_TYPES = ["frontmatter", "title", "paragraph", "heading", "backmatter", "footer", "other"];
const WRONG_VALUES: unknown[] = [null, 0, -1, 1e309, "", "x", [], {}, true, "(a)", "1.", "9999.", 3.5];

function mutateEosg(rng: Rng, text: string, count: number): { text: string; mutations: string[] } {
  let items: Record<string, unknown>[];
  try {
    items = JSON.parse(text);
  } catch {
    return mutateLines(rng, text, count);
  }
  const mutations: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = int(rng, items.length);
    const item = items[at] ?? {};
    switch (int(rng, 7)) {
      case 0:
        items.splice(at, 1 + int(rng, 3));
        mutations.push(`delete items at ${at}`);
        break;
      case 1: {
        const times = timesWithin(pick(rng, [2, 100, 3000]), JSON.stringify(item).length);
        items.splice(at, 0, ...Array.from({ length: times }, () => ({ ...item })));
        mutations.push(`duplicate item ${at} ${times} times`);
        break;
      }
      case 2:
        item.type = pick(rng, EOSG_TYPES);
        mutations.push(`retype item ${at} as ${String(item.type)}`);
        break;
      case 3: {
        const field = pick(rng, ["prefix", "paragraph_level", "paragraph_type", "links", "text", "type", "language"]);
        item[field] = pick(rng, WRONG_VALUES);
        mutations.push(`set ${field} of item ${at} to ${JSON.stringify(item[field])}`);
        break;
      }
      case 4: {
        const mutated = mutateLines(rng, typeof item.text === "string" ? item.text : "", 1 + int(rng, 2));
        item.text = mutated.text;
        mutations.push(`text of item ${at}: ${mutated.mutations.join("; ")}`);
        break;
      }
      case 5: {
        const n = pick(rng, [1, 50, 5000]);
        item.links = Array.from({ length: n }, (_, k) => pick(rng, [[`7${k}/1`, `https://undocs.org/A/RES/7${k}/1`], ["", ""], [1, 2], "x", [`missing ${k}`, "A/RES/1"]]));
        mutations.push(`give item ${at} ${n} links`);
        break;
      }
      default: {
        const [a, b] = [int(rng, items.length), int(rng, items.length)];
        [items[a], items[b]] = [items[b]!, items[a]!];
        mutations.push(`swap items ${a} and ${b}`);
      }
    }
    if (items[at] === undefined && items.length === 0) items.push(item);
  }
  return { text: JSON.stringify(items), mutations };
}

const AKN_ELEMENTS = ["paragraph", "container", "p", "point", "num", "authorialNote", "a", "list", "span", "content", "intro", "preamble", "mainBody", "conclusions"];

function mutateAkn(rng: Rng, text: string, count: number): { text: string; mutations: string[] } {
  let xml = text;
  const mutations: string[] = [];
  for (let i = 0; i < count; i++) {
    const tag = pick(rng, AKN_ELEMENTS);
    const opens: number[] = [];
    for (let at = xml.indexOf(`<${tag}`); at !== -1 && opens.length < 2000; at = xml.indexOf(`<${tag}`, at + 1)) {
      if (/[\s>/]/.test(xml[at + tag.length + 1] ?? "")) opens.push(at);
    }
    if (opens.length === 0) {
      const mutated = mutateLines(rng, xml, 1);
      xml = mutated.text;
      mutations.push(...mutated.mutations);
      continue;
    }
    const start = pick(rng, opens);
    const close = xml.indexOf(`</${tag}>`, start);
    const end = close === -1 ? xml.indexOf(">", start) + 1 : close + tag.length + 3;
    const element = xml.slice(start, end);
    switch (int(rng, 5)) {
      case 0: {
        const times = timesWithin(pick(rng, [2, 50, 2000]), element.length);
        xml = xml.slice(0, end) + element.repeat(times - 1) + xml.slice(end);
        mutations.push(`repeat a <${tag}> ${times} times`);
        break;
      }
      case 1:
        xml = xml.slice(0, start) + xml.slice(end);
        mutations.push(`delete a <${tag}>`);
        break;
      case 2: {
        const depth = pick(rng, [10, 1000, 20_000]);
        xml = xml.slice(0, end) + `<${tag}>`.repeat(depth) + "deep" + `</${tag}>`.repeat(depth) + xml.slice(end);
        mutations.push(`nest <${tag}> ${depth} deep`);
        break;
      }
      case 3: {
        const marker = pick(rng, MARKERS.filter((m) => !/[<&]/.test(m))) + pick(rng, ["", " ".repeat(3), "\u200b".repeat(500)]);
        const inside = xml.indexOf(">", start) + 1;
        xml = xml.slice(0, inside) + marker.repeat(pick(rng, [1, 1000])) + xml.slice(inside);
        mutations.push(`put ${JSON.stringify(marker.slice(0, 30))} inside a <${tag}>`);
        break;
      }
      default: {
        const mutated = mutateLines(rng, xml, 1);
        xml = mutated.text;
        mutations.push(...mutated.mutations);
      }
    }
  }
  return { text: xml, mutations };
}

const encoder = new TextEncoder();

/** Case `index` of the run seeded `seed`: a base text, its mutations, and the bytes to read. */
export function makeCase(seed: number, index: number, bases: BaseText[]): FuzzCase {
  const rng = random(seed * 1_000_003 + index);
  const base = pick(rng, bases);
  const count = 1 + int(rng, 3);
  const mutated = base.kind === "eosg" ? mutateEosg(rng, base.text, count) : base.kind === "akn" ? mutateAkn(rng, base.text, count) : mutateLines(rng, base.text, count);
  let bytes: Uint8Array = encoder.encode(mutated.text);
  const mutations = [...mutated.mutations];
  if (rng() < 0.08) {
    const overwritten = randomBytes(rng, bytes);
    bytes = overwritten.bytes;
    mutations.push(overwritten.mutation);
  }
  // mostly the corpus's name (which tells format and language), sometimes none: detection alone
  const fileName = base.file.split("/").pop()!;
  const name = rng() < 0.8 ? fileName : pick(rng, ["input", "input.txt", "input.xml", "input.json"]);
  return { index, base: fileName, name, mutations, bytes };
}
