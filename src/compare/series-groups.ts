import { parseResolutionSymbol } from "../model/symbols.js";
import type { Body, Language, Resolution } from "../model/types.js";
import { namesOfBody } from "../enrich/citations.js";
import { holderIdentities, holderKey, holderNames, holderTitle, type MandateHolder, mandateHolders } from "./mandate-holders.js";

/**
 * Which resolutions are versions of one another: the one rule for series, used on files (`mandates
 * series FILES...`, `mandates duplicates FILES...`), by the registry (its series rows, the series
 * page) and by the duplication report.
 *
 * Two resolutions of one body in one language are versions of one series when
 * - their titles are the same up to case, spacing, punctuation, "co-operation" and a part letter
 *   ("Industrial development cooperation" every other session);
 * - or the later one recalls the earlier in a "Recalling its resolution(s) ..." paragraph and
 *   their titles share at least half their words (an item renamed keeps its lineage);
 * - or both establish, renew or extend the mandate of one holder (mandate-holders.ts): a mission,
 *   panel, special procedure or sanctions regime named the same ("United Nations Disengagement
 *   Observer Force", "UNDOF"), or described the same and set out in the same resolution ("the
 *   Panel of Experts" of resolution 1973 (2011));
 * - or the later one names the earlier (recalls it, or cites it for the mandate it renews) and
 *   both renew a holder of the same name.
 * The relation is closed under chains: a series is a connected group of two or more resolutions.
 * Versions are ordered by session, number, date of adoption and symbol.
 *
 * The rule reads a small shape, `SeriesCandidate`, that a parsed resolution gives (`seriesCandidate`)
 * and the registry keeps in its rows (the facts of `seriesFacts`, stored when a document is
 * written), so that files and the registry group the same documents the same way.
 */

/** What the rule reads of a resolution beyond its metadata: computed from the text, stored by the registry. */
export interface SeriesFacts {
  /** Resolutions its "Recalling its resolution(s) ..." paragraphs name. */
  recalls: string[];
  /** The mandate-holders whose mandate it establishes, renews or extends. */
  holders: MandateHolder[];
}

export interface SeriesCandidate extends SeriesFacts {
  symbol: string;
  body: Body;
  language: Language;
  session: number | null;
  /** ISO date of adoption. */
  date: string | null;
  title: string | null;
}

export interface SeriesGroup<T extends SeriesCandidate = SeriesCandidate> {
  /** `body:language:words-of-the-title`, unique among the groups. */
  key: string;
  /** The latest version's title, or the name of the holder whose mandate it renews. */
  title: string;
  body: Body;
  language: Language;
  /** Versions, oldest first. */
  members: T[];
}

const TITLE_STOPWORDS = new Set(["the", "of", "and", "in", "on", "for", "to", "a", "an", "its", "with", "by", "at"]);

/** How alike two titles must be for a recall to join their series. */
export const RECALL_SIMILARITY = 0.5;

/**
 * A title as compared: Unicode-normalised, lower case, "co-operation" = "cooperation",
 * punctuation, a leading resolution number ("2024/13. ", "2601 (XXIV). ") and a trailing part
 * letter ("... B") dropped, spaces collapsed.
 */
export function titleKey(title: string | null): string | null {
  if (!title) return null;
  const key = title
    .normalize("NFKC")
    .replace(/^\s*\d{1,4}(?:\/\d{1,4})?(?:\s*\([IVXL]{1,7}\))?\.\s+(?=\S)/, "")
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .replace(/\bco-(?=operat|ordinat)/g, "co")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/\s[a-z]$/, "");
  return key || null;
}

function titleWords(key: string): Set<string> {
  return new Set(key.split(" ").filter((w) => !TITLE_STOPWORDS.has(w)));
}

