import { trimEndWhere } from "./text.js";

/**
 * United Nations document symbols: canonical forms, comparison keys and the numbering of
 * resolutions and decisions.
 *
 * A symbol is a slash-separated series ("A/63/309", "E/CN.4/2005/131", "GC.15/Res.1") with
 * optional modifiers: components such as "Add.1", "Corr.2", "Rev.1" ("A/68/970/Corr.1") and a
 * parenthesised part ("A/80/6 (Sect. 29A)", "NPT/CONF.2010/50 (Vol. I)"). Resolutions are
 * cited by number and formatted per body: `A/RES/63/231`, `A/RES/75/245 B`,
 * `A/RES/2152 (XXI)`, `A/RES/217 A (III)`, `S/RES/1325 (2000)`, `E/RES/1980/67`,
 * `A/HRC/RES/41/2`, `UNEP/EA.5/Res.14`.
 */

/** Bodies whose resolutions are cited by number; UNEA is the United Nations Environment Assembly. */
export type ResolutionBody = "GA" | "SC" | "ECOSOC" | "HRC" | "UNEA";

/** A resolution or decision as cited by number ("resolution 217 A (III)"). */
export interface ResolutionNumber {
  body: ResolutionBody;
  /** The number without part or qualifier: "63/231", "S-10/2", "ES-10/15", "2152", "1325", "1980/67". */
  number: string;
  /** Part of a resolution adopted in parts: "C" of 54/237 C, "A" of 217 A (III). */
  part?: string;
  /** Parenthesised qualifier: the Security Council's year ("2000") or a Roman-numbered session ("XXI", "S-IV"). */
  qualifier?: string;
}

const RESOLUTION_SERIES: Record<Exclude<ResolutionBody, "UNEA">, string> = {
  GA: "A/RES/",
  SC: "S/RES/",
  ECOSOC: "E/RES/",
  HRC: "A/HRC/RES/",
};

const DECISION_SERIES: Record<Exclude<ResolutionBody, "UNEA">, string> = {
  GA: "A/DEC/",
  SC: "S/DEC/",
  ECOSOC: "E/DEC/",
  HRC: "A/HRC/DEC/",
};

/** `{GA, 217, A, III}` -> "A/RES/217 A (III)"; `{SC, 1325, 2000}` -> "S/RES/1325 (2000)"; `{UNEA, 5/14}` -> "UNEP/EA.5/Res.14". */
export function resolutionSymbol(r: ResolutionNumber): string {
  if (r.body === "UNEA") return environmentAssemblySymbol(r, "Res");
  return RESOLUTION_SERIES[r.body] + numberText(r);
}

/** Decisions have no document of their own; the UN Digital Library files them as `A/DEC/79/571`. */
export function decisionSymbol(r: ResolutionNumber): string {
  if (r.body === "UNEA") return environmentAssemblySymbol(r, "Dec");
  return DECISION_SERIES[r.body] + numberText(r);
}

/** The Environment Assembly numbers "session/number" and files each text under its session: UNEP/EA.5/Res.14. */
function environmentAssemblySymbol(r: ResolutionNumber, kind: "Res" | "Dec"): string {
  const [session, number] = r.number.split("/");
  return `UNEP/EA.${session}/${kind}.${number}`;
}

function numberText(r: ResolutionNumber): string {
  return r.number + (r.part ? ` ${r.part}` : "") + (r.qualifier ? ` (${r.qualifier})` : "");
}

const RESOLUTION_SYMBOL =
  /^(A\/HRC\/RES|A\/RES|S\/RES|E\/RES)\/((?:E?S-)?\d{1,4}(?:\/\d{1,4})?)(?: ([A-Z]))?(?: \(([IVXL]{1,7}|E?S-[IVXL]{1,6}|\d{4})\))?$/;
const BODY_OF_SERIES: Record<string, ResolutionBody> = { "A/RES": "GA", "S/RES": "SC", "E/RES": "ECOSOC", "A/HRC/RES": "HRC" };

/** The inverse of `resolutionSymbol`, for canonical symbols; null for any other symbol. */
export function parseResolutionSymbol(symbol: string): ResolutionNumber | null {
  const canonical = canonicalSymbol(symbol);
  const unea = /^UNEP\/EA\.(\d{1,2})\/Res\.(\d{1,3})$/.exec(canonical);
  if (unea) return { body: "UNEA", number: `${unea[1]}/${unea[2]}` };
  const m = RESOLUTION_SYMBOL.exec(canonical);
  if (!m) return null;
  return {
    body: BODY_OF_SERIES[m[1]!]!,
    number: m[2]!,
    ...(m[3] ? { part: m[3] } : {}),
    ...(m[4] ? { qualifier: m[4] } : {}),
  };
}

const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\s\u00a0\u2007\u202f]+/g;
/** "2625(XXV)", "1325(2000)", "6(Sect. 2)": a qualifier glued to the number; "COP(15)" is part of a series name. */
const QUALIFIER_GLUED = /([^\s(])\((?=(?:[IVXL]{1,7}|E?S-[IVXL]{1,6}|\d{4})\)|(?:Sect\.|Parts? |Vol\.|Plan )[^()]{0,40}\))/g;

/**
 * A symbol as written, tidied to the UN's printed form: single spaces, ASCII hyphens, a space
 * before a parenthesised qualifier ("A/RES/2625(XXV)" -> "A/RES/2625 (XXV)"), none around the
 * slashes, no trailing punctuation. Letters keep their case ("GC.15/Res.1").
 */
export function canonicalSymbol(written: string): string {
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
  const parts = canonicalSymbol(symbol).split("/");
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

/** File name of a symbol as the corpus names files: "/" and spaces become "_" ("A/RES/75/245 B" -> "A_RES_75_245_B"). */
export function symbolFileName(symbol: string): string {
  return canonicalSymbol(symbol).replace(/[/ ]/g, "_");
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
