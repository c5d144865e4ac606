import { problem } from "../model/problems.js";
import type { Body, Language, Metadata, Parsed, Problem } from "../model/types.js";
import { openingPhrase } from "../parse/lexicon/phrases.js";
import { adoptionLine, meetingLine, numberTitleLine, reportLine } from "../parse/metadata.js";
import { assemble, emptyMetadata, type Draft, type DraftAnnex, type DraftBlock, type DraftFootnote, type DraftSubparagraph } from "./assemble.js";
import {
  attr,
  child,
  childrenNamed,
  childrenOf,
  cleanText,
  descendant,
  descendants,
  elementsOf,
  isText,
  parseXml,
  rawText,
  tagOf,
  textValue,
  type XmlNode,
} from "./akn/xml.js";
import { officialFactsOfAkn } from "./akn/official.js";
import { decodeText } from "./decode.js";
import type { ReadOptions } from "./read.js";
import { endsSentence, PendingJoins, RichTextBuilder, joinRich, plainText, sliceRich, type RichText } from "./rich-text.js";
import { trimEndWhere } from "../model/text.js";

/**
 * Akoma Ntoso for the UN (AKN4UN) to the document model. The markup says what the text parser
 * has to guess: `container`s of the preamble are preambular paragraphs, `paragraph`s of the main
 * body are operative ones (with `num`), `list`/`point` and lettered paragraphs are their
 * sub-paragraphs, `authorialNote`s are footnotes where they are called, `<a href>` are citations,
 * the cover page and FRBR identification carry the metadata.
 *
 * One file is a `statement` (one resolution), or a `documentCollection` whose `components`
 * are the parts A, B, ... of a resolution; `attachments` hold annexes.
 */

const LANGUAGES: Record<string, Language> = { eng: "en", fra: "fr", spa: "es", rus: "ru", ara: "ar", zho: "zh", chi: "zh" };
const AUTHORS: Record<string, Body> = { ga: "GA", unga: "GA", sc: "SC", unsc: "SC", securitycouncil: "SC", ecosoc: "ECOSOC", hrc: "HRC" };
const COMMITTEES: Record<string, string | null> = {
  firstcommittee: "First Committee",
  secondcommittee: "Second Committee",
  thirdcommittee: "Third Committee",
  fourthcommittee: "Fourth Committee",
  fifthcommittee: "Fifth Committee",
  sixthcommittee: "Sixth Committee",
  nomaincommittee: null,
};
const DOCUMENT_ELEMENTS = ["statement", "documentCollection", "doc", "act", "bill", "debate", "amendment", "judgment", "portion"];
/** Elements that group paragraphs under a heading of their own. */
const GROUPS = ["section", "part", "chapter", "hcontainer", "division", "subdivision", "title", "article", "clause", "book", "tome", "subsection", "subpart", "subchapter", "subtitle", "level"];
const SUB_LABEL = /^\((\w{1,4})\)$/;
const INLINE_SUB_LABEL = /^\(([a-z]{1,3}|[ivxlc]{1,6}|\d{1,2})\)\s+/;
const NUMBER_LABEL = /^(\d{1,4})\s*\.?$/;
const INLINE_NUMBER = /^(\d{1,3})\.?[\u200e\u200f]?(?:\s|$)/;
const TYPED_NUMBER = /^\s*\d{1,3}\.?[\u200e\u200f]?\s*$/;
const LONE_NUMERAL = /^(?:[IVXL]{1,6}|[A-Z])\.?$/;

export function decodeAkn(bytes: Uint8Array, options: ReadOptions = {}): Parsed {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const xml = parseXml(decoded.text);
  if (!xml.ok) {
    const where = xml.line ? ` (line ${xml.line}, column ${xml.column})` : "";
    if (xml.tooDeep) return { ok: false, problems: [problem("too-deep", `the XML's ${xml.message}${where}; a resolution nests them a few dozen deep at most`)] };
    return { ok: false, problems: [problem("malformed-xml", `the XML is malformed${where}: ${xml.message}`)] };
  }
  const root = xml.roots.find((n) => tagOf(n) === "akomaNtoso");
  if (!root) {
    const first = xml.roots.find((n) => !isText(n));
    return { ok: false, problems: [problem("not-akn", `the XML is not Akoma Ntoso: its root element is <${first ? tagOf(first) : "none"}>, not <akomaNtoso>`)] };
  }
  const top = elementsOf(root).find((n) => DOCUMENT_ELEMENTS.includes(tagOf(n)));
  if (!top) return { ok: false, problems: [problem("not-akn", "the Akoma Ntoso file holds no document element (statement, documentCollection ...)")] };
  return assemble(new AknReader(root, top, options, decoded.problems).draft());
}