/** Share of words two title keys have in common (Jaccard). */
export function titleSimilarity(a: string, b: string): number {
  const wa = titleWords(a);
  const wb = titleWords(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const union = wa.size + wb.size - shared;
  return union ? shared / union : 0;
}

/**
 * How a body's recalling paragraphs name its own resolutions: "its resolutions", or the body by
 * name, as the Human Rights Council writes ("Recalling Human Rights Council resolutions 34/25 ...").
 */
const OWN_RECALL: Record<Body, RegExp> = {
  GA: ownRecall("GA"),
  SC: ownRecall("SC"),
  ECOSOC: ownRecall("ECOSOC"),
  HRC: ownRecall("HRC"),
  other: ownRecall("other"),
};

function ownRecall(body: Body): RegExp {
  const names = ["its", ...namesOfBody(body).map((name) => name.replace(/ /g, "\\s+"))];
  return new RegExp(`^recalling\\b[^.;]{0,60}?\\b(?:${names.join("|")})\\b[^.;]{0,30}?\\bresolutions?\\b`, "i");
}

/** Whether a preambular paragraph of a body's resolution recalls the body's own earlier resolutions ("Recalling its resolutions 49/108 ..."). */
export function recallsOwnResolutions(text: string, body: Body): boolean {
  return OWN_RECALL[body].test(text);
}

/** The facts the rule reads of a resolution's text. */
export function seriesFacts(doc: Resolution): SeriesFacts {
  const recalls = doc.preamble
    .filter((p) => recallsOwnResolutions(p.text, doc.meta.body))
    .flatMap((p) => p.citations.filter((c) => c.kind === "resolution").map((c) => c.symbol));
  return { recalls: [...new Set(recalls)], holders: mandateHolders(doc) };
}

export function seriesCandidate(doc: Resolution): SeriesCandidate {
  const { meta } = doc;
  return { symbol: meta.symbol ?? "", body: meta.body, language: meta.language, session: meta.session, date: meta.adoptionDate, title: meta.title, ...seriesFacts(doc) };
}

/**
 * Where a symbol places a resolution: its session (63 in A/RES/63/231, 52 in A/HRC/RES/52/10, the
 * year 2019 in E/RES/2019/24) and its number (231; 420 in S/RES/420 (1977)). Symbols the model's
 * parser does not read ("A/RES/76/246/B") are read for the same two numbers.
 */
function placeOf(symbol: string): { session: number | null; number: number } {
  const number = parseResolutionSymbol(symbol)?.number ?? /\/RES\/((?:[A-Z]+-)?\d+(?:\/\d+)?)/.exec(symbol)?.[1] ?? "";
  const inSession = /^(?:E?S-)?(\d+)\/(\d+)$/.exec(number);
  if (inSession) return { session: Number(inSession[1]), number: Number(inSession[2]) };
  return { session: null, number: Number(/(\d+)$/.exec(number)?.[1] ?? 0) };
}

/** The session of a version: as its metadata gives it, else as its symbol does (the Human Rights Council's files give none). */
function sessionOf(c: SeriesCandidate): number | null {
  return c.session ?? placeOf(c.symbol).session;
}

/** When a version was adopted, as far as it says: its date, else the year its symbol prints ("S/RES/420 (1977)"). */
function adopted(c: SeriesCandidate): string {
  return c.date ?? /\((\d{4})\)\s*$/.exec(c.symbol)?.[1] ?? "";
}

/**
 * Version order: session, then number, then date of adoption, then symbol. A body numbers its
 * resolutions in the order it adopts them, so the number orders versions of one session (and the
 * Security Council's, which has none) more surely than a date read from the text.
 */
export function compareVersions(a: SeriesCandidate, b: SeriesCandidate): number {
  const da = adopted(a);
  const db = adopted(b);
  return (
    (sessionOf(a) ?? 0) - (sessionOf(b) ?? 0) ||
    placeOf(a.symbol).number - placeOf(b.symbol).number ||
    (da < db ? -1 : da > db ? 1 : 0) ||
    (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0)
  );
}

/** Whether `earlier` may be recalled by `later` as a version before it: an earlier session, or for bodies without sessions, an earlier version. */
function isEarlier(earlier: SeriesCandidate, later: SeriesCandidate): boolean {
  const [a, b] = [sessionOf(earlier), sessionOf(later)];
  if (a !== null && b !== null) return a < b;
  return compareVersions(earlier, later) < 0;
}

/** The series among `candidates`: groups of two or more, in key order, each oldest first. A symbol given twice is one document. */
export function groupSeries<T extends SeriesCandidate>(candidates: readonly T[]): SeriesGroup<T>[] {
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const partition = (c: SeriesCandidate) => `${c.body}\u0000${c.language}`;
  const first = new Map<string, number>();
  const joinByKey = (key: string, i: number) => {
    const at = first.get(key);
    if (at === undefined) first.set(key, i);
    else union(i, at);
  };
  const titleKeys = candidates.map((c) => titleKey(c.title));
  candidates.forEach((c, i) => {
    const part = partition(c);
    if (c.symbol) joinByKey(`${part}\u0000symbol\u0000${c.symbol}`, i);
    if (titleKeys[i]) joinByKey(`${part}\u0000title\u0000${titleKeys[i]}`, i);
    for (const holder of c.holders) for (const id of holderIdentities(holder)) joinByKey(`${part}\u0000holder\u0000${id}`, i);
  });

  const bySymbol = new Map<string, number>();
  candidates.forEach((c, i) => {
    const key = `${partition(c)}\u0000${c.symbol}`;
    if (c.symbol && !bySymbol.has(key)) bySymbol.set(key, i);
  });
  const names = candidates.map((c) => new Set(c.holders.flatMap(holderNames)));
  candidates.forEach((c, i) => {
    const part = partition(c);
    // A recall joins titles that share most of their words.
    for (const symbol of c.recalls) {
      const j = bySymbol.get(`${part}\u0000${symbol}`);
      if (j === undefined || !isEarlier(candidates[j]!, c)) continue;
      const [a, b] = [titleKeys[i], titleKeys[j]];
      if (a && b && titleSimilarity(a, b) >= RECALL_SIMILARITY) union(i, j);
    }
    // A resolution naming an earlier one that renewed a holder of the same name renews it again.
    if (names[i]!.size === 0) return;
    for (const symbol of new Set([...c.recalls, ...c.holders.flatMap((h) => h.resolutions)])) {
      const j = bySymbol.get(`${part}\u0000${symbol}`);
      if (j === undefined || !isEarlier(candidates[j]!, c)) continue;
      if ([...names[j]!].some((name) => names[i]!.has(name))) union(i, j);
    }
  });

  const components = new Map<number, T[]>();
  candidates.forEach((c, i) => {
    const root = find(i);
    const members = components.get(root);
    // A symbol given twice (two renditions of one resolution) is one version: the first given.
    if (!members) components.set(root, [c]);
    else if (!c.symbol || !members.some((m) => m.symbol === c.symbol)) members.push(c);
  });
  const groups: SeriesGroup<T>[] = [];
  for (const members of components.values()) {
    if (members.length < 2) continue;
    members.sort(compareVersions);
    const latest = members[members.length - 1]!;
    const title = latest.title ?? [...members].reverse().find((m) => m.title)?.title ?? holderTitleOf(members) ?? latest.symbol;
    groups.push({ key: `${latest.body}:${latest.language}:${slug(title)}`, title, body: latest.body, language: latest.language, members });
  }
  return withUniqueKeys(groups).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The holder a series renews, named from its latest version that names one. */
function holderTitleOf(members: readonly SeriesCandidate[]): string | null {
  for (let i = members.length - 1; i >= 0; i--) {
    const holders = members[i]!.holders;
    const holder = holders.find((h) => h.specific) ?? holders[0];
    if (holder) return holderTitle(holder);
  }
  return null;
}

function slug(title: string): string {
  return (titleKey(title) ?? holderKey(title)).replace(/ /g, "-");
}

/** Two series whose latest versions share a title (renamed items, two holders of one name) are told apart by their latest symbol. */
function withUniqueKeys<T extends SeriesCandidate>(groups: SeriesGroup<T>[]): SeriesGroup<T>[] {
  const count = new Map<string, number>();
  for (const g of groups) count.set(g.key, (count.get(g.key) ?? 0) + 1);
  return groups.map((g) => (count.get(g.key)! > 1 ? { ...g, key: `${g.key}:${g.members[g.members.length - 1]!.symbol}` } : g));
}

/** Documents grouped into their series, and those that belong to none (each a lineage of one version), in the order given. */
export function seriesOfDocuments(docs: readonly Resolution[]): { series: SeriesGroup<SeriesCandidate & { document: Resolution }>[]; alone: Resolution[] } {
  const candidates = docs.map((document) => ({ ...seriesCandidate(document), document }));
  const series = groupSeries(candidates);
  const grouped = new Set(series.flatMap((s) => s.members.map((m) => m.document)));
  const inSeries = new Set(series.flatMap((s) => s.members.map((m) => `${m.body}\u0000${m.language}\u0000${m.symbol}`)));
  // A rendition of a document already counted (in a series, or alone) is that document.
  const alone: Resolution[] = [];
  for (const d of docs) {
    const id = `${d.meta.body}\u0000${d.meta.language}\u0000${d.meta.symbol}`;
    if (grouped.has(d) || (d.meta.symbol && inSeries.has(id))) continue;
    if (d.meta.symbol) inSeries.add(id);
    alone.push(d);
  }
  return { series, alone };
}
