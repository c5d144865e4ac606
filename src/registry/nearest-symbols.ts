import { sequenceNumber, symbolFromInput, symbolYear } from "../model/symbols.js";
import type { DocumentFilter, DocumentSummary, Store } from "./store.js";

/**
 * The held symbols nearest one the registry does not hold, for a "not found" page: the same
 * session (or Security Council year), numbers closest first; else the newest documents.
 */

const CANDIDATES = 500;

export interface NearSymbol {
  symbol: string;
  title: string | null;
  session: number | null;
}

/** The session a GA-style symbol names: 79 in A/RES/79/999 or A/79/L.5. */
function sessionOf(symbol: string): number | null {
  const m = /^[A-Z]+(?:\/[A-Z]+)*\/(?:[A-Z]+-)?(\d{1,3})\//.exec(symbol);
  return m ? Number(m[1]) : null;
}

export async function nearestSymbols(store: Store, input: string, limit = 8): Promise<{ symbol: string; nearest: NearSymbol[] }> {
  const symbol = symbolFromInput(input);
  const session = sessionOf(symbol);
  const year = symbolYear(symbol);
  const filter: DocumentFilter = session !== null ? { session } : year !== null ? { year } : {};
  const number = sequenceNumber(symbol);
  let candidates: DocumentSummary[] = (await store.listDocuments(filter, { limit: CANDIDATES, offset: 0 })).items;
  if (!candidates.length) candidates = (await store.listDocuments({}, { limit: limit, offset: 0 })).items;
  const distance = (s: DocumentSummary) => {
    const n = sequenceNumber(s.symbol);
    return number !== null && n !== null ? Math.abs(n - number) : Number.MAX_SAFE_INTEGER;
  };
  const seen = new Set<string>();
  const nearest = [...candidates]
    .sort((a, b) => distance(a) - distance(b) || Number(a.language !== "en") - Number(b.language !== "en"))
    .filter((s) => !seen.has(s.symbol) && seen.add(s.symbol))
    .slice(0, limit)
    .map((s) => ({ symbol: s.symbol, title: s.title, session: s.session }));
  return { symbol, nearest };
}
