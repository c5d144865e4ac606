import { formatParagraphRef } from "../../model/paragraphs.js";
import type { Body, Mandate, MandateDecisionKind, MandateEnd, OperativeParagraph, Position, Resolution, SubParagraph } from "../../model/types.js";
import { LineIndex } from "../../model/position.js";
import { findClauses, trimAction } from "./clauses.js";
import { readDeadline } from "./deadlines.js";
import { type DateContext, readDueDate, readEnd } from "./due-dates.js";
import { NEEDS_DEADLINE, NEEDS_DELIVERABLE, NEEDS_END, NEEDS_RECURRENCE, NEEDS_REPORT, needsOf } from "./needs.js";
import { type ObjectParse, parseObject } from "./objects.js";
import { ReferenceContext, type Referent, referentFor } from "./referents.js";
import { readsAsCouncil } from "./genre.js";
import { asksForReport, readDeliverable, readRecurrence, reportRecipient } from "./reports.js";
import { END_OR_REVIEW, readReview, ReviewIndex, reviewedObjects } from "./review.js";
import { type MandateVerb, VERBS } from "./verbs.js";

/**
 * Mandates: who the resolution asks to do what. One record per (operative clause, addressee)
 * where the body requests, calls upon, urges, encourages, invites, directs, authorizes,
 * decides that an actor shall, appeals to or recommends that a named actor act.
 *
 * A paragraph is read as a chain of clauses, each opened by a finite verb at a clause boundary
 * (the paragraph's start, or after ", ", "; ", ", and " or " and ": "Acknowledges ...,
 * encourages companies ... and encourages industry ... to ..."). A mandate clause needs an
 * addressee as the object of its verb, followed by the infinitive of the action ("invites
 * States to contribute"), a colon introducing sub-paragraphs that each carry an action
 * ("Requests the Secretary-General: (a) To ...; (b) To ..."), or a that-clause ("recommends
 * that Member States reaffirm", "decides that the Committee shall continue"). Objects that are
 * not agents ("encourages regional cooperation", "encourages further efforts by ...",
 * "encourages giving due consideration") are not addressees.
 *
 * All regular expressions are compiled once and are linear: alternations of literal words and
 * bounded repetitions, applied to one paragraph at a time.
 *
 * This is the stage; each reading has its module beside it: verbs.ts (category and force),
 * clauses.ts, objects.ts with addressees.ts, that-clauses.ts and decisions.ts, referents.ts
 * (pronouns and short forms), and, for a mandate found, needs.ts (which readers its action
 * needs), deadlines.ts, reports.ts (report, recipient, deliverable, recurrence) and review.ts.
 */

interface Unit {
  /** Sub-paragraph label ("a", "a.i"), null for the chapeau. */
  label: string | null;
  text: string;
  position: Position;
  /** Text that follows the unit inside the paragraph's folded text (its sub-paragraphs). */
  tail: string;
}

interface Draft {
  verb: MandateVerb;
  actor: string;
  referent: Referent;
  action: string;
  sub: string | null;
  position: Position;
  decision?: MandateDecisionKind;
  /** The action without the sub-paragraphs it reads on into, when it does: its date is its own, not one of its tasks'. */
  ownAction?: string;
}

/** A decision about a body's mandate, with the end it sets: what "at the end of this period" and the body's other mandates refer to. */
interface Holder {
  paragraph: number;
  names: string[];
  end: MandateEnd | null;
}

/**
 * The decisions about mandates, read once and looked up by name: the end each body's mandate
 * was given, the paragraphs that decide about it, and the end "this period" names in each
 * paragraph (a mandate is not compared with every decision).
 */
class Holders {
  /** The first decision giving an end, for each name: its end and its place among the decisions. */
  private readonly endByName = new Map<string, { end: MandateEnd; order: number }>();
  /** The paragraphs deciding about the mandate of each name, in order. */
  readonly paragraphsByName = new Map<string, number[]>();
  /** Per operative paragraph, the end "this period" names there: the last decided before it (or in it), else the first after. */
  private readonly periodEnds: (string | null)[] = [];

