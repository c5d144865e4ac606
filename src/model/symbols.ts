import { trimEndWhere } from "./text.js";

/**
 * United Nations document symbols: the forms they come in, one set of rules that reads and
 * writes each form, and the numbering of resolutions and decisions.
 *
 * A symbol is a slash-separated series ("A/63/309", "E/CN.4/2005/131", "GC.15/Res.1") with
 * optional modifiers: components such as "Add.1", "Corr.2", "Rev.1" ("A/68/970/Corr.1") and a
 * parenthesised part ("A/80/6 (Sect. 29A)", "NPT/CONF.2010/50 (Vol. I)"). Resolutions are
 * cited by number and printed per body: `A/RES/63/231`, `A/RES/75/245 B`, `A/RES/2152 (XXI)`,
 * `A/RES/217 A (III)`, `S/RES/1325 (2000)`, `E/RES/1980/67`, `A/HRC/RES/41/2`, `UNEP/EA.5/Res.14`.
 *
 * The forms, each read by one pattern below and written back by one formatter:
 *
 *   printed      A/RES/79/222, S/RES/2719 (2023)        the canonical form, as the UN prints it
 *   as written   A/RES/2625(XXV), "A/63/309."          in a text: `tidySymbol`, letters keep their case
 *   short        79/222, 2719 (2023), 217 A (III)       how people cite resolutions by number
 *   file name    A_RES_79_222, S_RES_2719_2023          `symbolFromFileName`, `symbolFileName`
 *   user input   a/res/79/222, s_res_2719_2023, 79/222  `symbolFromInput`: any form above, any case
 *
 * A text is trusted for its letter case ("GC.15/Res.1" is not "GC.15/RES.1"); a user is not,
 * so `symbolFromInput` restores the printed case, and reads short forms and file names.
 */

/** Bodies whose resolutions are cited by number; UNEA is the United Nations Environment Assembly. */
export type ResolutionBody = "GA" | "SC" | "ECOSOC" | "HRC" | "UNEA";

/** A resolution or decision as cited by number ("resolution 217 A (III)"). */
export interface ResolutionNumber {
  body: ResolutionBody;
  /** The number without part or qualifier: "63/231", "S-10/2", "ES-10/15", "2152", "1325", "1980/67". */
  number: string;
  /** Part of a resolution adopted in parts: "C" of 54/237 C, "A" of 217 A (III), "A-C" of 75/254 A-C. */
  part?: string;
  /** Parenthesised qualifier: the Security Council's year ("2000") or a Roman-numbered session ("XXI", "S-IV"). */
  qualifier?: string;
}

const RESOLUTION_SERIES: Record<Exclude<ResolutionBody, "UNEA">, string> = {
  GA: "A/RES",
  SC: "S/RES",
  ECOSOC: "E/RES",
  HRC: "A/HRC/RES",
};

const DECISION_SERIES: Record<Exclude<ResolutionBody, "UNEA">, string> = {
  GA: "A/DEC",
  SC: "S/DEC",
  ECOSOC: "E/DEC",
  HRC: "A/HRC/DEC",
};

const BODY_OF_SERIES: Record<string, Exclude<ResolutionBody, "UNEA">> = { "A/RES": "GA", "S/RES": "SC", "E/RES": "ECOSOC", "A/HRC/RES": "HRC" };

// ---------------------------------------------------------------------------------------------
// The pieces of a resolution's number, shared by the patterns of every form.

/** "63/231", "S-10/2", "ES-10/17" (session and number); "2152", "1325" (number alone). */
const NUMBER = String.raw`(?<number>(?:E?S-)?\d{1,4}(?:/\d{1,4})?)`;
/** "B", "A-C": the part or parts of a resolution adopted in parts. */
const PART = String.raw`(?<part>[A-Z](?:-[A-Z])?)`;
/** "2000" (a Security Council year), "XXI" (a Roman-numbered session), "S-IV" (a special one). */
const QUALIFIER = String.raw`(?<qualifier>\d{4}|[IVXL]{1,7}|E?S-[IVXL]{1,6})`;