interface Placement {
  part?: string;
  section?: string;
}

class AknReader {
  private readonly notes = new Map<number, DraftFootnote>();
  private readonly blocks: DraftBlock[] = [];
  private readonly annexes: DraftAnnex[] = [];
  private readonly problems: Problem[];
  private readonly meta: Metadata;
  private readonly header: RichText[] = [];
  private formula: string | null = null;
  private conclusions: Draft["conclusions"] = { meeting: null, date: null, lines: [] };
  private placement: Placement = {};
  private pendingNumeral: string | null = null;
  private readonly joins = new PendingJoins();
  /** What the blocks read so far hold, brought up to date when asked (asked at every paragraph). */
  private readonly seen = { blocks: 0, operative: false, preambular: false, lastNumber: 0 };

  constructor(
    private readonly root: XmlNode,
    private readonly top: XmlNode,
    private readonly options: ReadOptions,
    problems: Problem[],
  ) {
    this.problems = [...problems];
    this.meta = emptyMetadata(options.language ?? "en");
  }

  draft(): Draft {
    this.readIdentification(child(this.top, "meta"));
    this.readCoverPage(child(this.top, "coverPage"));
    Object.assign(this.meta, officialFactsOfAkn(child(this.top, "meta"), child(this.top, "coverPage")));
    this.readPreface(child(this.top, "preface"), true);
    const components = child(this.root, "components");
    if (tagOf(this.top) === "documentCollection" && components) {
      for (const component of childrenNamed(components, "component")) {
        const doc = elementsOf(component).find((n) => DOCUMENT_ELEMENTS.includes(tagOf(n)));
        if (doc) this.readStatement(doc, true);
      }
    } else {
      this.readStatement(this.top, false);
    }
    this.joins.flush();
    this.finishMetadata();
    return {
      format: "akn",
      ...(this.options.name ? { name: this.options.name } : {}),
      meta: this.meta,
      header: this.header,
      formula: this.formula,
      blocks: this.blocks,
      conclusions: this.conclusions,
      annexes: this.annexes,
      footnotes: [...this.notes.values()].sort((a, b) => a.number - b.number),
      problems: this.problems,
    };
  }

  // --- metadata ----------------------------------------------------------------------------