  constructor(holders: Holder[], paragraphs: number) {
    holders.forEach((h, order) => {
      for (const name of h.names) {
        if (h.end && !this.endByName.has(name)) this.endByName.set(name, { end: h.end, order });
        const list = this.paragraphsByName.get(name);
        if (!list) this.paragraphsByName.set(name, [h.paragraph]);
        else if (list.at(-1) !== h.paragraph) list.push(h.paragraph);
      }
    });
    const dated = holders.filter((h) => h.end?.date);
    let next = 0;
    let current = dated[0]?.end?.date ?? null;
    for (let i = 0; i < paragraphs; i++) {
      while (next < dated.length && dated[next]!.paragraph <= i) current = dated[next++]!.end!.date;
      this.periodEnds.push(current);
    }
  }

  /** The end decided for the mandate of the body known by `names`: that of the first decision naming it. */
  endOf(names: readonly string[]): MandateEnd | null {
    let first: { end: MandateEnd; order: number } | undefined;
    for (const name of names) {
      const found = this.endByName.get(name);
      if (found && (!first || found.order < first.order)) first = found;
    }
    return first?.end ?? null;
  }

  periodEndAt(paragraph: number): string | null {
    return this.periodEnds[paragraph] ?? null;
  }
}

/** The enrichment stage: fills `operative[i].mandates` (cleared first, so it can run again). */
export function extractMandates(doc: Resolution): void {
  const lines = new LazyLineIndex(doc.source.text);
  const refs = new ReferenceContext();
  // bodies named in the title and preamble can be what the first paragraphs refer to
  if (doc.meta.title) refs.read(doc.meta.title);
  for (const pre of doc.preamble) refs.read(pre.text);
  const drafts: Draft[][] = [];
  for (const p of doc.operative) {
    refs.nextParagraph();
    const read = paragraphDrafts(p, refs, lines, doc.source.text, doc.meta.body);
    drafts.push(read);
  }
  const base: DateContext = { adoptionDate: doc.meta.adoptionDate, periodEnd: null };
  // the decisions about mandates first: their ends are what later clauses count to
  const holders: Holder[] = [];
  drafts.forEach((list, i) => {
    for (const d of list) {
      if (!d.decision) continue;
      const names = [d.referent.canonical, d.actor].filter((n): n is string => !!n && n.length > 3 && !PRONOUN_NAME.test(n));
      holders.push({ paragraph: i, names, end: readEnd(d.action, base) });
    }
  });
  const decided = new Holders(holders, doc.operative.length);
  // a review decided anywhere in the resolution applies to the mandates before it too
  const reviews = new ReviewIndex(reviewedObjects(doc.operative, base), decided.paragraphsByName);
  doc.operative.forEach((p, i) => {
    const ctx: DateContext = { ...base, periodEnd: decided.periodEndAt(i) };
    p.mandates = drafts[i]!.map((d) => finish(d, p, doc, reviews, decided, ctx));
  });
}

const PRONOUN_NAME = /^(?:it|them|they|him|her)$/i;

function units(p: OperativeParagraph): Unit[] {
  const out: Unit[] = [{ label: null, text: p.lead, position: p.position, tail: p.text.slice(p.lead.length) }];
  const walk = (subs: SubParagraph[], prefix: string) => {
    for (const s of subs) {
      const label = prefix ? `${prefix}.${s.label}` : s.label;
      out.push({ label, text: s.text, position: s.position, tail: "" });
      walk(s.children, label);
    }
  };
  walk(p.subparagraphs, "");
  return out;
}

/** A sub-paragraph's text with its own sub-paragraphs folded in. */
function foldedText(s: SubParagraph): string {
  return [s.text, ...s.children.map((c) => `(${c.label}) ${foldedText(c)}`)].join(" ");
}

