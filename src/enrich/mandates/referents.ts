import { type ActorNumber, describeActor, findActorMentions } from "../../model/actors.js";
import type { ActorType } from "../../model/types.js";
import { guessActorType } from "../actors.js";

/**
 * References: what "it", "them", "him" or "the Organization" stand for, read from the addressees
 * met and the text read so far.
 */

export interface Referent {
  actor: string;
  canonical: string | null;
  type: ActorType;
  number: ActorNumber;
}

export const PRONOUNS = /^(it|them|him|her|they)$/i;

/** Short forms that stand for a body named earlier ("the Organization", "the Office"). */
const SHORT_FORM = /^(?:that\s+|this\s+)?(Organization|Office|Agency|Committee|Special Committee|Commission|Council|Court|Fund|Programme|Department|Division|Centre|Board|Conference|Forum|Entity|Institute|Mechanism|Authority|Unit|Mission|Panel|Tribunal|Group|Working Group|Force|Operation|Bureau|Government|Executive Director|High Commissioner|Special Rapporteur|Independent Expert|Special Envoy|Special Representative|Director-General|Administrator)$/;

/**
 * Names of bodies that the gazetteer does not know, for resolving references: a capitalised
 * name after "the" whose head is a body ("the Advisory Commission of the Agency").
 */
const PROPER_NAME = /\bthe\s+([A-Z][\w\u2019'-]*(?:\s+(?:(?:of|for|on|and|to|in)\s+(?:the\s+)?)?[A-Z][\w\u2019'-]*)*)/g;
const BODY_HEAD = /^(?:Commission|Committee|Council|Office|Organization|Agency|Fund|Programme|Board|Group|Court|Tribunal|Mechanism|Unit|Centre|Institute|Forum|Union|Bank|Department|Division|Secretariat|Authority|Conference|Assembly|Panel|Network|Alliance|Team|Mission|Force|Bureau|Service|Section|Branch|Entity|Facility|Foundation|University|Federation|Community|Organisation|Partnership|Coalition|Compact)$/;