  private readIdentification(meta: XmlNode | undefined): void {
    if (!meta) return;
    const work = descendant(meta, ["FRBRWork"]);
    const expression = descendant(meta, ["FRBRExpression"]);
    const adoption = work && childrenNamed(work, "FRBRdate").find((d) => attr(d, "name") === "adoption");
    this.meta.adoptionDate = isoOrNull(adoption && attr(adoption, "date"));
    const author = work && childrenNamed(work, "FRBRauthor").find((a) => attr(a, "as") === "author");
    const body = AUTHORS[(author && attr(author, "href"))?.replace(/^#/, "").toLowerCase() ?? ""];
    if (body) this.meta.body = body;
    const language = expression && child(expression, "FRBRlanguage");
    const code = language && attr(language, "language");
    if (code && LANGUAGES[code.toLowerCase()]) this.meta.language = LANGUAGES[code.toLowerCase()]!;
    const publication = expression && childrenNamed(expression, "FRBRdate").find((d) => attr(d, "name") === "publication");
    this.meta.distributionDate = isoOrNull(publication && attr(publication, "date"));
    const sdgs: string[] = [];
    for (const c of childrenNamed(meta, "classification")) {
      if (!/metadata\.un\.org\/sdg/i.test(attr(c, "source") ?? "")) continue;
      for (const k of childrenNamed(c, "keyword")) {
        const value = attr(k, "value") ?? "";
        const isGoal = attr(k, "dictionary") === "SDGO" || /metadata\.un\.org\/sdg\//.test(attr(k, "href") ?? "");
        if (isGoal && /^\d{1,2}(?:\.[0-9a-z]{1,2})?$/.test(value) && !sdgs.includes(value)) sdgs.push(value);
      }
    }
    if (sdgs.length) this.meta.officialSdgs = sdgs;
    const docket = descendant(meta, ["docketNumber"]);
    if (docket) this.meta.jobNumber = jobNumber(cleanText(docket));
  }

  private readCoverPage(cover: XmlNode | undefined): void {
    if (!cover) return;
    for (const p of elementsOf(cover)) {
      const rich = this.inline([p]);
      if (rich.text) this.header.push(rich);
    }
    const symbol = descendants(cover, ["docNumber"]).find((d) => (attr(d, "refersTo") ?? "#symbol") === "#symbol");
    if (symbol) this.meta.symbol = cleanText(symbol) || null;
    const issued = descendants(cover, ["docDate"]).find((d) => attr(d, "refersTo") === "#dateOfIssuance") ?? descendant(cover, ["docDate"]);
    this.meta.distributionDate = isoOrNull(issued && attr(issued, "date")) ?? this.meta.distributionDate;
    const session = descendant(cover, ["session"]);
    const sessionNumber = Number(session && attr(session, "value"));
    if (Number.isInteger(sessionNumber) && sessionNumber > 0) this.meta.session = sessionNumber;
    const agenda = descendants(cover, ["inline"]).find((i) => attr(i, "name") === "agenda item");
    if (agenda) this.meta.agendaItem = agendaItem(cleanText(agenda));
    const authority = descendants(cover, ["docAuthority"]).find((a) => attr(a, "refersTo") === "#issuingBody");
    const adopted = descendants(cover, ["docTitle"]).map((t) => adoptionLine(cleanText(t))).find(Boolean);
    if (adopted) {
      this.meta.body = adopted.body;
      this.meta.adoptionDate ??= adopted.date;
    } else if (authority) {
      this.meta.body = bodyOfName(cleanText(authority)) ?? this.meta.body;
    }
    const proponent = descendant(cover, ["docProponent"]);
    if (proponent) this.readProponent(proponent);
  }

  /** "[on the report of the Fourth Committee (A/75/414, para. 8)]" or "[without reference ...]" */
  private readProponent(proponent: XmlNode): void {
    const key = (attr(proponent, "refersTo") ?? "").replace(/^#/, "").toLowerCase();
    const line = reportLine(cleanText(proponent));
    if (key in COMMITTEES) this.meta.committee = COMMITTEES[key]!;
    else if (line) this.meta.committee = line.committee;
    const origin = descendants(proponent, ["inline"]).find((i) => attr(i, "name") === "originating document");
    const report = origin ? /^[A-Z][^\s,;]*\/[^\s,;]+/.exec(cleanText(origin))?.[0] : line?.report ?? undefined;
    this.meta.committeeReport = report === undefined ? null : trimEndWhere(report, /[.)]/);
    // The reports and drafts named are citations of the heading: link them in the rendered line.
    const last = this.header.at(-1);
    if (origin && last) {
      for (const m of cleanText(origin).matchAll(/[A-Z][^\s,;]{0,40}\/[^\s,;]{1,60}/g)) {
        const symbol = m[0].replace(/[.)]+$/, "");
        const at = last.text.indexOf(symbol);
        if (at !== -1) last.links.push({ target: symbol, start: at, end: at + symbol.length });
      }
    }
  }

  private readPreface(preface: XmlNode | undefined, documentLevel: boolean): { number: string | null; title: RichText | null } {
    if (!preface) return { number: null, title: null };
    const number = descendant(preface, ["docNumber"]);
    const title = descendant(preface, ["docTitle"]);
    const numberText = number ? cleanText(number) : null;
    const titleRich = title ? this.inline([title]) : null;
    if (documentLevel) {
      for (const p of elementsOf(preface)) {
        const rich = this.inline([p]);
        // "75/100.\tTitle", as the text exports print the number and title line
        if (numberText && rich.text.startsWith(`${numberText} `)) {
          rich.text = `${numberText}\t${rich.text.slice(numberText.length + 1)}`;
        }
        if (rich.text) this.header.push(rich);
      }
      if (titleRich?.text) this.meta.title = titleRich.text;
      const nt = numberText ? numberTitleLine(`${numberText}\t${titleRich?.text || "-"}`) : null;
      if (nt) this.meta.session ??= nt.session;
      if (!this.meta.symbol && nt) this.meta.symbol = `A/RES/${nt.number}${nt.part ? ` ${nt.part}` : ""}`;
    }
    return { number: numberText, title: titleRich };
  }

  private finishMetadata(): void {
    if (this.meta.symbol) this.meta.symbol = this.meta.symbol.replace(/\s+/g, " ").trim();
    if (this.meta.session === null && this.meta.body === "GA") {
      const s = /^A\/RES\/(?:ES-|S-)?(\d{1,3})\//.exec(this.meta.symbol ?? "");
      if (s) this.meta.session = Number(s[1]);
    }
    if (this.meta.body !== "GA") this.meta.session = null;
    this.meta.plenaryMeeting ??= this.conclusions.meeting;
    this.meta.adoptionDate ??= this.conclusions.date;
  }

  // --- structure -----------------------------------------------------------------------------

  private readStatement(doc: XmlNode, isComponent: boolean): void {
    this.placement = {};
    if (isComponent) {
      const { number, title } = this.readPreface(child(doc, "preface"), false);
      const part = number === null ? undefined : trimEndWhere(number, /[.\s]/).trim();
      if (part && /^[A-Z]{1,2}\d{0,2}$/.test(part)) this.placement = { part };
      this.blocks.push({ kind: "heading", num: part ?? null, text: title ?? plainText(""), ...this.placement });
    } else {
      this.readPartLetterOfPreface(child(doc, "preface"));
    }
    // In document order: some files split the preamble and the body into several elements.
    for (const node of elementsOf(doc)) {
      const tag = tagOf(node);
      if (tag === "preamble") this.readPreamble(node);
      else if (tag === "mainBody" || tag === "body") this.readBody(elementsOf(node));
      else if (tag === "conclusions") this.readConclusions(node);
      else if (tag === "attachments") for (const a of childrenNamed(node, "attachment")) this.readAnnex(a);
    }
  }

  /** A part published alone ("75/245 B") carries its letter in the preface. */
  private readPartLetterOfPreface(preface: XmlNode | undefined): void {
    if (!preface) return;
    const letters = descendants(preface, ["docNumber"]).map(cleanText).filter((t) => /^[A-Z]$/.test(t));
    if (letters.length) this.placement = { part: letters[0]! };
  }

  private readPreamble(preamble: XmlNode): void {
    for (const node of elementsOf(preamble)) {
      const tag = tagOf(node);
      if (tag === "formula") {
        const text = this.inline([node]).text;
        if (!this.formula) this.formula = text;
        continue;
      }
      const rich = this.inline([node]);
      if (!rich.text) continue;
      if (isHeadingParagraph(node, rich)) {
        this.heading(rich.text, rich);
        continue;
      }
      // Lists and loose text between containers belong to the paragraph they follow.
      if (tag !== "container" && this.continuePrevious(rich)) continue;
      this.blocks.push({ kind: "preambular", phrase: leadingItalic(node), body: rich, ...this.placement });
    }
  }

  private readBody(nodes: XmlNode[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === "paragraph" || tag === "subparagraph" || tag === "p") this.readParagraph(node);
      else if (GROUPS.includes(tag)) this.readGroup(node);
      else if (tag === "heading" || tag === "subheading" || tag === "num") this.heading(cleanText(node), this.inline([node]));
      else if (tag === "crossHeading") this.readCrossHeading(node);
      else if (tag === "container" || tag === "blockList" || tag === "tblock" || tag === "table") this.readLooseBlock(node);
      else if (tag === "intro" || tag === "wrapUp" || tag === "content") this.readParagraph(node);
    }
  }