/**
 * The printed form of a resolution: series, number, part after a space, qualifier in brackets
 * after a space. A part glued to the number ("A/RES/61/267B", as one source writes it) is read
 * too, and printed with its space.
 */
const PRINTED_RESOLUTION = new RegExp(
  String.raw`^(?<series>A/HRC/RES|A/RES|S/RES|E/RES)/${NUMBER}(?: ?${PART})?(?: \(${QUALIFIER}\))?$`,
);
/** The Environment Assembly numbers "session/number" and files each text under its session: UNEP/EA.5/Res.14. */
const PRINTED_ENVIRONMENT_RESOLUTION = /^UNEP\/EA\.(?<session>\d{1,2})\/Res\.(?<number>\d{1,3})$/;

/**
 * Short forms, by which texts and people cite a resolution without its series:
 *   79/222, 75/245 B, ES-10/17, S-10/2   the General Assembly's, by session and number
 */
const SHORT_SESSION_NUMBER = new RegExp(String.raw`^(?<number>(?:E?S-)?\d{1,3}/\d{1,4})(?: ?${PART})?$`);
/**
 *   2719 (2023)                          the Security Council's, by number and year
 *   217 A (III), 2152 (XXI)              the General Assembly's before 1976, by number and Roman session
 */
const SHORT_QUALIFIED_NUMBER = new RegExp(String.raw`^(?<number>\d{1,4})(?: ?(?<part>[A-Z]))? ?\(${QUALIFIER}\)$`);

/**
 * File names: the corpus and the UN's exports name a file after its symbol, "/" and spaces as
 * "_", then a language code and an extension (A_RES_79_222.en.txt, A_RES_70_1.en.paragraphs.json).
 *   A_RES_79_222, A_HRC_RES_S-30_1      A/RES/79/222, A/HRC/RES/S-30/1
 *   A_RES_75_245_B, A_RES_71_101_A-B    A/RES/75/245 B, A/RES/71/101 A-B
 *   A_RES_61_267B                       A/RES/61/267 B (the part glued)
 *   A_RES_118_(II), A_RES_2152(XXI)     A/RES/118 (II), A/RES/2152 (XXI) (the qualifier with or without "_")
 */
const RESOLUTION_FILE = new RegExp(
  String.raw`^(?<series>A_HRC_RES|A_RES|E_RES)_(?<number>(?:E?S-)?\d{1,4}(?:_\d{1,4})?)(?:_?${PART})?(?:_?\(${QUALIFIER}\))?$`,
);
/**
 *   S_RES_2719_2023                     S/RES/2719 (2023) (text exports: the year as a segment)
 *   S_RES_1197(1998)                    S/RES/1197 (1998) (EOSG: the year as printed, glued)
 */
const SECURITY_COUNCIL_FILE = /^S_RES_(?<number>\d{1,5})(?:_(?<year>\d{4})|_?\((?<printedYear>\d{4})\))$/;
/**
 *   A_HRC_PRST_OS_13_1, S_PRST_2012_11  A/HRC/PRST/OS/13/1, S/PRST/2012/11 (other series of the
 *   bodies: every "_" a "/")
 */
const OTHER_SERIES_FILE = /^(?<series>(?:A_HRC|A|S|E)_(?:PRST|DEC))(?<rest>(?:_[0-9A-Z.-]{1,12}){1,5})$/;
/** ".en.txt", ".en.paragraphs.json", ".xml": what follows the symbol in a file's name. */
const FILE_SUFFIX = /(?:\.(?:en|fr|es|ru|ar|zh))?(?:\.paragraphs)?\.[a-z]{2,5}$/i;

// ---------------------------------------------------------------------------------------------
// Resolution numbers: parse and format.

