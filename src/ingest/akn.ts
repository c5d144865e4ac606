import { problem } from "../model/problems.js";
import { trimEndWhere } from "../model/text.js";
import type { Metadata, Parsed, Problem } from "../model/types.js";
import { openingPhrase } from "../parse/lexicon/phrases.js";
import { assemble, emptyMetadata, type Draft, type DraftAnnex, type DraftBlock, type DraftSubparagraph } from "./assemble.js";
import { readAnnex } from "./akn/annexes.js";
import { readConclusions } from "./akn/conclusions.js";
import { InlineReader, leadingItalic } from "./akn/inline.js";
import { finishMetadata, type HeadingDraft, readCoverPage, readIdentification, readPreface } from "./akn/metadata.js";
import { officialFactsOfAkn } from "./akn/official.js";
import { attr, child, childrenNamed, childrenOf, cleanText, descendants, elementsOf, isText, parseXml, tagOf, textValue, type XmlNode } from "./akn/xml.js";
import { decodeText } from "./decode.js";
import type { ReadOptions } from "./read.js";
import { endsSentence, PendingJoins, joinRich, plainText, sliceRich, type RichText } from "./rich-text.js";

/**
 * Akoma Ntoso for the UN (AKN4UN) to the document model. The markup says what the text parser
 * has to guess: `container`s of the preamble are preambular paragraphs, `paragraph`s of the main
 * body are operative ones (with `num`), `list`/`point` and lettered paragraphs are their
 * sub-paragraphs, `authorialNote`s are footnotes where they are called, `<a href>` are citations,
 * the cover page and FRBR identification carry the metadata.
 *
 * One file is a `statement` (one resolution), or a `documentCollection` whose `components`
 * are the parts A, B, ... of a resolution; `attachments` hold annexes.
 *
 * This module reads the structure (preamble, body, paragraphs and their sub-paragraphs); the
 * modules under akn/ read the rest: metadata.ts the heading's metadata, official.ts the official
 * facts, inline.ts running text and footnotes, conclusions.ts and annexes.ts what follows the body.
 */

const DOCUMENT_ELEMENTS = ["statement", "documentCollection", "doc", "act", "bill", "debate", "amendment", "judgment", "portion"];
/** Elements that group paragraphs under a heading of their own. */
const GROUPS = ["section", "part", "chapter", "hcontainer", "division", "subdivision", "title", "article", "clause", "book", "tome", "subsection", "subpart", "subchapter", "subtitle", "level"];
const SUB_LABEL = /^\((\w{1,4})\)$/;
const INLINE_SUB_LABEL = /^\(([a-z]{1,3}|[ivxlc]{1,6}|\d{1,2})\)\s+/;
const NUMBER_LABEL = /^(\d{1,4})\s*\.?$/;
const INLINE_NUMBER = /^(\d{1,3})\.?[\u200e\u200f]?(?:\s|$)/;
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
  const top = documentOf(root);
  if (!top) return { ok: false, problems: [problem("not-akn", "the Akoma Ntoso file holds no document element (statement, documentCollection ...)")] };
  return assemble(new AknReader(root, top, options, decoded.problems).draft());
}

/** The document element among a node's children: the statement of a file, a component or an attachment. */
function documentOf(node: XmlNode): XmlNode | undefined {
  return elementsOf(node).find((n) => DOCUMENT_ELEMENTS.includes(tagOf(n)));
}

interface Placement {
  part?: string;
  section?: string;
}

class AknReader {
  private readonly blocks: DraftBlock[] = [];
  private readonly annexes: DraftAnnex[] = [];
  private readonly problems: Problem[];
  private readonly meta: Metadata;
  private readonly header: RichText[] = [];
  /** The running text of elements, and the footnotes it calls. */
  private readonly inlineReader: InlineReader;
  /** What reading the heading (identification, cover page, preface) writes to. */
  private readonly headingDraft: HeadingDraft;
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
    this.inlineReader = new InlineReader(this.problems);
    this.headingDraft = { meta: this.meta, header: this.header, inline: (nodes) => this.inline(nodes) };
  }

  draft(): Draft {
    readIdentification(child(this.top, "meta"), this.meta);
    readCoverPage(child(this.top, "coverPage"), this.headingDraft);
    Object.assign(this.meta, officialFactsOfAkn(child(this.top, "meta"), child(this.top, "coverPage")));
    readPreface(child(this.top, "preface"), true, this.headingDraft);
    const components = child(this.root, "components");
    if (tagOf(this.top) === "documentCollection" && components) {
      for (const component of childrenNamed(components, "component")) {
        const doc = documentOf(component);
        if (doc) this.readStatement(doc, true);
      }
    } else {
      this.readStatement(this.top, false);
    }
    this.joins.flush();
    finishMetadata(this.meta, this.conclusions);
    return {
      format: "akn",
      ...(this.options.name ? { name: this.options.name } : {}),
      meta: this.meta,
      header: this.header,
      formula: this.formula,
      blocks: this.blocks,
      conclusions: this.conclusions,
      annexes: this.annexes,
      footnotes: this.inlineReader.footnotes(),
      problems: this.problems,
    };
  }


  private readStatement(doc: XmlNode, isComponent: boolean): void {
    this.placement = {};
    if (isComponent) {
      const { number, title } = readPreface(child(doc, "preface"), false, this.headingDraft);
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
      else if (tag === "conclusions") this.conclusions = readConclusions(node, this.conclusions);
      else if (tag === "attachments") for (const a of childrenNamed(node, "attachment")) this.annexes.push(readAnnex(documentOf(a) ?? a, (nodes) => this.inline(nodes)));
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
  // --- inline text ---------------------------------------------------------------------------

  private inline(nodes: XmlNode[]): RichText {
    return this.inlineReader.read(nodes);
  }
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