  private readGroup(group: XmlNode): void {
    const saved = { ...this.placement };
    for (const node of elementsOf(group)) {
      const tag = tagOf(node);
      if (tag === "num" || tag === "heading" || tag === "subheading") this.heading(cleanText(node), this.inline([node]));
      else this.readBody([node]);
    }
    this.placement = saved;
    this.pendingNumeral = null;
  }

  /** Section headings: a lone numeral ("II", "B") joins the title that follows it. */
  private heading(raw: string, rich: RichText): void {
    if (!rich.text) return;
    if (LONE_NUMERAL.test(raw)) {
      const numeral = raw.replace(/\.$/, "");
      this.blocks.push({ kind: "heading", num: numeral, text: rich, ...this.placement });
      this.placement = { ...this.placement, section: numeral };
      this.pendingNumeral = numeral;
      return;
    }
    const last = this.blocks.at(-1);
    if (this.pendingNumeral && last?.kind === "heading" && last.num === this.pendingNumeral) {
      this.blocks.push({ kind: "heading", num: this.pendingNumeral, text: rich, ...this.placement });
      this.pendingNumeral = null;
      return;
    }
    this.pendingNumeral = null;
    this.placement = { ...this.placement, section: rich.text };
    this.blocks.push({ kind: "heading", num: null, text: rich, ...this.placement });
  }

