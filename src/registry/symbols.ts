/**
 * Document symbols as people type them, mapped to the canonical form the registry stores:
 * "A/RES/79/222", "a_res_79_222" (the corpus's file names), "79/222" (the GA's short form),
 * "S/RES/1325 (2000)", "S_RES_1325_2000".
 */

const SHORT_GA = /^(\d{1,3})\/(\d{1,4})(?:\s*([A-Z](?:-[A-Z])?))?$/i;
const SC_FILE = /^S\/RES\/(\d{1,5})\/(\d{4})$/i;

export function canonicalSymbol(input: string): string {
  let s = input.trim().replace(/\s+/g, " ");
  const short = SHORT_GA.exec(s);
  if (short) return `A/RES/${short[1]}/${short[2]}${short[3] ? ` ${short[3].toUpperCase()}` : ""}`;
  if (!s.includes("/") && s.includes("_")) {
    s = s.replace(/_/g, "/").replace(/\/\(/g, " (").replace(/^(.*\/RES\/.*\d)\/([A-Z](?:-[A-Z])?)$/i, "$1 $2");
  }
  const sc = SC_FILE.exec(s);
  if (sc) return `S/RES/${sc[1]} (${sc[2]})`;
  // Series letters and bodies are upper case; a last segment such as "Corr.1" keeps its case.
  const cut = s.lastIndexOf("/") + 1;
  const last = s.slice(cut);
  return s.slice(0, cut).toUpperCase() + (/^[a-z]+\.\d/i.test(last) ? last : last.toUpperCase());
}

/** Whether the input reads as a symbol rather than words of a title. */
export function looksLikeSymbol(input: string): boolean {
  const s = input.trim();
  return SHORT_GA.test(s) || /^[A-Z]{1,4}[/_][A-Z0-9]/i.test(s) && /\d/.test(s) && !/\s{2,}|\s[a-z]{3,}/.test(s);
}

/** The resolution's number within its session or series, for ordering: 231 in A/RES/63/231. */
export function resolutionNumber(symbol: string): number | null {
  const ga = /\/RES\/(?:[A-Z]+-)?\d+\/(\d+)/.exec(symbol);
  if (ga) return Number(ga[1]);
  const sc = /^S\/RES\/(\d+)/.exec(symbol);
  return sc ? Number(sc[1]) : null;
}

/** Year printed in a Security Council symbol: 2000 in "S/RES/1325 (2000)". */
export function symbolYear(symbol: string): number | null {
  const m = /\((\d{4})\)\s*$/.exec(symbol);
  return m ? Number(m[1]) : null;
}
