import { sessionOfDate } from "../model/session.js";
import { assemblySession, resolutionSymbol, tidySymbol } from "../model/symbols.js";
import type { Footnote, Metadata } from "../model/types.js";
import { type Block, type Line, lineBlock } from "./blocks.js";
import type { BlockText } from "./footnotes.js";
import { adoptionLine, type CoverFacts, dateLine, distributionDate, numberTitleLine, reportLine, scAdoptionLine, scNumberLine } from "./metadata.js";
import { PART_LINE } from "./patterns.js";
import type { ParseOptions } from "./resolution.js";
import type { Zones } from "./zones.js";

/**
 * Metadata: what the heading lines say (adoption line, committee report, number and title, the
 * Security Council's number), then what the ODS cover block and the closing lines add.
 */
export interface ResolutionHeading {
  meta: Metadata;
  /** The heading's lines as blocks (the title's among them), for their call-outs. */
  blocks: Block[];
  /** The resolution's number as printed: "63/231". */
  number: string | null;
  part: string | undefined;
  sc: { number: number; year: number } | null;
  committeeSeen: boolean;
}

/** Metadata with what the options, the closing lines and the cover block know. */
export function newMetadata(options: ParseOptions, zones: Zones): Metadata {
  return {
    symbol: null,
    body: "GA",
    language: options.language ?? "en",
    title: null,
    adoptionDate: null,
    session: null,
    committee: null,
    committeeReport: null,
    agendaItem: null,
    plenaryMeeting: zones.closing.meeting,
    distributionDate: zones.cover.distributionDate ?? null,
    jobNumber: zones.cover.jobNumber ?? null,
  };
}

export function readHeading(headingLines: Line[], meta: Metadata): ResolutionHeading {
  const headerBlocks: Block[] = [];
  let number: string | null = null;
  let part: string | undefined;
  let sc: { number: number; year: number } | null = null;
  let committeeSeen = false;
  for (let i = 0; i < headingLines.length; i++) {
    const line = headingLines[i]!;
    const t = line.text.trim();
    if (!t) continue;
    const adopted = adoptionLine(t);
    if (adopted) {
      meta.body = adopted.body;
      meta.adoptionDate = adopted.date;
      continue;
    }
    // the adoption line may wrap: "Adopted by the Security Council at its 4653rd meeting,\non 4 December 2002"
    const nextLine = headingLines[i + 1]?.text.trim() ?? "";
    const scAdopted = scAdoptionLine(t) ?? (/^Adopted\b/i.test(t) && nextLine ? scAdoptionLine(`${t} ${nextLine}`) : null);
    if (scAdopted) {
      meta.body = "SC";
      meta.adoptionDate = scAdopted.date;
      meta.plenaryMeeting = scAdopted.meeting ?? meta.plenaryMeeting;
      if (!scAdoptionLine(t)) i++;
      continue;
    }
    const report = reportLine(t);
    if (report && !committeeSeen) {
      committeeSeen = true;
      meta.committee = report.committee;
      meta.committeeReport = report.report;
      continue;
    }
    const nt = numberTitleLine(t);
    if (nt && !number) {
      number = nt.number;
      meta.session = nt.session;
      part = nt.part;
      // the title runs on until a blank line
      let title = nt.title;
      const block = lineBlock(line)!;
      headerBlocks.push(block);
      while (i + 1 < headingLines.length && headingLines[i + 1]!.text.trim() && !PART_LINE.test(headingLines[i + 1]!.text.trim())) {
        i++;
        title += " " + headingLines[i]!.text.trim();
        headerBlocks.push(lineBlock(headingLines[i]!)!);
      }
      meta.title = title.replace(/\s+/g, " ").trim();
      continue;
    }
    const scn = scNumberLine(t);
    if (scn && !sc) {
      sc = scn;
      meta.body = "SC";
      if (scn.date) meta.adoptionDate ??= scn.date;
      continue;
    }
    // "Resolution 242 (1967)" then "of 22 November 1967"
    const ofDate = sc && !meta.adoptionDate && /^of \d/.test(t) ? dateLine(t.slice(3)) : null;
    if (ofDate) {
      meta.adoptionDate = ofDate;
      continue;
    }
    if (/^(?:(?:Distr\.|General Assembly|Security Council|United Nations)\b)/.test(t)) {
      meta.distributionDate ??= distributionDate(headingLines.slice(i, i + 3).map((l) => l.text).join("\n"));
    }
    const b = lineBlock(line);
    if (b) headerBlocks.push(b);
  }
  return { meta, blocks: headerBlocks, number, part, sc, committeeSeen };
}

/** Call-outs in the heading (a title or part letter can carry one): the title loses its digits. */
export function headingCallouts(heading: ResolutionHeading, take: BlockText, footnoteByNumber: ReadonlyMap<number, Footnote>): void {
  const { meta } = heading;
  for (const b of heading.blocks) {
    const found = take(b);
    for (const ref of found.refs) footnoteByNumber.get(ref.number)?.calledFrom.push("header");
    if (found.refs.length && meta.title && b.text.includes(meta.title.slice(0, 20))) meta.title = meta.title.replace(/(\D)\d{1,3}$/, "$1");
  }
}

/** The symbol, session, agenda item and adoption date, from what the heading, cover and closing gave. */
export function completeMetadata(heading: ResolutionHeading, cover: CoverFacts, closingDate: string | null): void {
  const { meta, sc, number, part, committeeSeen } = heading;
  if (sc) {
    meta.body = "SC";
    meta.symbol = resolutionSymbol({ body: "SC", number: String(sc.number), qualifier: String(sc.year) });
  } else if (cover.symbol) {
    meta.symbol = tidySymbol(cover.symbol);
  } else if (number && meta.body === "GA") {
    meta.symbol = resolutionSymbol({ body: "GA", number, ...(part ? { part } : {}) });
  } else if (number) {
    meta.symbol = `${number}${part ? ` ${part}` : ""}`;
  }
  if (meta.body === "GA") {
    meta.session ??= cover.session ?? null;
    if (meta.session === null && meta.symbol) meta.session = assemblySession(meta.symbol);
    if (meta.session === null && meta.adoptionDate) meta.session = sessionOfDate(meta.adoptionDate);
    if (meta.committeeReport === null && !committeeSeen) meta.committee = null;
  } else {
    meta.session = null;
  }
  meta.agendaItem = cover.agendaItem ?? null;
  meta.adoptionDate ??= closingDate;
}
