import { parseParagraphRef } from "../../../src/model/paragraphs.js";
import { parseResolutionSymbol, shortForm } from "../../../src/model/symbols.js";

/** Labels shared by the pages. */

export const BODY_NAMES: Record<string, string> = {
  GA: "General Assembly",
  SC: "Security Council",
  ECOSOC: "Economic and Social Council",
  HRC: "Human Rights Council",
  other: "Other",
};

export const LANGUAGE_NAMES: Record<string, string> = { en: "English", fr: "French", es: "Spanish", ru: "Russian", ar: "Arabic", zh: "Chinese" };

export const FORCE_NAMES: Record<number, string> = { 1: "1 · invites, encourages", 2: "2 · recommends, appeals", 3: "3 · urges, calls upon", 4: "4 · requests, authorizes", 5: "5 · decides, directs" };

export function ordinal(n: number): string {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

export function session(n: number | null | undefined): string {
  return n ? `${ordinal(n)} session` : "no session";
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "31 July 2022" for 2022-07-31, as the UN writes dates; anything else as it is. */
export function unDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/**
 * A paragraph as delegates cite it: "op. 3", "pp. 2", "fn. 4", "B op. 3" in part B, with the
 * sub-paragraph when given ("op. 3 (a)"); a reference the model does not read, as it is.
 */
export function paragraphShort(ref: string | null | undefined, sub?: string | null): string {
  if (!ref) return "—";
  const parsed = parseParagraphRef(ref);
  const part = parsed?.part ? `${parsed.part} ` : "";
  const short = { operative: "op.", preambular: "pp.", footnote: "fn.", annex: "annex" } as const;
  const name = parsed ? `${part}${short[parsed.kind]} ${parsed.number}${parsed.block ? `.${parsed.block}` : ""}` : ref;
  return sub ? `${name} (${sub})` : name;
}

/** "79/222" for A/RES/79/222: how delegates say a GA resolution (the model's short form); other symbols in full. */
export function shortSymbol(symbol: string): string {
  const resolution = parseResolutionSymbol(symbol);
  return resolution?.body === "GA" && !resolution.qualifier ? (shortForm(symbol) ?? symbol) : symbol;
}
