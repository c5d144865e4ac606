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

/** "79/222" for A/RES/79/222: how delegates say a GA resolution (the model's short form); other symbols in full. */
export function shortSymbol(symbol: string): string {
  const resolution = parseResolutionSymbol(symbol);
  return resolution?.body === "GA" && !resolution.qualifier ? (shortForm(symbol) ?? symbol) : symbol;
}
