import type { ReadingCitation, ReadingMandate, ReadingParagraph, ReadingSub, ReadingView, Run } from "../../../src/export/reading.js";
import { entityPath, resolutionPath, reviewPath } from "../api.js";
import { FORCE_NAMES, paragraphShort, session, unDate } from "./format.js";

/**
 * A resolution's text laid out as the UN prints it: the formula, preambular paragraphs with
 * their opening phrase in italics, numbered operative paragraphs with lettered sub-paragraphs.
 * Marks: citations link to the registry's page when it holds the document; footnote call-outs
 * open their footnote as a pop-over; each mandate is a focusable highlight whose details
 * (actor, verb and strength, deadline, report) show on hover and on keyboard focus.
 */

export interface Marks {
  view: ReadingView;
  held: ReadonlySet<string>;
}

/**
 * Places a mandate's details beside its highlight, inside the window: a highlight can wrap over
 * lines and stand at the right edge of a phone's screen, where a tip anchored in the text would
 * be cut off. The tip is fixed to the window, so it follows on scroll.
 */
let shown: HTMLElement | null = null;

function placeTip(mark: HTMLElement): void {
  const tip = mark.nextElementSibling as HTMLElement | null;
  if (!tip) return;
  shown = mark;
  const rects = mark.getClientRects();
  const first = rects[0];
  const last = rects[rects.length - 1];
  if (!first || !last) return;
  const width = Math.min(384, window.innerWidth - 16);
  tip.style.width = `${width}px`;
  tip.style.left = `${Math.min(Math.max(8, last.left), window.innerWidth - width - 8)}px`;
  const height = tip.offsetHeight || 160;
  tip.style.top = `${last.bottom + 6 + height > window.innerHeight && first.top - height - 6 > 0 ? first.top - height - 6 : last.bottom + 6}px`;
}

if (typeof window !== "undefined") {
  window.addEventListener("scroll", () => shown?.isConnected && placeTip(shown), { passive: true });
  window.addEventListener("resize", () => shown?.isConnected && placeTip(shown));
}

export function mandateSummary(m: ReadingMandate): string {
  const due = m.dueSession
    ? `due ${session(m.dueSession)}${m.deadlineYears ? ` (${m.deadlineYears})` : ""}`
    : m.dueDate
      ? `due ${unDate(m.dueDate)}`
      : m.deadline
        ? `deadline: ${m.deadline}`
        : "no deadline";
  const ends = m.end?.date ? `, ends ${unDate(m.end.date)}` : "";
  return `${m.actorCanonical ?? m.actor}: ${m.verb}, ${due}${ends}${m.report ? ", report asked" : ""}`;
}

/** "renew the mandate" and the like: a decision about the body's own mandate. */
const DECISION_WORDS: Record<string, string> = {
  establish: "establishes the mandate",
  extend: "extends the mandate",
  renew: "renews the mandate",
  modify: "modifies the mandate",
  terminate: "ends the mandate",
};

/** The review a resolution sets: "at the 80th session", "by 15 March 2025", "every 6 months", "annual". */
function reviewWords(r: NonNullable<ReadingMandate["review"]>): string {
  const parts = [r.session ? `at the ${session(r.session)}` : null, r.date ? `by ${unDate(r.date)}` : null, r.recurrence];
  return parts.filter(Boolean).join(", ") || r.text;
}

function MandateTip({ m }: { m: ReadingMandate }) {
  return (
    <span role="tooltip" id={`mandate-${m.id}`} class="tip">
      <strong>Mandate</strong>
      <span class="tip-row">Actor: {m.actorCanonical ?? m.actor}</span>
      <span class="tip-row">
        Verb: {m.verb} ({m.category}; strength {FORCE_NAMES[m.force] ?? m.force})
      </span>
      <span class="tip-row">
        Deadline: {m.dueSession ? session(m.dueSession) : m.dueDate ? unDate(m.dueDate) : "none set"}
        {m.deadlineYears && !m.dueDate ? ` (${m.deadlineYears})` : ""}
        {m.deadline && !m.dueSession && !m.dueDate ? ` ${m.deadline}` : ""}
      </span>
      {m.decision ? <span class="tip-row">Decision: {DECISION_WORDS[m.decision] ?? m.decision}</span> : null}
      {m.end ? (
        <span class="tip-row">
          Ends: {m.end.date ? unDate(m.end.date) : "no date"}
          {m.end.date && m.end.text.includes(unDate(m.end.date)) ? "" : ` (${m.end.text})`}
        </span>
      ) : null}
      {m.review ? <span class="tip-row">Review: {reviewWords(m.review)}</span> : null}
      <span class="tip-row">
        Report: {m.report ? `yes${m.reportTo ? `, to ${m.reportTo}` : ""}${m.deliverable ? ` (${m.deliverable})` : ""}` : "none asked"}
      </span>
      {m.recurrence ? <span class="tip-row">Recurrence: {m.recurrence}</span> : null}
      <span class="tip-row">{m.hasReviewOrEnd ? "Has a review or end clause" : "No review or end clause"}</span>
    </span>
  );
}

