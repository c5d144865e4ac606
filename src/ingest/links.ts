import type { CitationKind } from "../model/types.js";
import { trimEndWhere } from "../model/text.js";

/**
 * UN document links to citation symbols. The AKN files and the EOSG paragraphs link every
 * symbol they cite to the Official Document System (undocs.org, docs.un.org, documents.un.org);
 * the link path is the symbol without its spaces ("S/RES/2282(2016)", "A/RES/72/262c",
 * "A/75/6(Sect.21)"), and the link text is either the whole symbol or the short form printed
 * in the sentence ("2282 (2016)", "217 A (III)"). Both are read to give the canonical symbol.
 */

export interface LinkedSymbol {
  symbol: string;
  kind: CitationKind;
}

const UN_DOCUMENT_HOST = /^(?:https?:)?\/\/(?:www\.)?(?:undocs\.org|docs\.un\.org|documents(?:-dds-ny)?\.un\.org)\/(.{1,300})$/i;
const LANGUAGE_SEGMENT = /^(?:en|fr|es|ru|ar|zh)\//i;
const FINAL_SYMBOL = /[?&](?:FinalSymbol|symbol)=([^&#]{1,200})/i;
/** A symbol as printed in full: "A/75/414", "A/CONF.157/24 (Part I)", "S/RES/2282 (2016)". */
const FULL_SYMBOL = /^[A-Z][A-Za-z0-9.\-]{0,20}(?:\/[A-Za-z0-9.\-()]{1,30}){1,8}(?: \((?:[A-Za-z.]{1,6} ?)?[0-9IVXLC]{1,6}[A-Z]?(?: and [IVXLC]{1,6})?\)(?:\/[A-Za-z]{2,5}\.\d{1,3})*)?$/;
const RESOLUTION = /\/RES\/|\/Res\./i;
const DECISION = /\/DEC\/|\/Dec\./i;

/** The symbol a document link cites, or null when the link is not to a UN document. */
export function symbolFromLink(target: string, linkText = "", textAfter = ""): LinkedSymbol | null {
  const path = documentPath(target.trim());
  if (path === null) return null;
  const shown = linkText.replace(/[\s\u00a0]+/g, " ").trim();
  const symbol = FULL_SYMBOL.test(shown) && namesPath(shown, path) ? shown : symbolFromPath(path, shown, textAfter);
  if (!symbol || !symbol.includes("/")) return null;
  return { symbol, kind: kindOf(symbol) };
}

export function kindOf(symbol: string): CitationKind {
  if (RESOLUTION.test(symbol)) return "resolution";
  if (DECISION.test(symbol)) return "decision";
  return "document";
}

/** The symbol-like path of a link: a URL to a UN document, or a bare symbol given as target. */
function documentPath(target: string): string | null {
  const url = UN_DOCUMENT_HOST.exec(target);
  if (!url) {
    if (/^[A-Z][A-Za-z0-9.\-]{0,20}\//.test(target) && !/\s{2}|:\/\//.test(target)) return target;
    return null;
  }
  let rest = url[1]!;
  const query = FINAL_SYMBOL.exec(rest);
  if (query) rest = decodeURIComponentSafe(query[1]!);
  else rest = decodeURIComponentSafe(rest.replace(/[?#].*$/, ""));
  rest = trimEndWhere(rest.replace(/^\/+/, "").replace(LANGUAGE_SEGMENT, "").replace(/^\/+/, ""), /\//);
  return rest || null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The shown text is the linked symbol itself (the path may add "(supp)" and the like). */
function namesPath(shown: string, path: string): boolean {
  const compact = (s: string) => s.replace(/\s+/g, "").toUpperCase();
  return compact(path).startsWith(compact(shown));
}

function symbolFromPath(path: string, shown: string, textAfter: string): string {
  const segments = path.split("/").map((s) => spacedQualifiers(/^[a-z]{2,6}$/.test(s) ? s.toUpperCase() : s));
  const last = segments.pop() ?? "";
  const head = segments.length ? segments.join("/") + "/" : "";

  // "2282(2016)", "1514(XV)", "217(III)" shown as "217 A (III)"
  const numbered = /^(\d{1,5})\s?\(([0-9]{4}|[IVXLC]{1,7}|S-[IVXLC]{1,5}|ES-[IVXLC]{1,5})\)$/.exec(last);
  if (numbered) {
    const letter = /^\d{1,5}\s([A-Z])\s\(/.exec(shown)?.[1];
    return `${head}${numbered[1]}${letter ? ` ${letter}` : ""} (${numbered[2]})`;
  }
  // "262c", "255a-b": the part letter; a range names several parts, the text after the link says which
  const lettered = /^(\d{1,5})([a-z])(?:-([a-z]))?$/i.exec(last);
  if (lettered && head) {
    const shownLetter = /^\s?([A-Z])\b/.exec(textAfter)?.[1];
    const letter = lettered[3] ? shownLetter : lettered[2]!.toUpperCase();
    return `${head}${lettered[1]}${letter ? ` ${letter}` : ""}`;
  }
  // "75/245" followed by " A": the part letter printed after the link
  const partAfter = /^\d{1,5}$/.test(last) && RESOLUTION.test(head)
    ? (/^\d{1,4}\/\d{1,5} ([A-Z]{1,2})$/.exec(shown) ?? /^ ([A-Z])(?![\p{L}\p{N}])/u.exec(textAfter))?.[1]
    : undefined;
  return head + last + (partAfter ? ` ${partAfter}` : "");
}

/** "6(Sect.21)" -> "6 (Sect. 21)", "24(PartI)" -> "24 (Part I)", "15(supp)" -> "15". */
function spacedQualifiers(segment: string): string {
  return segment
    .replace(/\((?:supp|Supp)\)$/, "")
    .replace(/\(Sect\.\s?([0-9A-Z]{1,4})\)$/, " (Sect. $1)")
    .replace(/\(Parts?\s?([IVX]{1,5})\)$/, (m, n) => ` (${m.startsWith("(Parts") ? "Parts" : "Part"} ${n})`)
    .replace(/\(Parts\s?([IVX]{1,5})and([IVX]{1,5})\)$/, " (Parts $1 and $2)")
    .replace(/\(Vol\.\s?([IVX]{1,5})\)$/, " (Vol. $1)");
}
