import { problem } from "../model/problems.js";
import { assemblySession, resolutionSymbol, symbolFromFileName } from "../model/symbols.js";
import { trimEndWhere } from "../model/text.js";
import type { Body, Language, Parsed, Problem } from "../model/types.js";
import {
  adoptionLine,
  dateLine,
  distributionDate,
  meetingLine,
  numberTitleLine,
  reportLine,
  scAdoptionLine,
  scNumberLine,
} from "../parse/metadata.js";
import { openingPhrase } from "../parse/lexicon/phrases.js";
import { assemble, emptyMetadata, type Draft, type DraftAnnex, type DraftBlock, type DraftSubparagraph } from "./assemble.js";
import { decodeText } from "./decode.js";
import type { ReadOptions } from "./read.js";
import { PendingJoins, RichTextBuilder, joinRich, plainText, sliceRich, type LinkSpan, type RichText } from "./rich-text.js";

/**
 * The paragraph JSON of the Executive Office of the Secretary-General (EOSG): a list of the
 * resolution's paragraphs in order, each typed (frontmatter, title, paragraph, heading,
 * backmatter, footer), operative ones with their printed `prefix` ("1.", "(a)") and level, and
 * the document links found in each as [text, url] pairs. Frontmatter lines are the ones the
 * text parser reads ("Resolution adopted by ...", "[on the report of ...]", "70/1.\tTitle"),
 * so their facts come from the same functions.
 *
 * Presidential statements (S/PRST, A/HRC/PRST) have no numbered paragraphs: their statement
 * paragraphs are kept as unnumbered paragraphs of the body.
 */

interface EosgParagraph {
  text: string;
  type: string;
  paragraph_type?: string | null;
  paragraph_level?: number | null;
  prefix?: string | null;
  links?: unknown;
  language?: string | null;
}

const FORMULA = /^The (General Assembly|Security Council|Economic and Social Council|Human Rights Council)\s*[,.:]?$/i;
const FORMULA_INLINE = /^(The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council))\s+\p{Ll}/u;
/** "(a)", "(iv)", "(2)", and "a." in files that print letters so. */
const SUB_PREFIX = /^(?:\(([a-z]{1,3}|[ivxlc]{1,7}|\d{1,2})\)|([a-z]|[ivx]{1,5})\.)$/i;
const NUMBER_PREFIX = /^(\d{1,4})\s*\.?$/;
/** The rest of an adoption line wrapped onto an item of its own: "on 21 October 2011", "29 March 2005". */
const ADOPTION_DATE_REST = /^(?:on\s+)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*$/;
/** A heading that is a lettered sub-paragraph's title: "(a)\tProtection of civilians". */
const HEADING_SUBPARAGRAPH = /^\(([a-z]{1,2}|[ivx]{1,5})\)\s+/;
/** "Annex", "Annex B", "Annex A – items requiring advance notification". */
const ANNEX_HEADING = /^Annex(?:es)?(?:\s+(?:[IVXL]{1,6}|[A-Z]|\d{1,2}))?\s*(?:$|[\u2013\u2014:-]\s)/i;
const SECTION_MARKER = /^==\s*(\S.{0,60}?)\s*==$/;
/** Bullets of lists inside a paragraph: "–", "-", "•". */
const BULLET_PREFIX = /^[\u2013\u2014\u2022\u00b7-]\.?$/;
const ANNEX_LINE = /^Annex(?:es)?(?:\s+([IVXL]{1,6}|[A-Z]|\d{1,2}))?\s*$/i;
const SPECIAL_TITLE = /^((?:ES|S)-\d{1,2}\/\d{1,3})\.\s+(\S[^\n]{0,2000})$/;
const TYPED_PREFIX = /^(\d{1,3}\.|\((?:[a-z]{1,3}|[ivxlc]{1,7})\))\s+/;
const SYMBOL_LINE = /^(?:[A-Z]{1,4}\/){1,3}[A-Z0-9.\-/]{1,40}(?: \((?:\d{4}|[IVXL]{1,6})\))?$/;