/** `{GA, 217, A, III}` -> "A/RES/217 A (III)"; `{SC, 1325, 2000}` -> "S/RES/1325 (2000)"; `{UNEA, 5/14}` -> "UNEP/EA.5/Res.14". */
export function resolutionSymbol(r: ResolutionNumber): string {
  if (r.body === "UNEA") return environmentAssemblySymbol(r, "Res");
  return `${RESOLUTION_SERIES[r.body]}/${numberText(r)}`;
}

/** Decisions have no document of their own; the UN Digital Library files them as `A/DEC/79/571`. */
export function decisionSymbol(r: ResolutionNumber): string {
  if (r.body === "UNEA") return environmentAssemblySymbol(r, "Dec");
  return `${DECISION_SERIES[r.body]}/${numberText(r)}`;
}

function environmentAssemblySymbol(r: ResolutionNumber, kind: "Res" | "Dec"): string {
  const [session, number] = r.number.split("/");
  return `UNEP/EA.${session}/${kind}.${number}`;
}

function numberText(r: ResolutionNumber): string {
  return r.number + (r.part ? ` ${r.part}` : "") + (r.qualifier ? ` (${r.qualifier})` : "");
}

/** The inverse of `resolutionSymbol`, for printed symbols (tidied first); null for any other symbol. */
export function parseResolutionSymbol(symbol: string): ResolutionNumber | null {
  const printed = tidySymbol(symbol);
  const unea = PRINTED_ENVIRONMENT_RESOLUTION.exec(printed);
  if (unea) return { body: "UNEA", number: `${unea.groups!.session}/${unea.groups!.number}` };
  const g = PRINTED_RESOLUTION.exec(printed)?.groups;
  if (!g) return null;
  return numbered(BODY_OF_SERIES[g.series!]!, g.number!, g.part, g.qualifier);
}

function numbered(body: ResolutionBody, number: string, part: string | undefined, qualifier: string | undefined): ResolutionNumber {
  return { body, number, ...(part ? { part } : {}), ...(qualifier ? { qualifier } : {}) };
}

/** A short form ("79/222", "2719 (2023)", "217 A (III)") as a resolution number; upper case expected. */
function parseShortForm(short: string): ResolutionNumber | null {
  const session = SHORT_SESSION_NUMBER.exec(short)?.groups;
  if (session) return numbered("GA", session.number!, session.part, undefined);
  const q = SHORT_QUALIFIED_NUMBER.exec(short)?.groups;
  if (!q) return null;
  return numbered(/^\d{4}$/.test(q.qualifier!) ? "SC" : "GA", q.number!, q.part, q.qualifier);
}

/**
 * The short form by which texts cite a resolution: "79/222" for A/RES/79/222, "2719 (2023)" for
 * S/RES/2719 (2023), "217 A (III)", "16/15" for A/HRC/RES/16/15; null for other documents.
 */
export function shortForm(symbol: string): string | null {
  const resolution = parseResolutionSymbol(symbol);
  return resolution ? numberText(resolution) : null;
}

/**
 * The number of a document within its session or series, for ordering: 231 in A/RES/63/231,
 * 1325 in S/RES/1325 (2000), 2152 in A/RES/2152 (XXI), 11 in S/PRST/2012/11; null when the
 * symbol ends in no number.
 */
export function sequenceNumber(symbol: string): number | null {
  const resolution = parseResolutionSymbol(symbol);
  const last = resolution ? /(\d+)$/.exec(resolution.number) : /\/(\d+)(?: |$)/.exec(symbol);
  return last ? Number(last[1]) : null;
}

/**
 * The General Assembly session a resolution's symbol names: 79 in A/RES/79/222, and the session
 * of a special or emergency special session as its cover page counts it: 10 in A/RES/S-10/2 and
 * in A/RES/ES-10/15; null for other symbols (Roman-numbered sessions such as "217 A (III)" are
 * left to the other facts of the document).
 */
export function assemblySession(symbol: string): number | null {
  const resolution = parseResolutionSymbol(symbol);
  if (resolution?.body !== "GA") return null;
  const session = /^(?:ES-|S-)?(\d{1,3})\//.exec(resolution.number);
  return session ? Number(session[1]) : null;
}

