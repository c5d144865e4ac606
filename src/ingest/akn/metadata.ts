import { assemblySession, resolutionSymbol, tidySymbol } from "../../model/symbols.js";
import { trimEndWhere } from "../../model/text.js";
import type { Body, Language, Metadata } from "../../model/types.js";
import { adoptionLine, numberTitleLine, reportLine } from "../../parse/metadata.js";
import type { Draft } from "../assemble.js";
import type { RichText } from "../rich-text.js";
import { attr, child, childrenNamed, cleanText, descendant, descendants, elementsOf, type XmlNode } from "./xml.js";

/**
 * The metadata of an AKN4UN file as its heading gives it: the FRBR identification (adoption and
 * publication dates, author, language, SDG classification, job number), the cover page (symbol,
 * session, agenda item, issuing body, the committee and report it was adopted on) and the
 * preface (the number and title line). The official facts beside them (voting, sponsors,
 * subjects) are read by official.ts.
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

/** What reading a file's heading writes to: its metadata and the header lines as printed, read as inline text. */
export interface HeadingDraft {
  readonly meta: Metadata;
  readonly header: RichText[];
  readonly inline: (nodes: XmlNode[]) => RichText;
}

export function readIdentification(meta: XmlNode | undefined, into: Metadata): void {
  if (!meta) return;
  const work = descendant(meta, ["FRBRWork"]);
  const expression = descendant(meta, ["FRBRExpression"]);
  const adoption = work && childrenNamed(work, "FRBRdate").find((d) => attr(d, "name") === "adoption");
  into.adoptionDate = isoOrNull(adoption && attr(adoption, "date"));
  const author = work && childrenNamed(work, "FRBRauthor").find((a) => attr(a, "as") === "author");
  const body = AUTHORS[(author && attr(author, "href"))?.replace(/^#/, "").toLowerCase() ?? ""];
  if (body) into.body = body;
  const language = expression && child(expression, "FRBRlanguage");
  const code = language && attr(language, "language");
  if (code && LANGUAGES[code.toLowerCase()]) into.language = LANGUAGES[code.toLowerCase()]!;
  const publication = expression && childrenNamed(expression, "FRBRdate").find((d) => attr(d, "name") === "publication");
  into.distributionDate = isoOrNull(publication && attr(publication, "date"));
  const sdgs: string[] = [];
  for (const c of childrenNamed(meta, "classification")) {
    if (!/metadata\.un\.org\/sdg/i.test(attr(c, "source") ?? "")) continue;
    for (const k of childrenNamed(c, "keyword")) {
      const value = attr(k, "value") ?? "";
      const isGoal = attr(k, "dictionary") === "SDGO" || /metadata\.un\.org\/sdg\//.test(attr(k, "href") ?? "");
      if (isGoal && /^\d{1,2}(?:\.[0-9a-z]{1,2})?$/.test(value) && !sdgs.includes(value)) sdgs.push(value);
    }
  }
  if (sdgs.length) into.officialSdgs = sdgs;
  const docket = descendant(meta, ["docketNumber"]);
  if (docket) into.jobNumber = jobNumber(cleanText(docket));
}

export function readCoverPage(cover: XmlNode | undefined, draft: HeadingDraft): void {
  if (!cover) return;
  for (const p of elementsOf(cover)) {
    const rich = draft.inline([p]);
    if (rich.text) draft.header.push(rich);
  }
  const symbol = descendants(cover, ["docNumber"]).find((d) => (attr(d, "refersTo") ?? "#symbol") === "#symbol");
  if (symbol) draft.meta.symbol = cleanText(symbol) || null;
  const issued = descendants(cover, ["docDate"]).find((d) => attr(d, "refersTo") === "#dateOfIssuance") ?? descendant(cover, ["docDate"]);
  draft.meta.distributionDate = isoOrNull(issued && attr(issued, "date")) ?? draft.meta.distributionDate;
  const session = descendant(cover, ["session"]);
  const sessionNumber = Number(session && attr(session, "value"));
  if (Number.isInteger(sessionNumber) && sessionNumber > 0) draft.meta.session = sessionNumber;
  const agenda = descendants(cover, ["inline"]).find((i) => attr(i, "name") === "agenda item");
  if (agenda) draft.meta.agendaItem = agendaItem(cleanText(agenda));
  const authority = descendants(cover, ["docAuthority"]).find((a) => attr(a, "refersTo") === "#issuingBody");
  const adopted = descendants(cover, ["docTitle"]).map((t) => adoptionLine(cleanText(t))).find(Boolean);
  if (adopted) {
    draft.meta.body = adopted.body;
    draft.meta.adoptionDate ??= adopted.date;
  } else if (authority) {
    draft.meta.body = bodyOfName(cleanText(authority)) ?? draft.meta.body;
  }
  const proponent = descendant(cover, ["docProponent"]);
  if (proponent) readProponent(proponent, draft);
}

/** "[on the report of the Fourth Committee (A/75/414, para. 8)]" or "[without reference ...]" */
function readProponent(proponent: XmlNode, draft: HeadingDraft): void {
  const key = (attr(proponent, "refersTo") ?? "").replace(/^#/, "").toLowerCase();
  const line = reportLine(cleanText(proponent));
  if (key in COMMITTEES) draft.meta.committee = COMMITTEES[key]!;
  else if (line) draft.meta.committee = line.committee;
  const origin = descendants(proponent, ["inline"]).find((i) => attr(i, "name") === "originating document");
  const report = origin ? /^[A-Z][^\s,;]*\/[^\s,;]+/.exec(cleanText(origin))?.[0] : line?.report ?? undefined;
  draft.meta.committeeReport = report === undefined ? null : trimEndWhere(report, /[.)]/);
  // The reports and drafts named are citations of the heading: link them in the rendered line.
  const last = draft.header.at(-1);
  if (origin && last) {
    for (const m of cleanText(origin).matchAll(/[A-Z][^\s,;]{0,40}\/[^\s,;]{1,60}/g)) {
      const symbol = m[0].replace(/[.)]+$/, "");
      const at = last.text.indexOf(symbol);
      if (at !== -1) last.links.push({ target: symbol, start: at, end: at + symbol.length });
    }
  }
}

export function readPreface(preface: XmlNode | undefined, documentLevel: boolean, draft: HeadingDraft): { number: string | null; title: RichText | null } {
  if (!preface) return { number: null, title: null };
  const number = descendant(preface, ["docNumber"]);
  const title = descendant(preface, ["docTitle"]);
  const numberText = number ? cleanText(number) : null;
  const titleRich = title ? draft.inline([title]) : null;
  if (documentLevel) {
    for (const p of elementsOf(preface)) {
      const rich = draft.inline([p]);
      // "75/100.\tTitle", as the text exports print the number and title line
      if (numberText && rich.text.startsWith(`${numberText} `)) {
        rich.text = `${numberText}\t${rich.text.slice(numberText.length + 1)}`;
      }
      if (rich.text) draft.header.push(rich);
    }
    if (titleRich?.text) draft.meta.title = titleRich.text;
    const nt = numberText ? numberTitleLine(`${numberText}\t${titleRich?.text || "-"}`) : null;
    if (nt) draft.meta.session ??= nt.session;
    if (!draft.meta.symbol && nt) draft.meta.symbol = resolutionSymbol({ body: "GA", number: nt.number, ...(nt.part ? { part: nt.part } : {}) });
  }
  return { number: numberText, title: titleRich };
}

/** What is known only once the whole file is read: the symbol tidied, the session, the meeting and date of the conclusions. */
export function finishMetadata(meta: Metadata, conclusions: Draft["conclusions"]): void {
  if (meta.symbol) meta.symbol = tidySymbol(meta.symbol);
  if (meta.session === null && meta.body === "GA" && meta.symbol) meta.session = assemblySession(meta.symbol);
  if (meta.body !== "GA") meta.session = null;
  meta.plenaryMeeting ??= conclusions.meeting;
  meta.adoptionDate ??= conclusions.date;
}

export function isoOrNull(date: string | undefined): string | null {
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