  private readCrossHeading(node: XmlNode): void {
    const rich = this.inline([node]);
    if (!rich.text) return;
    const phrase = leadingItalic(node);
    if (attr(node, "refersTo") === "#preamble" || phrase) {
      this.blocks.push({ kind: "preambular", phrase, body: rich, ...this.placement });
    } else {
      this.heading(cleanText(node), rich);
    }
  }

  /** Tables and block lists standing between paragraphs continue the paragraph before them. */
  private readLooseBlock(node: XmlNode): void {
    const rich = this.inline([node]);
    if (!rich.text || this.continuePrevious(rich)) return;
    if (leadingItalic(node)) this.blocks.push({ kind: "preambular", phrase: leadingItalic(node), body: rich, ...this.placement });
    else this.blocks.push({ kind: "operative", number: null, phrase: null, lead: rich, subparagraphs: [], ...this.placement });
  }

  /** Appends text to the paragraph before (its last sub-paragraph, if any); false when there is none. */
  private continuePrevious(rich: RichText): boolean {
    const last = this.blocks.at(-1);
    if (last?.kind === "operative") {
      if (last.subparagraphs.length) this.joins.add(deepestLast(last.subparagraphs), "body", rich);
      else this.joins.add(last, "lead", rich);
      return true;
    }
    if (last?.kind === "preambular") {
      this.joins.add(last, "body", rich);
      return true;
    }
    return false;
  }

  private readParagraph(node: XmlNode): void {
    const numNode = child(node, "num");
    const label = numNode ? cleanText(numNode) : "";
    const headingNodes = childrenNamed(node, "heading", "subheading");
    const hasBody = childrenNamed(node, "content", "list", "intro", "paragraph", "subparagraph", "point", "p", "blockList", "table").length > 0 || tagOf(node) === "p";
    if (!hasBody) {
      for (const h of headingNodes) this.heading(cleanText(h), this.inline([h]));
      if (!headingNodes.length && label) this.heading(label, plainText(label));
      return;
    }
    for (const h of headingNodes) this.heading(cleanText(h), this.inline([h]));
    const { lead, subparagraphs, phraseNode } = this.paragraphBody(node);
    const phrase = phraseNode ? leadingItalic(phraseNode) : null;

    const number = NUMBER_LABEL.exec(label);
    if (number) {
      this.blocks.push({ kind: "operative", number: Number(number[1]), phrase, lead, subparagraphs, ...this.placement });
      return;
    }
    // The number typed into the text instead of a <num> ("6.\u200e Reaffirms ...")
    const typed = label ? null : INLINE_NUMBER.exec(lead.text);
    if (typed && (typed[0].includes(".") || Number(typed[1]) === this.lastNumber() + 1)) {
      this.blocks.push({ kind: "operative", number: Number(typed[1]), phrase: null, lead: sliceRich(lead, typed[0].length), subparagraphs, ...this.placement });
      return;
    }
    const subLabel = SUB_LABEL.exec(label)?.[1] ?? (label ? undefined : INLINE_SUB_LABEL.exec(lead.text)?.[1]);
    if (subLabel !== undefined) {
      const body = label ? lead : sliceRich(lead, lead.text.indexOf(")") + 1);
      if (this.attachSibling({ label: subLabel, body, children: subparagraphs })) return;
    }
    if (!lead.text && !subparagraphs.length) return;
    if (isHeadingParagraph(node, lead)) {
      this.heading(lead.text, lead);
      return;
    }
    // A sentence running on after the sub-paragraphs ("; and its request that ...") or the
    // unlabelled items of a list ("Monday, 27 May: ...") continue the paragraph before.
    if (!label && !phrase && !subparagraphs.length && this.runsOn(lead.text) && this.continuePrevious(lead)) return;
    // Before the first operative paragraph, an unnumbered one opening like a recital is one
    // (files that close the preamble too early).
    if (!label && this.isRecital(phrase, lead.text)) {
      this.blocks.push({ kind: "preambular", phrase, body: lead, ...this.placement });
      return;
    }
    const fullLead = label && !subLabel ? joinRich([plainText(label), lead]) : lead;
    this.blocks.push({ kind: "operative", number: null, phrase, lead: fullLead, subparagraphs, ...this.placement });
  }

  private lastNumber(): number {
    return this.blocksSeen().lastNumber;
  }