export function decodeEosg(bytes: Uint8Array, options: ReadOptions = {}): Parsed {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  let data: unknown;
  try {
    data = JSON.parse(decoded.text);
  } catch (e) {
    const records = jsonLines(decoded.text);
    if (records) {
      return {
        ok: false,
        problems: [
          problem(
            "not-a-resolution",
            `this is JSON Lines of ${records} records (resolution metadata?), not the text of a resolution: the registry reads resolutions as ODS text, PDF, Akoma Ntoso XML or EOSG paragraph JSON`,
          ),
        ],
      };
    }
    return { ok: false, problems: [problem("malformed-json", `the JSON is malformed: ${e instanceof Error ? e.message : String(e)}`)] };
  }
  const items = Array.isArray(data) ? data : null;
  if (!items || items.some((x) => !isParagraph(x))) {
    return { ok: false, problems: [problem("not-eosg", "the JSON is not an EOSG paragraph list: expected an array of {text, type, ...} objects")] };
  }
  return assemble(new EosgReader((items as EosgParagraph[]).map(paragraphOf), options, decoded.problems).draft());
}

function isParagraph(x: unknown): boolean {
  return typeof x === "object" && x !== null && typeof (x as EosgParagraph).text === "string" && typeof (x as EosgParagraph).type === "string";
}

/** The fields the reader uses, each of its type or null: a field of another type (a number for a prefix) counts as absent. */
function paragraphOf(x: EosgParagraph): EosgParagraph {
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  const level = x.paragraph_level;
  return {
    text: x.text,
    type: x.type,
    prefix: text(x.prefix),
    paragraph_type: text(x.paragraph_type),
    paragraph_level: typeof level === "number" && Number.isFinite(level) ? level : null,
    links: x.links,
    language: text(x.language),
  };
}

