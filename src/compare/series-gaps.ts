import { parseResolutionSymbol } from "../model/symbols.js";
import type { Body, Resolution } from "../model/types.js";
import { recallsOwnResolutions } from "./series-groups.js";

/**
 * The versions of a series the caller does not hold. Each renewal recalls its predecessors
 * ("Recalling its resolutions 49/108 of 19 December 1994, ... and 77/180"; "Recalling its
 * resolutions 350 (1974), ... and 2737 (2024)"; "Recalling Human Rights Council resolutions
 * 34/25 ..."): the resolutions of the series' own body that a member's recalling paragraph names
 * beside another member are the series' earlier versions, and those not held are its gaps. Pure:
 * the caller says which symbols are held.
 */

export interface SeriesGap {
  symbol: string;
  session: number | null;
  /** The members whose recalling paragraph names it. */
  namedBy: string[];
}

/** A resolution numbered the way the body numbers its series (63/231 in a session, 420 (1977) in a year), with where it falls. */
function placeOf(symbol: string, body: Body): { session: number | null; year: number; number: number } | null {
  const r = parseResolutionSymbol(symbol);
  if (!r || r.body !== body || r.part) return null;
  const inSession = /^(\d+)\/(\d+)$/.exec(r.number);
  if (inSession && !r.qualifier) return { session: Number(inSession[1]), year: 0, number: Number(inSession[2]) };
  if (/^\d+$/.test(r.number) && r.qualifier && /^\d{4}$/.test(r.qualifier)) return { session: null, year: Number(r.qualifier), number: Number(r.number) };
  return null;
}

export function seriesGaps(members: readonly Resolution[], held: (symbol: string) => boolean): SeriesGap[] {
  const memberSymbols = new Set(members.map((d) => d.meta.symbol).filter((s): s is string => s !== null));
  const gaps = new Map<string, SeriesGap & { year: number; number: number }>();
  for (const doc of members) {
    for (const p of doc.preamble) {
      if (!recallsOwnResolutions(p.text, doc.meta.body)) continue;
      const named = p.citations.filter((c) => c.kind === "resolution" && placeOf(c.symbol, doc.meta.body)).map((c) => c.symbol);
      // A recalling paragraph that names no other member recalls other texts, not the series' own.
      if (!named.some((s) => memberSymbols.has(s) && s !== doc.meta.symbol)) continue;
      for (const symbol of named) {
        if (memberSymbols.has(symbol) || held(symbol)) continue;
        const gap = gaps.get(symbol) ?? { symbol, ...placeOf(symbol, doc.meta.body)!, namedBy: [] };
        if (doc.meta.symbol && !gap.namedBy.includes(doc.meta.symbol)) gap.namedBy.push(doc.meta.symbol);
        gaps.set(symbol, gap);
      }
    }
  }
  return [...gaps.values()]
    .sort((a, b) => (a.session ?? 0) - (b.session ?? 0) || a.year - b.year || a.number - b.number)
    .map(({ symbol, session, namedBy }) => ({ symbol, session, namedBy }));
}