  private blocksSeen(): AknReader["seen"] {
    const seen = this.seen;
    for (; seen.blocks < this.blocks.length; seen.blocks++) {
      const b = this.blocks[seen.blocks]!;
      if (b.kind === "operative") {
        seen.operative = true;
        if (b.number !== null) seen.lastNumber = b.number;
      } else if (b.kind === "preambular") seen.preambular = true;
    }
    return seen;
  }

  private runsOn(text: string): boolean {
    const last = this.blocks.at(-1);
    if (last?.kind !== "operative") return /^\p{Ll}/u.test(text);
    if (/^\p{Ll}/u.test(text) || this.meta.language !== "en") return true;
    const previous = last.subparagraphs.length ? this.joins.text(deepestLast(last.subparagraphs), "body") : this.joins.text(last, "lead");
    return !(openingPhrase(text, "operative").known && endsSentence(previous));
  }

  private isRecital(phrase: string | null, text: string): boolean {
    const seen = this.blocksSeen();
    if (seen.operative || this.meta.language !== "en") return false;
    if (!seen.preambular) return false;
    const opening = phrase ?? text;
    if (openingPhrase(opening, "operative").known) return false;
    return openingPhrase(opening, "preamble").known || (phrase !== null && /^\p{L}+ing\b/u.test(phrase));
  }

  /** A lettered paragraph standing beside its chapeau ("(a)" after "Urges ...:") joins it. */
  private attachSibling(sub: DraftSubparagraph): boolean {
    const last = this.blocks.at(-1);
    if (last?.kind === "operative") {
      const previous = last.subparagraphs.at(-1);
      if (previous && isRomanChild(previous.label, sub.label)) previous.children.push(sub);
      else last.subparagraphs.push(sub);
      return true;
    }
    if (last?.kind === "preambular") {
      this.joins.add(last, "body", plainText(`(${sub.label})`), sub.body);
      return true;
    }
    return false;
  }

  /** Chapeau and sub-paragraphs of a paragraph, whichever markup carries them. */
  private paragraphBody(node: XmlNode): { lead: RichText; subparagraphs: DraftSubparagraph[]; phraseNode: XmlNode | undefined } {
    const leadParts: XmlNode[] = [];
    const subparagraphs: DraftSubparagraph[] = [];
    let phraseNode: XmlNode | undefined;
    for (const c of elementsOf(node)) {
      const tag = tagOf(c);
      if (tag === "num" || tag === "heading" || tag === "subheading") continue;
      if (tag === "list" || tag === "blockList") {
        for (const item of elementsOf(c)) {
          const t = tagOf(item);
          if (t === "intro" || t === "listIntroduction") {
            if (subparagraphs.length === 0) {
              leadParts.push(item);
              phraseNode ??= item;
            }
          } else if (t === "sublist" || t === "list") {
            const owner = subparagraphs.at(-1);
            const nested = this.paragraphBody(item).subparagraphs;
            if (owner) owner.children.push(...nested);
            else subparagraphs.push(...nested);
          } else if (t === "wrapUp" || t === "listWrapUp") {
            const owner = subparagraphs.at(-1);
            const rich = this.inline([item]);
            if (owner) this.joins.add(owner, "body", rich);
          } else {
            subparagraphs.push(this.subparagraph(item));
          }
        }
        continue;
      }
      if (tag === "paragraph" || tag === "subparagraph" || tag === "point" || tag === "item") {
        subparagraphs.push(this.subparagraph(c));
        continue;
      }
      if (subparagraphs.length === 0) {
        leadParts.push(c);
        phraseNode ??= c;
      } else {
        this.joins.add(deepestLast(subparagraphs), "body", this.inline([c]));
      }
    }
    if (tagOf(node) === "p") {
      leadParts.push(node);
      phraseNode = node;
    }
    return { lead: this.inline(leadParts), subparagraphs, phraseNode };
  }

  private subparagraph(node: XmlNode): DraftSubparagraph {
    const numNode = child(node, "num");
    const label = numNode ? cleanText(numNode).replace(/^\(|\)\.?$/g, "").replace(/\.$/, "") : "";
    const { lead, subparagraphs } = this.paragraphBody(node);
    return { label, body: lead, children: subparagraphs };
  }