function bodyOfSymbol(symbol: string | null): Body | null {
  if (!symbol) return null;
  if (/^A\/HRC\//.test(symbol)) return "HRC";
  if (/^S\//.test(symbol)) return "SC";
  if (/^E\//.test(symbol)) return "ECOSOC";
  if (/^A\//.test(symbol)) return "GA";
  return null;
}

class EosgReader {
  private readonly blocks: DraftBlock[] = [];
  private readonly header: RichText[] = [];
  private readonly annexes: DraftAnnex[] = [];
  private readonly problems: Problem[];
  private readonly meta;
  private formula: string | null = null;
  private conclusions: Draft["conclusions"] = { meeting: null, date: null, lines: [] };
  private section: string | undefined;
  /** An "Annex" heading was read after the operative paragraphs. */
  private inAnnex = false;
  private readonly statement: boolean;
  /** Whether an operative paragraph was read: asked at every paragraph, so not searched for. */
  private operativeSeen = false;
  /** Sub-paragraphs of preambular paragraphs, and what continues an operative one, joined to them once at the end. */
  private readonly joins = new PendingJoins();
  /** The last paragraph read, past the headings after it: what a continuation or sub-paragraph belongs to, kept as blocks come. */
  private lastParagraph: DraftBlock | null = null;
  /** The number of the last operative paragraph (null when it had none). */
  private lastOperativeNumber: number | null = null;
  /** The adoption line was completed by a date of its own: once only. */
  private adoptionJoined = false;

  constructor(
    private readonly items: EosgParagraph[],
    private readonly options: ReadOptions,
    problems: Problem[],
  ) {
    this.problems = [...problems];
    const language = (items.find((i) => typeof i.language === "string")?.language ?? options.language ?? "en") as Language;
    this.meta = emptyMetadata(["en", "fr", "es", "ru", "ar", "zh"].includes(language) ? language : "en");
    const fromName = symbolFromFileName(options.name ?? "");
    this.meta.symbol = fromName;
    this.meta.body = bodyOfSymbol(fromName) ?? "GA";
    this.statement = /\/PRST\//.test(fromName ?? "");
  }

  draft(): Draft {
    let sawTitle = false;
    for (const item of this.items) {
      const rich = richOf(item);
      if (!rich.text && !item.prefix) continue;
      if (this.inAnnex && (item.type === "paragraph" || item.type === "heading")) {
        this.readAnnexItem(item, rich);
        continue;
      }
      switch (item.type) {
        case "frontmatter":
          this.readFrontmatter(item, rich, sawTitle);
          break;
        case "title":
          sawTitle = true;
          this.readTitle(rich);
          break;
        case "heading":
          this.readHeading(item, rich);
          break;
        case "paragraph":
          this.readParagraph(item, rich);
          break;
        case "backmatter":
          this.readBackmatter(item.text, rich);
          break;
        default:
          break; // footers: page furniture
      }
    }
    this.joins.flush();
    this.finishMetadata();
    return {
      format: "eosg",
      ...(this.options.name ? { name: this.options.name } : {}),
      meta: this.meta,
      header: this.header,
      formula: this.formula,
      blocks: this.blocks,
      conclusions: this.conclusions,
      annexes: this.annexes,
      footnotes: [],
      problems: this.problems,
    };
  }

  private readFrontmatter(item: EosgParagraph, rich: RichText, sawTitle: boolean): void {
    const text = rich.text;
    // Some files type the whole resolution as frontmatter: after the formula, read paragraphs.
    if (this.formula || (FORMULA.test(text) && !this.statement)) {
      this.readParagraph(item, rich);
      return;
    }
    // Old resolutions open with the formula inside the first sentence: "The General Assembly resolves that ..."
    const inline = this.statement ? null : FORMULA_INLINE.exec(text);
    if (inline) {
      this.formula = inline[1]!;
      this.pushOperative({ kind: "operative", number: null, phrase: null, lead: rich, subparagraphs: [], ...this.placement() });
      return;
    }
    // Statements by the President are typed as frontmatter: their paragraphs open with a quote.
    if (this.statement && (/^[\u201c"]/.test(text) || (sawTitle && text.length > 200))) {
      this.pushOperative({ kind: "operative", number: null, phrase: null, lead: rich, subparagraphs: [], ...this.placement() });
      return;
    }
    this.header.push(rich);
    const adopted = adoptionLine(text);
    if (adopted) {
      this.meta.body = adopted.body;
      this.meta.adoptionDate = adopted.date;
      return;
    }
    const sc = scAdoptionLine(text);
    if (sc) {
      this.meta.body = "SC";
      this.meta.adoptionDate = sc.date;
      this.meta.plenaryMeeting = sc.meeting ?? this.meta.plenaryMeeting;
      return;
    }
    const report = reportLine(text);
    if (report) {
      this.meta.committee = report.committee;
      this.meta.committeeReport = report.report;
      return;
    }
    if (SYMBOL_LINE.test(text) && /\/(?:RES|PRST|DEC)\//.test(text)) {
      this.meta.symbol = text.replace(/\s+/g, " ");
      return;
    }
    const nt = numberTitleLine(text);
    if (nt || this.readSpecialTitle(text)) {
      this.readTitle(this.header.pop()!);
      return;
    }
    this.meta.distributionDate ??= distributionDate(text) ?? null;
  }

  private readTitle(rich: RichText): void {
    this.header.push(rich);
    const nt = numberTitleLine(rich.text);
    if (nt) {
      this.meta.session = nt.session;
      this.meta.title = nt.title;
      if (!this.meta.symbol || !this.meta.symbol.includes(nt.number)) {
        if (this.meta.body === "GA") this.meta.symbol = resolutionSymbol({ body: "GA", number: nt.number, ...(nt.part ? { part: nt.part } : {}) });
      }
      return;
    }
    const sc = scNumberLine(rich.text);
    if (sc) {
      this.meta.body = "SC";
      this.meta.symbol = resolutionSymbol({ body: "SC", number: String(sc.number), qualifier: String(sc.year) });
      return;
    }
    this.meta.title ??= rich.text || null;
  }

  /** "S-30/1.\tTitle": special-session numbers that the GA pattern does not cover. */
  private readSpecialTitle(text: string): boolean {
    const m = SPECIAL_TITLE.exec(text);
    if (!m) return false;
    this.meta.title = m[2]!.trim();
    return true;
  }

  /**
   * "on 18 September 1998" or "29 March 2005", typed as a paragraph or a heading of its own,
   * completes "Adopted by the Security Council at its 3928th meeting, on": whether it did.
   */
  private continueAdoptionLine(rich: RichText): boolean {
    const last = this.header.at(-1);
    if (this.adoptionJoined || this.formula || !last || !/^Adopted\b/i.test(last.text) || !ADOPTION_DATE_REST.test(rich.text)) return false;
    const joined = joinRich([last, rich]);
    const sc = scAdoptionLine(joined.text.replace(/\bon on\b/, "on"));
    if (!sc) return false;
    this.header[this.header.length - 1] = joined;
    this.adoptionJoined = true;
    this.meta.body = "SC";
    this.meta.adoptionDate = sc.date;
    this.meta.plenaryMeeting = sc.meeting ?? this.meta.plenaryMeeting;
    return true;
  }

  /** A paragraph or heading of an annex opened by a heading "Annex": its title, then its blocks. */
  private readAnnexItem(item: EosgParagraph, rich: RichText): void {
    const annex = this.annexes.at(-1)!;
    const prefix = item.prefix?.trim();
    const text = prefix ? joinRich([plainText(prefix), rich]) : rich;
    if (item.type === "heading" && annex.title === null && annex.blocks.length === 0 && text.text.length < 300) annex.title = text;
    else annex.blocks.push(text);
  }

  private readHeading(item: EosgParagraph, rich: RichText): void {
    if (this.continueAdoptionLine(rich)) return;
    // "Annex" after the operative paragraphs: what follows is the annex, not more paragraphs
    if (ANNEX_HEADING.test(rich.text) && this.operativeSeen) {
      this.annexes.push({ label: rich.text, title: null, blocks: [] });
      this.inAnnex = true;
      return;
    }
    // "(a)\tProtection of civilians" inside a paragraph's list of tasks: its sub-paragraph (a),
    // which the following "(i)", "(ii)" belong to
    const labelled = HEADING_SUBPARAGRAPH.exec(rich.text);
    if (labelled && this.blocks.at(-1)?.kind === "operative" && this.attachSubparagraph(labelled[1]!, sliceRich(rich, labelled[0].length), 2)) return;
    const num = item.prefix?.trim().replace(/\.$/, "") || null;
    const text = rich.text || num || "";
    if (!text) return;
    this.section = rich.text || num || undefined;
    this.blocks.push({ kind: "heading", num, text: rich.text ? rich : plainText(text), ...this.placement() });
  }

  private readParagraph(item: EosgParagraph, whole: RichText): void {
    let rich = whole;
    let prefix = item.prefix?.trim() ?? "";
    // Files without prefixes keep the number in the text: "1.\tDemands ...", "(a)\tTo ..."
    const typed = prefix ? null : TYPED_PREFIX.exec(whole.text);
    if (typed) {
      prefix = typed[1]!;
      rich = sliceRich(whole, typed[0].length);
    }
    const text = rich.text;
    const hasOperative = this.operativeSeen;
    if (!this.formula && !hasOperative && FORMULA.test(text)) {
      this.formula = text;
      return;
    }
    if (this.continueAdoptionLine(rich)) return;
    // "– strengthening ...": a dash bullet, or "and requests ..." after a paragraph's
    // sub-paragraphs, continues the paragraph before (the files type them as paragraphs of
    // their own, the second sometimes as preambular)
    if ((BULLET_PREFIX.test(prefix) || (!prefix && /^\[?\p{Ll}/u.test(text))) && this.continueOperative(rich, prefix)) return;
    // "1. protect civilians ...": a list inside a paragraph numbered like paragraphs, told apart
    // by its lower-case start and a number the paragraphs have passed
    const listed = NUMBER_PREFIX.exec(prefix);
    const lastNumber = this.lastOperativeNumber;
    if (listed && /^\p{Ll}/u.test(text) && lastNumber !== null && Number(listed[1]) <= lastNumber && this.continueOperative(rich, prefix)) return;
    // "== II ==": a section marker written into a paragraph
    const marker = SECTION_MARKER.exec(text);
    if (marker) {
      this.readHeading(item, plainText(marker[1]!));
      return;
    }
    if (!prefix && hasOperative && !openingPhrase(text, "operative").known) {
      // "Reporting:", a short title over the paragraphs that follow
      if (text.length < 100 && text.endsWith(":")) {
        this.readHeading(item, rich);
        return;
      }
      // the quoted text that "Decides that paragraph 5 of resolution 2292 shall be replaced by the following:" introduces
      const last = this.blocks.at(-1);
      if (/^["\u201c]/.test(text) && last?.kind === "operative" && trimEndWhere(this.joins.text(last, "lead"), /\s/).endsWith(":") && this.continueOperative(rich, "")) return;
    }
    // an unprefixed paragraph under a sub-paragraph's title ("(b) Neutralizing armed groups"),
    // not opening with an operative verb, is that sub-paragraph's text
    if (!prefix && !openingPhrase(text, "operative").known && this.continuesSubparagraph(rich)) return;
    const sub = SUB_PREFIX.exec(prefix);
    const label = (sub?.[1] ?? sub?.[2])!;
    if (sub && this.attachSubparagraph(label, rich, item.paragraph_level ?? (/^[ivx]+$/.test(label) ? 3 : 2))) return;
    const number = NUMBER_PREFIX.exec(prefix);
    if (item.paragraph_type === "operative" || number || hasOperative) {
      this.pushOperative({
        kind: "operative",
        number: number ? Number(number[1]) : null,
        phrase: null,
        lead: rich,
        subparagraphs: [],
        ...this.placement(),
      });
      return;
    }
    const block: DraftBlock = { kind: "preambular", phrase: null, body: rich, ...this.placement() };
    this.blocks.push(block);
    this.lastParagraph = block;
  }

  private continuesSubparagraph(body: RichText): boolean {
    const last = this.lastParagraph;
    return last?.kind === "operative" && last.subparagraphs.length > 0 && this.continueOperative(body, "");
  }

  /** A piece of the last operative paragraph: appended to its deepest last sub-paragraph, or to its lead. */
  private continueOperative(body: RichText, bullet: string): boolean {
    const last = this.lastParagraph;
    if (last?.kind !== "operative") return false;
    const piece = bullet ? joinRich([plainText(bullet), body]) : body;
    let owner: DraftSubparagraph | null = last.subparagraphs.at(-1) ?? null;
    while (owner?.children.length) owner = owner.children.at(-1)!;
    if (owner) this.joins.add(owner, "body", piece);
    else this.joins.add(last, "lead", piece);
    return true;
  }

  /** "(a)" paragraphs belong to the paragraph before; deeper levels to its last sub-paragraph. */
  private attachSubparagraph(label: string, body: RichText, level: number): boolean {
    // a heading between a paragraph and its sub-paragraphs ("Asset Freeze" before "(a) Freeze
    // without delay ...") titles the sub-paragraph; it does not end the paragraph
    const last = this.lastParagraph;
    const node: DraftSubparagraph = { label, body, children: [] };
    if (last?.kind === "operative") {
      let owner = last.subparagraphs;
      for (let depth = 2; depth < level && owner.length; depth++) owner = owner.at(-1)!.children;
      owner.push(node);
      return true;
    }
    if (last?.kind === "preambular") {
      this.joins.add(last, "body", plainText(`(${label})`), body);
      return true;
    }
    return false;
  }

  private readBackmatter(raw: string, rich: RichText): void {
    const text = rich.text;
    const annex = ANNEX_LINE.exec(text);
    if (annex) {
      this.annexes.push({ label: text, title: null, blocks: [] });
      return;
    }
    const current = this.annexes.at(-1);
    if (current) {
      if (current.title === null && current.blocks.length === 0 && text.length < 300 && !/[.;:,]$/.test(text)) current.title = rich;
      else current.blocks.push(rich);
      return;
    }
    for (const line of raw.split("\n")) {
      const meeting = meetingLine(line.replace(/,\s*$/, ""));
      if (meeting) this.conclusions.meeting ??= meeting.meeting;
      const date = dateLine(line);
      if (date) this.conclusions.date ??= date;
    }
    this.conclusions.lines.push(text);
  }

  private pushOperative(block: DraftBlock & { kind: "operative" }): void {
    this.operativeSeen = true;
    this.blocks.push(block);
    this.lastParagraph = block;
    this.lastOperativeNumber = block.number;
  }

  private placement(): { section?: string } {
    return this.section ? { section: this.section } : {};
  }

  private finishMetadata(): void {
    if (this.meta.body === "GA") {
      this.meta.plenaryMeeting ??= this.conclusions.meeting;
      if (this.meta.session === null && this.meta.symbol) this.meta.session = assemblySession(this.meta.symbol);
    } else {
      this.meta.session = null;
      this.meta.plenaryMeeting ??= this.conclusions.meeting;
    }
    this.meta.adoptionDate ??= this.conclusions.date;
    if (this.statement && !this.blocks.length) {
      this.problems.push(problem("statement-without-paragraphs", "the presidential statement has no paragraphs"));
    }
  }
}

/** Paragraph text with white space collapsed and its [text, url] links located in it. */
function richOf(item: EosgParagraph): RichText {
  const b = new RichTextBuilder();
  b.append(item.text);
  const rich = b.build();
  const links: LinkSpan[] = [];
  let from = 0;
  // A link's words are looked for after the previous link's, then from the start; a link whose
  // words are nowhere costs a search of the whole text. Past this many characters searched
  // (never reached by a real paragraph), the remaining links are left unplaced: a list of
  // thousands of such links made reading a paragraph grow with its square.
  let budget = 16 * rich.text.length + 1_000_000;
  for (const link of Array.isArray(item.links) ? item.links : []) {
    if (budget < 0) break;
    if (!Array.isArray(link) || typeof link[0] !== "string" || typeof link[1] !== "string") continue;
    const shown = link[0].replace(/\s+/g, " ").trim();
    if (!shown) continue;
    let at = rich.text.indexOf(shown, from);
    budget -= (at === -1 ? rich.text.length : at + shown.length) - from;
    if (at === -1) {
      at = rich.text.indexOf(shown);
      budget -= at === -1 ? rich.text.length : at + shown.length;
    }
    if (at === -1) continue;
    links.push({ target: link[1], start: at, end: at + shown.length });
    from = at + shown.length;
  }
  return { ...rich, links };
}

/** The number of records when every non-empty line is a JSON object (JSON Lines), else null. */
function jsonLines(text: string): number | null {
  const lines = text.split("\n").filter((l) => l.trim());
  if (lines.length < 2) return null;
  try {
    return lines.every((l) => {
      const value: unknown = JSON.parse(l);
      return typeof value === "object" && value !== null && !Array.isArray(value);
    })
      ? lines.length
      : null;
  } catch {
    return null;
  }
}