function properNames(text: string): (Referent & { start: number; end: number })[] {
  const out: (Referent & { start: number; end: number })[] = [];
  PROPER_NAME.lastIndex = 0;
  for (let m = PROPER_NAME.exec(text); m; m = PROPER_NAME.exec(text)) {
    const name = m[1]!;
    const head = name.split(/\s+(?:of|for|on|to|in)\s/)[0]!.split(/\s+/).pop()!;
    if (!BODY_HEAD.test(head)) continue;
    out.push({ actor: name, canonical: null, type: guessActorType(name), number: "singular", start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Text read (whose mentions are found only when a reference needs them) or an addressee met. */
type TextItem = { source: string; from: number; to: number; mentions?: Referent[] };
type Item = TextItem | { addressee: Referent };

/** What joins members of a coordination: ", ", ", and ", " and ", after an optional "(UN-Women)". */
const COORDINATION = /^\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$/;

/** The text of an item, cut from its source only when a reference needs it. */
const itemText = (item: TextItem) => (item.from === 0 && item.to === item.source.length ? item.source : item.source.slice(item.from, item.to));

function mentionsOf(item: TextItem): Referent[] {
  if (item.mentions) return item.mentions;
  const text = itemText(item);
  const known = findActorMentions(text).map((m) => ({
    actor: m.written.replace(/^the\s+/i, ""), canonical: m.canonical, type: m.type, number: m.number, start: m.start, end: m.end,
  }));
  const others = properNames(text).filter((n) => !known.some((k) => k.start <= n.start + 4 && k.end > n.start + 4));
  const sorted: (Referent & { start: number; end: number })[] = [];
  for (const m of [...known, ...others].sort((a, b) => a.start - b.start)) {
    const previous = sorted[sorted.length - 1];
    // "the United Nations Entity for ... Women (UN-Women)": the abbreviation is the same body
    if (previous && /^\s*\($/.test(text.slice(previous.end, m.start)) && text[m.end] === ")") previous.end = m.end + 1;
    else sorted.push({ ...m });
  }
  const mentions: Referent[] = [];
  // "the international financial institutions, international organizations and multilateral
  // development banks": a coordination is also one plural referent, after its members
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    const { actor, canonical, type, number } = sorted[i]!;
    mentions.push({ actor, canonical, type, number });
    const next = sorted[i + 1];
    if (next && COORDINATION.test(text.slice(sorted[i]!.end, next.start))) continue;
    if (i > run) {
      const first = sorted[run]!;
      mentions.push({ actor: text.slice(first.start, sorted[i]!.end).replace(/^the\s+/i, ""), canonical: first.canonical, type: first.type, number: "plural" });
    }
    run = i + 1;
  }
  item.mentions = mentions;
  return item.mentions;
}

/**
 * What has been read so far, in order. A pronoun stands for the last addressee that agrees with
 * it in the paragraph or the one before, else the last body named there; a short form ("the
 * Commission") for the last body named with that head anywhere before it, the title and preamble
 * included. Mentions are looked for only when a reference needs them: most paragraphs have none.
 */
export class ReferenceContext {
  private previous = new Scope();
  private current = new Scope();
  private readonly earlier: Item[] = [];
  /** Per short form: how far `earlier` was searched and what was found, so each item is read once. */
  private readonly shortForms = new Map<string, { searched: number; found: Referent | null }>();
  private readonly described = new Map<string, Referent>();

  nextParagraph(): void {
    if (this.current.items.length) this.previous = this.current;
    this.current = new Scope();
  }

  /** Notes `source` (from `from` to `to`) as read; its mentions are found only if a reference asks. */
  read(source: string, from = 0, to = source.length): void {
    if (to <= from) return;
    const item: TextItem = { source, from, to };
    this.current.items.push(item);
    this.earlier.push(item);
  }

  add(addressee: Referent): void {
    const item = { addressee };
    this.current.add(item);
    this.earlier.push(item);
  }

  /** An addressee as the gazetteer knows it; the same names recur through a resolution. */
  describe(actor: string): Referent {
    let referent = this.described.get(actor);
    if (!referent) {
      const { known, number } = describeActor(actor);
      referent = { actor, canonical: known?.canonical ?? null, type: known?.type ?? guessActorType(actor), number };
      this.described.set(actor, referent);
    }
    return referent;
  }

  /** "it": a body; "them": a group; "him", "her": a person. */
  pronoun(word: string): Referent | null {
    const want: ActorNumber = /^(him|her)$/i.test(word) ? "person" : /^(them|they)$/i.test(word) ? "plural" : "singular";
    for (const scope of [this.current, this.previous]) {
      const found = scope.lastAddressee[want] ?? scope.lastMention(want);
      if (found) return found;
    }
    return null;
  }

  /** The last body whose name has `head` ("Organization" -> UNIDO; "Government" -> the last State). */
  shortForm(head: string): Referent | null {
    const word = new RegExp(`\\b${head.replace(/-/g, "[-\\s]")}\\b`);
    const ok =
      head === "Government"
        ? (r: Referent) => r.type === "member-states" && r.number === "singular" && r.canonical !== null
        : (r: Referent) => (r.canonical ?? r.actor) !== head && word.test(r.canonical ?? r.actor);
    const cached = this.shortForms.get(head) ?? { searched: 0, found: null };
    let found: Referent | null = null;
    // a text is read for mentions only when it has the word at all
    const clue = head === "Government" ? "" : head;
    for (let i = this.earlier.length - 1; i >= cached.searched && !found; i--) {
      const item = this.earlier[i]!;
      if ("addressee" in item) found = ok(item.addressee) ? item.addressee : null;
      else if (itemText(item).includes(clue)) found = lastOf(mentionsOf(item), ok);
    }
    const result = found ?? cached.found;
    this.shortForms.set(head, { searched: this.earlier.length, found: result });
    return result;
  }
}

/** What a pronoun can stand for. */
const standsFor = (r: Referent, want: ActorNumber) => r.number === want && r.canonical !== "General Assembly" && !PRONOUNS.test(r.actor);

/**
 * The items of one paragraph, with the last addressee and the last body named that each kind of
 * pronoun can stand for, kept up to date as items come: a paragraph of thousands of clauses
 * with a pronoun each was searched whole at every one.
 */
class Scope {
  readonly items: Item[] = [];
  readonly lastAddressee: Partial<Record<ActorNumber, Referent>> = {};
  /** Per kind of pronoun: how many items were read for mentions, and the last that fits. */
  private readonly mentioned: Partial<Record<ActorNumber, { read: number; found: Referent | null }>> = {};

  add(item: { addressee: Referent }): void {
    this.items.push(item);
    const r = item.addressee;
    if (standsFor(r, r.number)) this.lastAddressee[r.number] = r;
  }

  /** The last body named in the texts read that fits; texts are read for mentions only when asked. */
  lastMention(want: ActorNumber): Referent | null {
    const state = (this.mentioned[want] ??= { read: 0, found: null });
    for (; state.read < this.items.length; state.read++) {
      const item = this.items[state.read]!;
      if ("source" in item) state.found = lastOf(mentionsOf(item), (r) => standsFor(r, want)) ?? state.found;
    }
    return state.found;
  }
}

function lastOf(list: Referent[], ok: (r: Referent) => boolean): Referent | null {
  for (let i = list.length - 1; i >= 0; i--) if (ok(list[i]!)) return list[i]!;
  return null;
}

/** What an addressee stands for: a pronoun's or short form's antecedent, else itself as the gazetteer knows it. */
export function referentFor(actor: string, refs: ReferenceContext): Referent {
  if (PRONOUNS.test(actor)) {
    const r = refs.pronoun(actor);
    if (r) return r;
  }
  const short = SHORT_FORM.exec(actor);
  if (short) {
    const r = refs.shortForm(short[1]!);
    if (r) return { ...r, actor, canonical: r.canonical ?? r.actor };
  }
  return refs.describe(actor);
}