  private readConclusions(conclusions: XmlNode): void {
    const lines: string[] = [];
    let current = new RichTextBuilder();
    const flush = () => {
      const text = current.build().text;
      if (text) lines.push(text);
      current = new RichTextBuilder();
    };
    const walk = (nodes: XmlNode[]) => {
      for (const n of nodes) {
        if (isText(n)) current.append(textValue(n));
        else if (tagOf(n) === "eol" || tagOf(n) === "p") {
          flush();
          walk(childrenOf(n));
          if (tagOf(n) === "p") flush();
        } else walk(childrenOf(n));
      }
    };
    walk(childrenOf(conclusions));
    flush();
    const meeting = descendants(conclusions, ["inline", "location"]).find((i) => /adoptionMeeting/.test(`${attr(i, "name")} ${attr(i, "refersTo")}`));
    const meetingText = meeting ? cleanText(meeting) : lines.find((l) => meetingLine(l)) ?? "";
    const m = meetingLine(meetingText) ?? (/^(\d{1,5})/.exec(meetingText) ? { meeting: Number(/^(\d{1,5})/.exec(meetingText)![1]) } : null);
    const date = descendants(conclusions, ["docDate"])[0];
    this.conclusions = {
      meeting: m ? m.meeting : this.conclusions.meeting,
      date: isoOrNull(date && attr(date, "date")) ?? this.conclusions.date,
      lines,
    };
  }

  private readAnnex(attachment: XmlNode): void {
    const doc = elementsOf(attachment).find((n) => DOCUMENT_ELEMENTS.includes(tagOf(n))) ?? attachment;
    const name = attr(doc, "name") ?? "annex";
    const blocks: RichText[] = [];
    const walk = (nodes: XmlNode[]) => {
      for (const n of nodes) {
        const tag = tagOf(n);
        if (tag === "meta") continue;
        if (tag === "paragraph" || tag === "p" || tag === "container" || tag === "heading" || tag === "subheading" || tag === "crossHeading" || tag === "point" || tag === "intro" || tag === "tr") {
          const hasParagraphs = descendant(n, ["paragraph", "point", "intro", "tr"]) !== undefined;
          if (!hasParagraphs) {
            const rich = this.inline([n]);
            if (rich.text) blocks.push(rich);
            continue;
          }
        }
        walk(elementsOf(n));
      }
    };
    walk(elementsOf(doc));
    let title: RichText | null = null;
    if (blocks.length > 1 && blocks[0]!.text.length < 300 && !/[.;:,]$/.test(blocks[0]!.text)) title = blocks.shift()!;
    const label = name.charAt(0).toUpperCase() + name.slice(1);
    this.annexes.push({ label, title, blocks });
  }

  // --- inline text ---------------------------------------------------------------------------

  /**
   * Text of nodes: white space collapsed, footnotes taken out (their text is kept as footnote
   * `marker`) and links kept as spans; block-level children are separated by a space.
   */
  private inline(nodes: XmlNode[]): RichText {
    const b = new RichTextBuilder();
    const walk = (list: XmlNode[], depth: number) => {
      for (const n of list) {
        if (isText(n)) {
          b.append(textValue(n));
          continue;
        }
        const tag = tagOf(n);
        if (tag === "authorialNote" || tag === "note") {
          const number = this.footnote(n);
          b.note(number);
          continue;
        }
        if (tag === "img" || tag === "meta") continue;
        // A repeated call-out of a footnote printed once: a bare superscript number.
        const superscript = tag === "sup" ? /^\s*(\d{1,3})\s*$/.exec(rawText(n)) : null;
        if (superscript) {
          b.note(Number(superscript[1]));
          continue;
        }
        if (tag === "eol" || tag === "br") {
          b.space();
          continue;
        }
        if (tag === "a" || tag === "ref") {
          const start = b.cursor;
          walk(childrenOf(n), depth + 1);
          const href = attr(n, "href");
          if (href) b.link(href, start);
          continue;
        }
        const block = tag === "p" || tag === "td" || tag === "th" || tag === "tr" || tag === "item" || tag === "num" || tag === "content" || tag === "intro";
        if (block) b.space();
        walk(childrenOf(n), depth + 1);
        if (block) b.space();
      }
    };
    walk(nodes, 0);
    return b.build();
  }

  /** Records a footnote (once per number) and returns its number. */
  private footnote(note: XmlNode): number {
    const marker = attr(note, "marker") ?? "";
    const parsed = Number(/^\d{1,4}$/.test(marker.trim()) ? marker.trim() : NaN);
    const number = Number.isInteger(parsed) ? parsed : this.notes.size + 1;
    if (!this.notes.has(number)) {
      this.notes.set(number, { number, body: plainText("") });
      // its children, text alone included: read as [note], a note of text alone without a marker
      // was read again as a new note, endlessly, and one with a marker lost its text
      this.notes.get(number)!.body = this.inline(childrenOf(note));
    } else if (!Number.isInteger(parsed)) {
      this.problems.push(problem("footnote-marker", `a footnote has the marker "${marker}", not a number`));
    }
    return number;
  }
}