/** The year printed in a Security Council resolution's symbol: 2000 in "S/RES/1325 (2000)". */
export function symbolYear(symbol: string): number | null {
  const qualifier = parseResolutionSymbol(symbol)?.qualifier;
  return qualifier && /^\d{4}$/.test(qualifier) ? Number(qualifier) : null;
}

// ---------------------------------------------------------------------------------------------
// Symbols as written in a text.

const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\s\u00a0\u2007\u202f]+/g;
/** "2625(XXV)", "1325(2000)", "6(Sect. 2)": a qualifier glued to the number; "COP(15)" is part of a series name. */
const QUALIFIER_GLUED = /([^\s(])\((?=(?:[IVXL]{1,7}|E?S-[IVXL]{1,6}|\d{4})\)|(?:Sect\.|Parts? |Vol\.|Plan )[^()]{0,40}\))/g;

/**
 * A symbol as written in a text, tidied to the printed form: single spaces, ASCII hyphens, a
 * space before a parenthesised qualifier ("A/RES/2625(XXV)" -> "A/RES/2625 (XXV)"), none around
 * the slashes, no trailing punctuation. Letters keep their case ("GC.15/Res.1").
 */
export function tidySymbol(written: string): string {
  const spelled = written
    .replace(SPACES, " ")
    .replace(DASHES, "-")
    .replace(/ ?\/ ?/g, "/")
    .replace(QUALIFIER_GLUED, "$1 (");
  return trimEndWhere(spelled, /[.,;:]/).trim();
}