function CitationRun({ c, text, held }: { c: ReadingCitation; text: string; held: boolean }) {
  if (held) {
    return (
      <a href={resolutionPath(c.symbol)} class="cite" title={`${c.symbol} (held in the registry)`}>
        {text}
      </a>
    );
  }
  return (
    <span class="cite not-held" title={`${c.symbol}: not held in the registry`}>
      {text}
      <span class="visually-hidden"> ({c.symbol}, not held in the registry)</span>
    </span>
  );
}

/** Runs in order; consecutive runs of one mandate share its highlight. */
export function Runs({ runs, marks, italicPrefix }: { runs: Run[]; marks: Marks; italicPrefix?: string }) {
  const out: preact.JSX.Element[] = [];
  let prefix = italicPrefix ?? "";
  const piece = (run: Extract<Run, { text: string }>, key: string) => {
    let text = run.text;
    let lead: preact.JSX.Element | null = null;
    if (prefix && text.startsWith(prefix)) {
      lead = <em class="phrase">{prefix}</em>;
      text = text.slice(prefix.length);
    }
    prefix = "";
    const citation = run.citation !== undefined ? marks.view.citations[run.citation] : undefined;
    const body = citation ? <CitationRun c={citation} text={text} held={marks.held.has(citation.symbol)} /> : text;
    return (
      <span key={key}>
        {lead}
        {body}
      </span>
    );
  };
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if ("footnote" in run) {
      out.push(
        <button key={`n${i}`} type="button" class="callout" popovertarget={`fn-pop-${run.footnote}`} aria-label={`Footnote ${run.footnote}`}>
          {run.footnote}
        </button>,
      );
      continue;
    }
    if (run.mandate === undefined) {
      out.push(piece(run, `t${i}`));
      continue;
    }
    const id = run.mandate;
    const group: preact.JSX.Element[] = [];
    let j = i;
    for (; j < runs.length; j++) {
      const r = runs[j]!;
      if ("footnote" in r || r.mandate !== id) break;
      group.push(piece(r, `m${j}`));
    }
    i = j - 1;
    const m = marks.view.mandates[id]!;
    out.push(
      <span class="mandate-wrap" key={`g${id}`}>
        <mark
          class={`mandate force-${m.force}`}
          tabIndex={0}
          aria-describedby={`mandate-${id}`}
          data-mandate={id}
          onMouseEnter={(e) => placeTip(e.currentTarget as HTMLElement)}
          onFocus={(e) => placeTip(e.currentTarget as HTMLElement)}
        >
          {group}
        </mark>
        <MandateTip m={m} />
      </span>,
    );
  }
  return <>{out}</>;
}

function Sub({ sub, marks }: { sub: ReadingSub; marks: Marks }) {
  return (
    <li>
      <span class="label">({sub.label})</span> <Runs runs={sub.runs} marks={marks} />
      {sub.children.length ? (
        <ol class="subs">
          {sub.children.map((c) => (
            <Sub key={c.label} sub={c} marks={marks} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function Sdgs({ p }: { p: ReadingParagraph }) {
  if (!p.sdgs.length) return null;
  return (
    <ul class="sdgs no-print" aria-label="Sustainable Development Goals linked">
      {p.sdgs.map((s) => (
        <li key={s.goal} class="sdg" title={`Linked by: ${s.evidence.join(", ")}`}>
          SDG {s.goal}
          {s.evidence.length ? <span class="evidence">: {s.evidence.slice(0, 2).join(", ")}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function Paragraph({ p, marks }: { p: ReadingParagraph; marks: Marks }) {
  return (
    <div id={p.id} class={`para ${p.kind}`}>
      {p.kind === "operative" && p.numbered ? <span class="num">{p.number}.</span> : null}
      <div class="para-body">
        <p>
          <Runs runs={p.runs} marks={marks} italicPrefix={p.phrase} />
        </p>
        {p.subparagraphs.length ? (
          <ol class="subs">
            {p.subparagraphs.map((s) => (
              <Sub key={s.label} sub={s} marks={marks} />
            ))}
          </ol>
        ) : null}
        <Sdgs p={p} />
      </div>
    </div>
  );
}

export function MandateList({ view }: { view: ReadingView }) {
  if (!view.mandates.length) return <p class="muted">No mandates found in the operative paragraphs.</p>;
  return (
    <ul class="mandate-list">
      {view.mandates.map((m) => (
        <li key={m.id}>
          <a href={`#${m.in}`}>{paragraphShort(m.in, m.sub)}</a>{" "}
          <a href={entityPath(m.actorCanonical ?? m.actor)}>{m.actorCanonical ?? m.actor}</a> · {m.verb}
          {m.dueSession ? ` · due ${session(m.dueSession)}` : ""}
          {m.report ? " · report" : ""}
          {m.key ? (
            <>
              {" · "}
              <a href={reviewPath(m.key)} aria-label={`Review of the mandate of ${paragraphShort(m.in, m.sub)} to ${m.actorCanonical ?? m.actor}`}>
                review
              </a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