/** The opening italic words of a paragraph ("Recalling also", "Takes note"), or null. */
export function leadingItalic(node: XmlNode): string | null {
  const words: string[] = [];
  let done = false;
  const visit = (list: XmlNode[]): void => {
    for (const n of list) {
      if (done) return;
      if (isText(n)) {
        // a number typed before the phrase ("26\t<i>Condemns</i>") is not part of it
        if (textValue(n).trim() && !(words.length === 0 && TYPED_NUMBER.test(textValue(n)))) done = true;
        continue;
      }
      const tag = tagOf(n);
      if (tag === "authorialNote" || tag === "num" || tag === "img") continue;
      const italic = tag === "i" || (tag === "span" && /\bitalic\b/.test(attr(n, "class") ?? ""));
      if (italic) {
        words.push(cleanText(n));
        continue;
      }
      if (tag === "p" || tag === "content" || tag === "intro" || tag === "list" || tag === "container" || tag === "crossHeading" || tag === "blockList" || tag === "listIntroduction") {
        visit(childrenOf(n));
        if (words.length) done = true;
        continue;
      }
      done = true;
    }
  };
  visit(childrenOf(node));
  const phrase = words.join(" ").replace(/\s+/g, " ").trim();
  return phrase || null;
}

function isHeadingParagraph(node: XmlNode, lead: RichText): boolean {
  if (/^H\d/.test(attr(node, "class") ?? "")) return true;
  if (!/[\p{L}\p{N}]/u.test(lead.text)) return true; // "*  *  *"
  const content = child(node, "content") ?? node;
  const ps = childrenNamed(content, "p");
  if (ps.length !== 1) return false;
  const kids = elementsOf(ps[0]!);
  const onlyBold = kids.length === 1 && tagOf(kids[0]!) === "span" && /\bbold\b/.test(attr(kids[0]!, "class") ?? "")
    && childrenOf(ps[0]!).every((c) => !isText(c) || !textValue(c).trim());
  return onlyBold && lead.text.length < 300;
}

function deepestLast(subs: DraftSubparagraph[]): DraftSubparagraph {
  let last = subs.at(-1)!;
  while (last.children.length) last = last.children.at(-1)!;
  return last;
}

/** (i), (ii) under a lettered item are its children; (h) -> (i) is the next letter. */
function isRomanChild(previous: string, label: string): boolean {
  if (!/^[ivxl]+$/.test(label)) return false;
  if (/^[ivxl]+$/.test(previous) && previous !== "i" && previous !== "v" && previous !== "x") return false;
  const nextLetter = previous.length === 1 && label.length === 1 && label.charCodeAt(0) === previous.charCodeAt(0) + 1;
  return /^[a-z]{1,2}$/.test(previous) && !nextLetter;
}

function isoOrNull(date: string | undefined): string | null {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !date.startsWith("0001") ? date : null;
}

/** "20-16931 (E)" -> "N2016931E": the ODS job number of a New York document. */
function jobNumber(docket: string): string | null {
  const m = /^(\d{2})-(\d{5})\s*\(([A-Z])\)$/.exec(docket);
  return m ? `N${m[1]}${m[2]}${m[3]}` : null;
}

/** "Agenda item 55", "Agenda items 20 and 21" -> "55", "20 and 21". */
function agendaItem(text: string): string | null {
  const english = /^Agenda items?\s+(.{1,120})$/i.exec(text);
  if (english) return english[1]!.replace(/[.,;]$/, "").trim();
  const numbered = /\d{1,3}(?:\s?\([a-z]{1,2}\))?(?:(?:,\s*|\s+\S{1,3}\s+)\d{1,3}(?:\s?\([a-z]{1,2}\))?)*/.exec(text);
  return numbered ? numbered[0] : text || null;
}

function bodyOfName(name: string): Body | null {
  if (/general assembly/i.test(name)) return "GA";
  if (/security council/i.test(name)) return "SC";
  if (/economic and social/i.test(name)) return "ECOSOC";
  if (/human rights council/i.test(name)) return "HRC";
  return null;
}