/** The comparison key of a symbol: NFKC, no white space, upper case (as ../shared/gold/score.mjs compares). */
export function symbolKey(symbol: string): string {
  return symbol.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

const MODIFIER = /^(?:Add|Corr|Rev|Amend)\.\d{1,3}$/;

/** A symbol without its addenda, corrigenda, revisions and amendments: "A/66/53/Add.1/Corr.1" -> "A/66/53". */
export function baseSymbol(symbol: string): string {
  const parts = tidySymbol(symbol).split("/");
  while (parts.length > 2 && MODIFIER.test(parts.at(-1)!)) parts.pop();
  return parts.join("/");
}

/**
 * A related document written as a modifier ("A/68/970 and Corr.1", "A/66/53/Add.1 and Add.2"):
 * a modifier of the kind the symbol already ends with replaces that one (a sibling), any other
 * kind is appended (a corrigendum of the addendum).
 */
export function withModifier(symbol: string, modifier: string): string {
  const mod = modifier.replace(SPACES, "");
  const kind = mod.slice(0, mod.indexOf("."));
  const last = symbol.lastIndexOf("/");
  const lastPart = symbol.slice(last + 1);
  if (last > 0 && lastPart.startsWith(kind + ".")) return `${symbol.slice(0, last)}/${mod}`;
  return `${symbol}/${mod}`;
}

/**
 * Series of organizations outside the UN's document system, whose symbols resolutions quote
 * ("International Maritime Organization, document LEG/CONF.15/22"): WTO, IMO, FAO, IAEA, ILO,
 * UNESCO, the OAU; and UN press releases ("SC/14430"), which are not documents.
 */
const NON_UN_SERIES = new Set([
  "WT", "LEG", "SOLAS", "MEPC", "MSC", "BWM", "SR", "COFI", "FIRO", "C", "CL", "GOV", "INFCIRC", "GB", "CM", "IOC",
  "SC", "GA", "SG", "ECOSOC",
]);
/** "IX/16", "XII/3": decisions numbered by a Roman session (Convention on Biological Diversity), not symbols. */
const ROMAN_SERIES = /^[IVXL]{1,6}$/;

/** Whether a written symbol names a document of the UN system (false for other organizations' series and press releases). */
export function isUnDocumentSymbol(symbol: string): boolean {
  const series = /^[^/.(]+/.exec(symbol)?.[0] ?? "";
  return !NON_UN_SERIES.has(series) && !ROMAN_SERIES.test(series);
}

// ---------------------------------------------------------------------------------------------
// File names, both ways.

/** The symbol a file's name gives (A_RES_63_231.en.txt -> A/RES/63/231), any letter case; null when it names none. */
export function symbolFromFileName(name: string | undefined): string | null {
  const base = (name ?? "").split(/[\\/]/).pop()!.replace(FILE_SUFFIX, "").toUpperCase();
  const sc = SECURITY_COUNCIL_FILE.exec(base)?.groups;
  if (sc) return resolutionSymbol({ body: "SC", number: sc.number!, qualifier: sc.year ?? sc.printedYear! });
  const r = RESOLUTION_FILE.exec(base)?.groups;
  if (r) return resolutionSymbol(numbered(BODY_OF_SERIES[r.series!.replace(/_/g, "/")]!, r.number!.replace("_", "/"), r.part, r.qualifier));
  const other = OTHER_SERIES_FILE.exec(base)?.groups;
  if (other) return `${other.series}${other.rest}`.replace(/_/g, "/");
  return null;
}

/**
 * The file name of a symbol, as the corpus names files: "/" and spaces become "_"
 * ("A/RES/75/245 B" -> "A_RES_75_245_B"), and a Security Council year is a segment of its own
 * ("S/RES/2719 (2023)" -> "S_RES_2719_2023").
 */
export function symbolFileName(symbol: string): string {
  const resolution = parseResolutionSymbol(symbol);
  if (resolution?.body === "SC" && resolution.qualifier) return `S_RES_${resolution.number}_${resolution.qualifier}`;
  return tidySymbol(symbol).replace(/[/ ]/g, "_");
}

// ---------------------------------------------------------------------------------------------
// Symbols as people type them.

/** Words that modifiers print capitalised rather than in capitals: "Corr.1", "Res.14", "(Sect. 29A)", "(Part I)". */
const MODIFIER_WORD = /\b(?:ADD|CORR|REV|AMEND|RES|DEC|SECT|VOL|SUPPL|PARTS?)(?=\.| [IVXL\d])/g;

/** The printed letter case of a symbol typed in any case: capitals, but modifier words capitalised. */
function printedCase(symbol: string): string {
  return symbol.toUpperCase().replace(MODIFIER_WORD, (word) => word[0] + word.slice(1).toLowerCase());
}

/**
 * The printed symbol a user means, whatever form and case they typed: "A/RES/79/222",
 * "a/res/79/222", "79/222" and "A_RES_79_222" all give "A/RES/79/222"; "S/RES/2719 (2023)",
 * "s/res/2719(2023)", "2719 (2023)" and "S_RES_2719_2023" give "S/RES/2719 (2023)";
 * "a/68/970/corr.1" gives "A/68/970/Corr.1".
 */
export function symbolFromInput(input: string): string {
  const typed = input.replace(SPACES, " ").replace(DASHES, "-").trim();
  const upper = typed.toUpperCase();
  const short = parseShortForm(upper);
  if (short) return resolutionSymbol(short);
  if (!typed.includes("/")) {
    const named = symbolFromFileName(upper);
    if (named) return named;
  }
  // another series typed as a file name ("a_68_970"): every "_" a "/"
  const slashed = !typed.includes("/") && typed.includes("_") ? typed.replace(/_/g, "/") : typed;
  const printed = tidySymbol(printedCase(slashed));
  const resolution = parseResolutionSymbol(printed);
  return resolution ? resolutionSymbol(resolution) : printed;
}

/** Whether user input reads as a symbol (any form `symbolFromInput` reads) rather than words of a title. */
export function looksLikeSymbol(input: string): boolean {
  const typed = input.replace(SPACES, " ").trim();
  const upper = typed.toUpperCase();
  if (parseShortForm(upper) || (!typed.includes("/") && symbolFromFileName(upper))) return true;
  return /^[A-Z]{1,4}[/_][A-Z0-9]/.test(upper) && /\d/.test(typed) && !/\s{2,}|\s[a-z]{3,}/.test(typed);
}
