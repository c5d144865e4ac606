import type { Resolution, Subject, Voting } from "../model/types.js";

/**
 * The public JSON contract (`parse --json`, ../shared/gold/README.md): a flat view of the
 * document tree. Field names and meanings follow the contract; fields beyond it (body, parts,
 * positions, problems) are additions a consumer may ignore.
 */
export interface ContractJson {
  symbol: string | null;
  title: string | null;
  adoptionDate: string | null;
  session: number | null;
  committee: string | null;
  committeeReport: string | null;
  agendaItem: string | null;
  plenaryMeeting: number | null;
  distributionDate: string | null;
  jobNumber: string | null;
  language: string;
  body: string;
  format: string;
  /** Official facts of the adoption (src/model/official.ts); null when no source gives them. */
  voting: Voting | null;
  sponsors: string[] | null;
  additionalSponsors: string[] | null;
  subjects: Subject[] | null;
  agendaItemTitle: string | null;
  originatingDocument: string | null;
  meetingRecord: string | null;
  preamble: { starter: string; text: string; part?: string; position: Resolution["preamble"][number]["position"] }[];
  operative: {
    number: number;
    verb: string;
    text: string;
    part?: string;
    subparagraphs: string[];
    position: Resolution["operative"][number]["position"];
  }[];
  footnotes: { number: number; text: string; calledFrom: string[] }[];
  citations: { symbol: string; in: string; kind: string; text: string }[];
  sdgs: string[];
  mandates: Record<string, unknown>[];
  problems: { code: string; severity: string; message: string; line?: number }[];
}

export function toContractJson(doc: Resolution): ContractJson {
  const m = doc.meta;
  const paragraphCitations = [
    ...doc.citations,
    ...doc.preamble.flatMap((p) => p.citations),
    ...doc.operative.flatMap((p) => p.citations),
    ...doc.footnotes.flatMap((f) => f.citations),
  ];
  const goals = new Set<string>();
  for (const s of doc.sdgs) goals.add(s.goal);
  return {
    symbol: m.symbol,
    title: m.title,
    adoptionDate: m.adoptionDate,
    session: m.session,
    committee: m.committee,
    committeeReport: m.committeeReport,
    agendaItem: m.agendaItem,
    plenaryMeeting: m.plenaryMeeting,
    distributionDate: m.distributionDate,
    jobNumber: m.jobNumber,
    language: m.language,
    body: m.body,
    format: doc.source.format,
    voting: m.voting ?? null,
    sponsors: m.sponsors ?? null,
    additionalSponsors: m.additionalSponsors ?? null,
    subjects: m.subjects ?? null,
    agendaItemTitle: m.agendaItemTitle ?? null,
    originatingDocument: m.originatingDocument ?? null,
    meetingRecord: m.meetingRecord ?? null,
    preamble: doc.preamble.map((p) => ({ starter: p.starter, text: p.text, ...(p.part ? { part: p.part } : {}), position: p.position })),
    operative: doc.operative.map((p) => ({
      number: p.number,
      verb: p.verb,
      text: p.text,
      ...(p.part ? { part: p.part } : {}),
      subparagraphs: p.subparagraphs.map((s) => s.label),
      position: p.position,
    })),
    footnotes: doc.footnotes.map((f) => ({ number: f.number, text: f.text, calledFrom: f.calledFrom })),
    citations: paragraphCitations.map((c) => ({ symbol: c.symbol, in: c.in, kind: c.kind, text: c.text })),
    sdgs: [...goals],
    mandates: doc.operative.flatMap((p) =>
      p.mandates.map((x) => ({
        in: x.in,
        sub: x.sub,
        actor: x.actor,
        actorCanonical: x.actorCanonical,
        actorType: x.actorType,
        verb: x.verb,
        category: x.category,
        force: x.force,
        action: x.action,
        report: x.report,
        reportTo: x.reportTo,
        deliverable: x.deliverable,
        dueSession: x.dueSession,
        dueDate: x.dueDate ?? null,
        deadline: x.deadline,
        recurrence: x.recurrence,
        decision: x.decision ?? null,
        end: x.end ?? null,
        review: x.review ?? null,
        hasReviewOrEnd: x.hasReviewOrEnd,
      })),
    ),
    problems: doc.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      message: p.message,
      ...(p.position ? { line: p.position.start.line } : {}),
    })),
  };
}
