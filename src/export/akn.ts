import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import { formatParagraphRef, parseParagraphRef } from "../model/paragraphs.js";
import type { Annex, Heading, OperativeParagraph, Resolution } from "../model/types.js";
import { ordinalWord } from "../model/session.js";
import { authorOf, classification, committeeId, EDITOR_ID, identification, references } from "./akn/meta.js";
import { writeSubjects, writeVoting, writeWorkflow } from "./akn/official.js";
import { Notes } from "./akn/notes.js";
import { IdAllocator, writeOperative, writePreambular, type ParagraphContext } from "./akn/paragraphs.js";
import { AKN_NAMESPACE, indentBlocks, text } from "./akn/xml.js";

/**
 * The document model as Akoma Ntoso 3.0 in the AKN4UN conventions of the UN's own resolution
 * files: `<akomaNtoso><statement name="resolution">` with meta (FRBR identification, SDG
 * classification, TLC references), coverPage, preface, preamble (formula and one `container`
 * per preambular paragraph), mainBody (numbered `paragraph`s, sections under the document's
 * headings), conclusions (adoption meeting and date) and the annexes as attachments.
 *
 * Pure and total: any `Resolution` gives a document valid against the OASIS schema.
 */
export function toAkn(doc: Resolution): string {
  const root = create().ele(AKN_NAMESPACE, "akomaNtoso");
  const statement = root.ele("statement", { name: "resolution" });
  const context: ParagraphContext = { notes: new Notes(doc.footnotes, doc.meta.language), language: doc.meta.language, ids: new IdAllocator() };
  for (const p of [...doc.preamble, ...doc.operative]) context.notes.claim(p.footnoteRefs);

  const meta = statement.ele("meta");
  identification(meta, doc);
  classification(meta, doc);
  writeSubjects(meta, doc);
  writeWorkflow(meta, doc, EDITOR_ID, authorOf(doc.meta.body).id);
  writeVoting(meta, doc, EDITOR_ID);
  references(meta, doc);

  writeCoverPage(statement, doc);
  writePreface(statement, doc, context);
  const { preambleHeadings, bodyHeadings } = splitHeadings(doc);
  if (doc.formula || doc.preamble.length || preambleHeadings.length) writePreamble(statement, doc, preambleHeadings, context);
  writeMainBody(statement, doc, bodyHeadings, context);
  writeConclusions(statement, doc);
  if (doc.annexes.length) writeAnnexes(statement, doc, context);

  indentBlocks(root);
  return `${XML_DECLARATION}\n${root.end({ headless: true, prettyPrint: false })}\n`;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2008-12-19" -> "19 December 2008". */
function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** 72 -> "72nd". */
function ordinalNumeral(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function writeCoverPage(statement: XMLBuilder, doc: Resolution): void {
  const m = doc.meta;
  const author = authorOf(m.body);
  const cover = statement.ele("coverPage", { eId: "coverPage_1" });
  cover.ele("p").ele("docAuthority", { refersTo: "#un" }).txt("United Nations");
  if (m.symbol) text(cover.ele("p", { class: "upperRight" }).ele("docNumber", { refersTo: "#symbol" }), m.symbol);
  cover.ele("p", { class: "upperLeft" }).ele("docAuthority", { refersTo: "#issuingBody" }).txt(author.name);
  cover.ele("p").ele("docStatus", { refersTo: "#generalDistribution" }).txt("Distr.: General");
  if (m.distributionDate) cover.ele("p").ele("docDate", { date: m.distributionDate, refersTo: "#dateOfIssuance" }).txt(longDate(m.distributionDate));
  if (m.session !== null && m.session > 0 && m.session < 100) {
    cover.ele("p").ele("session", { refersTo: `#${author.id}`, value: String(m.session) }).txt(`${capitalized(ordinalWord(m.session))} session`);
  }
  if (m.agendaItem) text(cover.ele("p").ele("inline", { name: "agendaItem" }), `Agenda item ${m.agendaItem}`);
  if (m.agendaItemTitle) text(cover.ele("p").ele("inline", { name: "agendaItemName" }), m.agendaItemTitle);
  if (m.jobNumber) text(cover.ele("p").ele("docketNumber", { refersTo: "#publicationJobNumber" }), m.jobNumber);
  if (m.body === "SC") {
    const number = /^S\/RES\/(.+)$/.exec(m.symbol ?? "")?.[1];
    if (number) text(cover.ele("p").ele("docTitle"), `Resolution ${number}`);
    if (m.plenaryMeeting !== null || m.adoptionDate) {
      const meeting = m.plenaryMeeting !== null ? ` at its ${ordinalNumeral(m.plenaryMeeting)} meeting` : "";
      const on = m.adoptionDate ? `, on ${longDate(m.adoptionDate)}` : "";
      cover.ele("p").ele("docProponent", { refersTo: "#unsc" }).txt(`Adopted by the Security Council${meeting}${on}`);
    }
    return;
  }
  const adopted = m.adoptionDate ? ` on ${longDate(m.adoptionDate)}` : "";
  cover.ele("p").ele("docTitle").txt(`Resolution adopted by the ${author.name}${adopted}`);
  if (m.committee || m.committeeReport) {
    const proponent = cover.ele("p").ele("docProponent", m.committee ? { refersTo: `#${committeeId(m.committee)}` } : {});
    text(proponent, m.committee ? `[on the report of the ${m.committee}` : "[without reference to a Main Committee");
    // "A/80/537, para. 15" as printed, when the source gave it; else the report's symbol
    const origin = m.originatingDocument ?? m.committeeReport;
    if (origin) {
      proponent.txt(" (");
      text(proponent.ele("inline", { name: "originatingDocument" }), origin);
      proponent.txt(")");
    }
    proponent.txt("]");
  }
}

/** "A/RES/75/100" -> "75/100.", as printed before the title. */
function printedNumber(symbol: string | null): string | null {
  if (!symbol) return null;
  const ga = /^A\/RES\/(.+)$/.exec(symbol);
  return ga ? `${ga[1]}.` : symbol;
}

function writePreface(statement: XMLBuilder, doc: Resolution, context: ParagraphContext): void {
  const number = printedNumber(doc.meta.symbol);
  // Notes called in the heading, and those whose call-out was found nowhere (the UN's files put
  // the note on a part letter here too); an annex's own notes go with the annex.
  const inAnAnnex = (n: number) => doc.footnotes.some((f) => f.number === n && f.calledFrom.some((c) => annexOf(doc, c) !== null));
  const headerNotes = context.notes.unclaimed().filter((n) => !inAnAnnex(n));
  if (!number && !doc.meta.title && !headerNotes.length) return;
  const p = statement.ele("preface").ele("p");
  if (number) text(p.ele("docNumber"), number);
  // Call-outs in the heading are glued to the title: their notes follow it.
  const title = doc.meta.title ? p.ele("docTitle", { refersTo: "#resolutionTitle" }) : p;
  if (doc.meta.title) text(title, doc.meta.title);
  for (const n of headerNotes) context.notes.write(title, n);
}

/**
 * Headings that fall among the preambular paragraphs stay in the preamble; the others (those
 * after the last preambular paragraph) open sections of the operative part.
 */
function splitHeadings(doc: Resolution): { preambleHeadings: Heading[]; bodyHeadings: Heading[] } {
  const lastPreambular = doc.preamble.at(-1)?.position.start.offset ?? -1;
  const firstOperative = doc.operative[0]?.position.start.offset ?? Infinity;
  const inPreamble = (h: Heading) => h.position.start.offset < lastPreambular || (firstOperative === Infinity && doc.preamble.length > 0);
  return { preambleHeadings: doc.headings.filter(inPreamble), bodyHeadings: doc.headings.filter((h) => !inPreamble(h)) };
}

function writePreamble(statement: XMLBuilder, doc: Resolution, headings: Heading[], context: ParagraphContext): void {
  const preamble = statement.ele("preamble");
  if (doc.formula) {
    const formula = doc.formula.trim();
    const words = /^(.*?)([,.:;]?)$/.exec(formula)!;
    const p = preamble.ele("formula", { name: "enactingFormula", eId: "formula_1" }).ele("p");
    text(p.ele("span", { class: "italic" }), words[1]!);
    text(p, words[2]!);
  }
  const items = [
    ...headings.map((h) => ({ offset: h.position.start.offset, write: () => writePreambleHeading(preamble, h, context) })),
    ...doc.preamble.map((p) => ({ offset: p.position.start.offset, write: () => writePreambular(preamble, p, context) })),
  ].sort((a, b) => a.offset - b.offset);
  for (const item of items) item.write();
}

/**
 * A heading among preambular paragraphs. The preamble has no hierarchy: the heading is a
 * container of class "H1", the class the UN's files give their heading-only blocks.
 */
function writePreambleHeading(parent: XMLBuilder, h: Heading, context: ParagraphContext): void {
  const container = parent.ele("container", { name: "heading", class: "H1", eId: context.ids.next("heading") });
  text(container.ele("p"), h.num && h.num !== h.text ? `${h.num} ${h.text}` : h.text);
}

/** "I", "II.", "A": a heading that only numbers the section whose title follows. */
const BARE_NUMBER = /^(?:[IVXLC]{1,7}|[A-Z]|\d{1,2})\.?$/;

/**
 * Operative paragraphs in order, grouped in `section`s opened by the headings that precede
 * them: a bare number heading ("II") followed by a title heading make one section's num and
 * heading, and a second title before any paragraph becomes its subheading.
 */
function writeMainBody(statement: XMLBuilder, doc: Resolution, headings: Heading[], context: ParagraphContext): void {
  const body = statement.ele("mainBody");
  type Entry = { offset: number; heading?: Heading; paragraph?: OperativeParagraph };
  const entries: Entry[] = [
    ...headings.map((heading) => ({ offset: heading.position.start.offset, heading })),
    ...doc.operative.map((paragraph) => ({ offset: paragraph.position.start.offset, paragraph })),
  ].sort((a, b) => a.offset - b.offset);
  let section: { node: XMLBuilder; num: boolean; heading: boolean; subheading: boolean; paragraphs: number } | null = null;
  for (const entry of entries) {
    if (entry.paragraph) {
      writeOperative(section?.node ?? body, entry.paragraph, context);
      if (section) section.paragraphs++;
      continue;
    }
    const h = entry.heading!;
    const bare = BARE_NUMBER.test(h.text.trim());
    if (section && section.paragraphs === 0 && !bare && !section.heading) {
      text(section.node.ele("heading"), h.text);
      section.heading = true;
      continue;
    }
    if (section && section.paragraphs === 0 && !bare && !section.subheading) {
      text(section.node.ele("subheading"), h.text);
      section.subheading = true;
      continue;
    }
    const node = body.ele("section", { eId: context.ids.next("sec") });
    section = { node, num: bare, heading: false, subheading: false, paragraphs: 0 };
    if (bare) text(node.ele("num"), h.text.trim());
    else {
      text(node.ele("heading"), h.text);
      section.heading = true;
    }
  }
  // mainBody needs one element; a text without operative paragraphs gets an empty block.
  if (!entries.length) body.ele("p");
}

/** The adoption meeting and date. */
function writeConclusions(statement: XMLBuilder, doc: Resolution): void {
  const meeting = doc.conclusions.meeting ?? doc.meta.plenaryMeeting;
  const date = doc.conclusions.date ?? doc.meta.adoptionDate;
  if (meeting === null && !date) return;
  const p = statement.ele("conclusions", { eId: "conclusions" }).ele("p");
  if (meeting !== null) {
    const kind = doc.meta.body === "GA" ? "plenary meeting" : "meeting";
    p.ele("inline", { name: "adoptionMeeting", title: ordinalNumeral(meeting) }).txt(`${ordinalNumeral(meeting)} ${kind}`);
  }
  if (meeting !== null && date) p.ele("eol");
  if (date) p.ele("docDate", { date, refersTo: "#dateOfAdoption" }).txt(longDate(date));
}

/** `annex.2` -> the second annex, when the document has it. */
function annexOf(doc: Resolution, place: string): Annex | null {
  const ref = parseParagraphRef(place);
  return ref?.kind === "annex" && ref.block === undefined ? (doc.annexes[ref.number - 1] ?? null) : null;
}

function writeAnnexes(statement: XMLBuilder, doc: Resolution, context: ParagraphContext): void {
  const attachments = statement.ele("attachments");
  doc.annexes.forEach((annex, i) => writeAnnex(attachments, doc, annex, i + 1, context));
}

/** An annex as an attached `doc`, laid out as the UN's files do: headings, then its paragraphs. */
function writeAnnex(attachments: XMLBuilder, doc: Resolution, annex: Annex, n: number, context: ParagraphContext): void {
  const attachmentId = `att_${n}`;
  const annexDoc = attachments.ele("attachment", { eId: attachmentId }).ele("doc", { name: "annex" });
  identification(annexDoc.ele("meta"), doc, `main/annex_${n}`);
  const body = annexDoc.ele("mainBody");
  const label = body.ele("paragraph", { eId: `${attachmentId}__para_1`, class: "H1" }).ele("heading");
  text(label, annex.label);
  for (const note of context.notes.unclaimed(formatParagraphRef({ kind: "annex", number: n }))) context.notes.write(label, note);
  if (annex.title) text(body.ele("paragraph", { eId: `${attachmentId}__para_2`, class: "H1" }).ele("heading"), annex.title);
  annex.blocks.forEach((block, i) => {
    const eId = `${attachmentId}__para_${i + 3}`;
    text(body.ele("paragraph", { eId }).ele("content", { eId: `${eId}__content` }).ele("p"), block.text);
  });
}