/** The mandates of a paragraph before their deadlines and reports are read. */
function paragraphDrafts(p: OperativeParagraph, refs: ReferenceContext, lines: LazyLineIndex, source: string, body: Body): Draft[] {
  const drafts: Draft[] = [];
  const all = units(p);
  // the chapeau's last clause may hand its addressee (or its verb) down to the sub-paragraphs
  let inherited: { verb: MandateVerb; actor: string | null; referent: Referent | null } | null = null;
  // the first sub-paragraph with each label, made once: found by a search of the list per
  // sub-paragraph, thousands of them cost the square of their number
  let byLabel: Map<string, SubParagraph> | null = null;
  for (const unit of all) {
    const isTopSub = unit.label !== null && !unit.label.includes(".");
    const clauses = findClauses(unit.text);
    let pending: { verb: MandateVerb; actor: string; referent: Referent; position: Position }[] = [];
    if (isTopSub && inherited && !(clauses[0] && clauses[0].verbStart < 3)) {
      if (!byLabel) {
        byLabel = new Map();
        for (const s of p.subparagraphs) if (!byLabel.has(s.label)) byLabel.set(s.label, s);
      }
      const sub = byLabel.get(unit.label!)!;
      const firstClause = clauses[0]?.verbStart ?? unit.text.length;
      if (inherited.actor && inherited.referent) {
        drafts.push({ verb: inherited.verb, actor: inherited.actor, referent: inherited.referent, sub: unit.label,
          action: trimAction(firstClause < unit.text.length ? unit.text.slice(0, firstClause) : foldedText(sub)), position: unit.position });
      } else {
        // "Urges: (a) All States to ..." or "Decides: (a) That the Committee shall ..."
        const parsed = parseObject(inherited.verb, false, unit.text.slice(0, firstClause), false);
        if (parsed && parsed.action !== null) pushParsed(parsed, unit, unit.label, parsed.action);
      }
    }
    refs.read(unit.text, 0, clauses[0]?.verbStart ?? unit.text.length);
    for (let k = 0; k < clauses.length; k++) {
      const c = clauses[k]!;
      const end = clauses[k + 1]?.verbStart ?? unit.text.length;
      const last = k === clauses.length - 1;
      if (c.verb) {
        const span = unit.text.slice(c.objectStart, end);
        const nextIsMandate = clauses[k + 1]?.verb != null;
        // "Invites and encourages Member States to ...": one clause, with the first verb
        if (nextIsMandate && /^\s*and\s*$/i.test(span)) {
          clauses[k + 1]!.verb = c.verb;
          continue;
        }
        const parsed = parseObject(c.verb, c.thatClause, span, nextIsMandate);
        if (parsed) {
          if (parsed.chapeau && last && unit.label === null && p.subparagraphs.length && !readsAsCouncil(body)) {
            const referent = referentFor(parsed.actor, refs);
            inherited = { verb: parsed.verb, actor: referent.actor, referent };
            refs.add(referent);
          } else if (parsed.chapeau && last && unit.label === null && p.subparagraphs.length) {
            // "Calls upon all States: (a) To ...; (b) To ...": one request, its tasks listed
            pushParsed(parsed, unit, null, trimAction(unit.tail), c.verbStart, "");
          } else if (parsed.sharesNext) {
            pending.push({ verb: parsed.verb, actor: parsed.actor, referent: referentFor(parsed.actor, refs), position: unit.position });
          } else if (parsed.action !== null) {
            // the last clause of a chapeau reads on into the sub-paragraphs, colon kept
            const raw = () => unit.text.slice(unit.text.indexOf(parsed.action!, c.objectStart)).trim();
            let action = last && unit.tail ? trimAction(`${raw()} ${unit.tail.trim()}`) : parsed.action;
            // "calls upon States to submit and encourages them to make available ... their reports":
            // a bare verb shares its object with the next clause, which is read with it
            if (nextIsMandate && action.split(" ").length <= 3) {
              const from = unit.text.indexOf(action, c.objectStart);
              action = trimAction(unit.text.slice(from, clauses[k + 2]?.verbStart ?? unit.text.length));
            }
            for (const shared of pending) drafts.push({ ...shared, action, sub: unit.label });
            pending = [];
            pushParsed(parsed, unit, unit.label, action, c.verbStart, action === parsed.action ? undefined : parsed.action);
          }
        } else if (last && unit.label === null && p.subparagraphs.length && /^\s*:\s*$/.test(span)) {
          // "Decides:" / "Urges:": the verb governs each sub-paragraph
          inherited = { verb: c.verb, actor: null, referent: null };
        }
      }
      refs.read(unit.text, c.objectStart, end);
    }
  }
  return drafts;

  function pushParsed(parsed: ObjectParse, unit: Unit, sub: string | null, action: string, verbAt = 0, ownAction?: string): void {
    const referent = referentFor(parsed.actor, refs);
    refs.add(referent);
    drafts.push({
      verb: parsed.verb, actor: referent.actor, referent, action, sub, position: narrow(unit, verbAt, lines, source),
      ...(parsed.decision ? { decision: parsed.decision } : {}),
      ...(ownAction !== undefined ? { ownAction } : {}),
    });
  }
}


