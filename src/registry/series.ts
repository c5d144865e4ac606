/**
 * Recurring series: the Assembly adopts "Industrial development cooperation" every other
 * session, each text recalling the earlier ones. Two resolutions belong to one series when
 * their normalised titles are equal, or when the later one recalls the earlier in a
 * "Recalling its resolution(s) ..." paragraph and their titles share most of their words (a
 * renamed item keeps its lineage). Pure: the store loads the rows and writes the groups.
 */

export interface SeriesCandidate {
  id: number;
  symbol: string;
  body: string;
  language: string;
  session: number | null;
  number: number | null;
  title: string;
  titleKey: string;
}

/** "Recalling its resolutions 49/108 ...": `from` cites the earlier resolution `to`. */
export interface RecallEdge {
  from: number;
  to: number;
}

export interface SeriesGroup {
  key: string;
  title: string;
  body: string;
  language: string;
  /** Member ids in order: session, then resolution number. */
  members: number[];
}

const TITLE_STOPWORDS = new Set(["the", "of", "and", "in", "on", "for", "to", "a", "an", "its", "with", "by", "at"]);

/**
 * Title to comparison key: Unicode-normalised, lower case, "co-operation" = "cooperation",
 * punctuation and a trailing part letter ("... B") dropped, spaces collapsed.
 */
export function titleKey(title: string | null): string | null {
  if (!title) return null;
  const key = title
    .normalize("NFKC")
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

/** How alike two titles must be for a recall to join their series. */
export const RECALL_SIMILARITY = 0.5;

/** Whether a preambular paragraph recalls the Assembly's own earlier resolutions on the item. */
export function recallsOwnResolutions(text: string): boolean {
  return /^recalling\b[^.;]{0,60}?\bits\b[^.;]{0,30}?\bresolutions?\b/i.test(text);
}

export function groupSeries(candidates: readonly SeriesCandidate[], recalls: readonly RecallEdge[]): SeriesGroup[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const union = (a: number, b: number) => parent.set(find(a), find(b));
  for (const c of candidates) parent.set(c.id, c.id);

  const firstWithKey = new Map<string, number>();
  for (const c of candidates) {
    const k = `${c.body}\u0000${c.language}\u0000${c.titleKey}`;
    const first = firstWithKey.get(k);
    if (first === undefined) firstWithKey.set(k, c.id);
    else union(c.id, first);
  }
  for (const { from, to } of recalls) {
    const a = byId.get(from);
    const b = byId.get(to);
    if (!a || !b || a.body !== b.body || a.language !== b.language) continue;
    if ((b.session ?? 0) >= (a.session ?? 0)) continue;
    if (titleSimilarity(a.titleKey, b.titleKey) >= RECALL_SIMILARITY) union(a.id, b.id);
  }

  const components = new Map<number, SeriesCandidate[]>();
  for (const c of candidates) {
    const root = find(c.id);
    const list = components.get(root);
    if (list) list.push(c);
    else components.set(root, [c]);
  }
  const groups: SeriesGroup[] = [];
  for (const members of components.values()) {
    if (members.length < 2) continue;
    members.sort((x, y) => (x.session ?? 0) - (y.session ?? 0) || (x.number ?? 0) - (y.number ?? 0) || x.symbol.localeCompare(y.symbol));
    const latest = members[members.length - 1]!;
    groups.push({
      key: `${latest.body}:${latest.language}:${latest.titleKey.replace(/ /g, "-")}`,
      title: latest.title,
      body: latest.body,
      language: latest.language,
      members: members.map((m) => m.id),
    });
  }
  return groups.sort((a, b) => a.key.localeCompare(b.key));
}
