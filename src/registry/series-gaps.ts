import { sequenceNumber } from "../model/symbols.js";
import type { Resolution } from "../model/types.js";
import { recallsOwnResolutions } from "./series.js";

/**
 * The versions of a series the registry does not hold. Each renewal recalls its predecessors
 * ("Recalling its resolutions 49/108 of 19 December 1994, ... and 77/180"): the resolutions a
 * member's recalling paragraph names beside another member are the series' earlier versions,
 * and those not held are its gaps. Pure: the caller says which symbols are held.
 */

export interface SeriesGap {
  symbol: string;
  session: number | null;
  /** The members whose recalling paragraph names it. */
  namedBy: string[];
}

const GA_RESOLUTION = /^A\/RES\/(\d+)\/\d+$/;

export function seriesGaps(members: readonly Resolution[], held: (symbol: string) => boolean): SeriesGap[] {
  const memberSymbols = new Set(members.map((d) => d.meta.symbol).filter((s): s is string => s !== null));
  const gaps = new Map<string, SeriesGap>();
  for (const doc of members) {
    for (const p of doc.preamble) {
      if (!recallsOwnResolutions(p.text)) continue;
      const named = p.citations.filter((c) => c.kind === "resolution" && GA_RESOLUTION.test(c.symbol)).map((c) => c.symbol);
      // A recalling paragraph that names no other member recalls other texts, not the series' own.
      if (!named.some((s) => memberSymbols.has(s) && s !== doc.meta.symbol)) continue;
      for (const symbol of named) {
        if (memberSymbols.has(symbol) || held(symbol)) continue;
        const gap = gaps.get(symbol) ?? { symbol, session: Number(GA_RESOLUTION.exec(symbol)![1]), namedBy: [] };
        if (doc.meta.symbol && !gap.namedBy.includes(doc.meta.symbol)) gap.namedBy.push(doc.meta.symbol);
        gaps.set(symbol, gap);
      }
    }
  }
  return [...gaps.values()].sort((a, b) => (a.session ?? 0) - (b.session ?? 0) || (sequenceNumber(a.symbol) ?? 0) - (sequenceNumber(b.symbol) ?? 0));
}