/** A line index built on first use: most clauses start their unit and keep its position. */
class LazyLineIndex {
  private index: LineIndex | null = null;
  /**
   * Characters `narrow` may still read in the source. Each clause's verb is looked for from
   * its unit's start: a paragraph of thousands of clauses was read once per clause (minutes for
   * a few MB). The corpus reads at most its text's length; past the budget, clauses keep their
   * unit's position, as clauses whose verb is not found do.
   */
  probeBudget: number;
  constructor(private readonly text: string) {
    this.probeBudget = 4 * text.length + 100_000;
  }
  span(start: number, end: number): Position {
    return (this.index ??= new LineIndex(this.text)).span(start, end);
  }
}

/** The position of a clause: from its verb to the end of its unit, when the verb is found in the source. */
function narrow(unit: Unit, verbAt: number, lines: LazyLineIndex, source: string): Position {
  if (verbAt === 0 || lines.probeBudget < 0) return unit.position;
  const probe = unit.text.slice(verbAt, verbAt + 24);
  const from = unit.position.start.offset;
  const at = source.slice(from, unit.position.end.offset).indexOf(probe);
  lines.probeBudget -= at < 0 ? unit.position.end.offset - from : at + probe.length;
  return at < 0 ? unit.position : lines.span(from + at, unit.position.end.offset);
}

/** A draft as a mandate: its deadline, dates, report, deliverable, recurrence, review and end read from its action. */
function finish(d: Draft, p: OperativeParagraph, doc: Resolution, reviews: ReviewIndex, holders: Holders, ctx: DateContext): Mandate {
  const { category, force } = VERBS[d.verb];
  const actorHoldsSessions = d.referent.type === "intergovernmental" && d.referent.canonical !== "General Assembly";
  const needs = needsOf(d.action);
  const sessionDeadline = needs & NEEDS_DEADLINE ? readDeadline(d.action, { session: doc.meta.session, body: doc.meta.body, actorHoldsSessions }) : null;
  const report = (needs & NEEDS_REPORT) !== 0 && asksForReport(d.action, doc.meta.body);
  const dueSession = sessionDeadline?.session ?? null;
  const names = [d.referent.canonical, d.actor].filter((n): n is string => !!n && n.length > 3 && !PRONOUN_NAME.test(n));
  // the end: the decision's own, one written into the clause, or that of the decision about the actor's mandate
  const ownEnd = d.decision || (needs & NEEDS_END && END_OR_REVIEW.test(d.action)) ? readEnd(d.action, ctx) : null;
  const end = ownEnd ?? (d.decision ? null : holders.endOf(names));
  const own = d.ownAction ?? d.action;
  const due = d.decision && end?.date ? { date: end.date, text: end.text } : needs & NEEDS_DEADLINE ? readDueDate(own, ctx) : null;
  const deadline = sessionDeadline ? { ...sessionDeadline, date: sessionDeadline.date ?? due?.date ?? null } : due ? { session: null, years: due.date.slice(0, 4), date: due.date, text: due.text } : null;
  const decided = reviews.decidedFor(names);
  const review = (needs & NEEDS_END ? readReview(d.action, ctx) : null) ?? decided.review;
  const hasReviewOrEnd = end !== null || review !== null || ((needs & NEEDS_END) !== 0 && END_OR_REVIEW.test(d.action)) || decided.decided;
  return {
    in: formatParagraphRef({ kind: "operative", number: p.number }),
    sub: d.sub,
    actor: d.actor,
    actorCanonical: d.referent.canonical,
    actorType: d.referent.type,
    verb: d.verb,
    category,
    force,
    action: d.action,
    report,
    reportTo: report ? reportRecipient(d.action, doc.meta.body, dueSession) : null,
    deliverable: needs & NEEDS_DELIVERABLE ? readDeliverable(d.action) : null,
    dueSession,
    dueDate: due?.date ?? null,
    deadline,
    recurrence: readRecurrence(needs & NEEDS_RECURRENCE ? d.action : "", report, dueSession, doc.meta.session),
    decision: d.decision ? { kind: d.decision } : null,
    end,
    review,
    hasReviewOrEnd,
    position: d.position,
  };
}
