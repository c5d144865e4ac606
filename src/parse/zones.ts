import type { LineIndex } from "../model/position.js";
import type { Position, SourceFormat } from "../model/types.js";
import type { Line } from "./blocks.js";
import { splitFootnoteZone } from "./footnotes.js";
import { openingPhrase } from "./lexicon/phrases.js";
import { adoptionLine, type CoverFacts, coverFacts, dateLine, meetingLine, numberTitleLine, reportLine, scAdoptionLine, scNumberLine } from "./metadata.js";
import { FORMULA, FORMULA_INLINE, OPERATIVE } from "./patterns.js";

/**
 * Lines to zones: the heading, the formula, the preamble and operative part, the closing lines
 * (meeting and date), and after them the annexes and footnotes; the ODS cover block at the end.
 */
export interface Zones {
  cover: CoverFacts;
  headingLines: Line[];
  formulaLine: Line | null;
  mainLines: Line[];
  annexLines: Line[];
  footnoteLines: Line[];
  /** One paragraph per line (ODS exports), rather than hard-wrapped lines. */
  onePerLine: boolean;
  closing: Closing;
}

/** The closing lines: "62nd plenary meeting" and the date below it. */
export interface Closing {
  found: boolean;
  meeting: number | null;
  date: string | null;
  position: Position | null;
}

const ODS_TRAILER = /^<<ODS (?:JOB NO|DOC SYMBOL)/;

/** Offsets of the [DU1] field markers of ODS exports, found by one native search rather than a search per line. */
export function fieldMarkers(text: string): number[] {
  const markers: number[] = [];
  for (let at = text.indexOf("[DU1]"); at !== -1; at = text.indexOf("[DU1]", at + 1)) markers.push(at);
  return markers;
}

export function findZones(text: string, lines: Line[], index: LineIndex, markers: number[], format: SourceFormat): Zones {
  // the first line of the ODS cover block, found by a native search of the whole text: a
  // regular expression per line costs a scan of every character
  let trailer = lines.length;
  for (let at = text.indexOf("<<ODS "); at !== -1; at = text.indexOf("<<ODS ", at + 1)) {
    if (ODS_TRAILER.test(text.slice(at, at + 24))) {
      trailer = index.point(at).line - 1;
      break;
    }
  }
  const cover = coverFacts(lines.slice(trailer).map((l) => l.text).join("\n"));
  const bodyLines = lines.slice(0, trailer);
  // each line holding markers is copied once, however many it holds (markers ascend, so a
  // line's markers are consecutive)
  let stripped = -1;
  for (const at of markers) {
    const line = index.point(at).line - 1;
    if (line < bodyLines.length && line !== stripped) bodyLines[line] = stripMarkers(bodyLines[line]!);
    stripped = line;
  }

  const formulaAt = bodyLines.findIndex((l) => FORMULA.test(l.text.trim()) || FORMULA_INLINE.test(l.text.trim()));
  let closingAt = -1;
  for (let i = bodyLines.length - 1; i >= 0; i--) {
    if (meetingLine(bodyLines[i]!.text) && (formulaAt === -1 || i > formulaAt)) {
      closingAt = i;
      break;
    }
  }
  const onePerLine = format === "ods" || mostlyTabIndented(bodyLines);

  const headingEnd = formulaAt === -1 ? findBodyStart(bodyLines, onePerLine) : formulaAt;
  const headingLines = bodyLines.slice(0, headingEnd);
  const formulaLine = formulaAt === -1 ? null : bodyLines[formulaAt]!;
  const mainEnd = closingAt === -1 ? bodyLines.length : closingAt;
  let mainLines = bodyLines.slice(formulaAt === -1 ? headingEnd : formulaAt + 1, mainEnd);

  const { closing, afterClosing } = readClosing(bodyLines, closingAt, index);
  const { footnoteLines, annexLines } = splitFootnoteZone(afterClosing, mainLines);
  if (closingAt === -1) {
    // Without a closing line, footnotes may still trail the text (PDF decoder output).
    mainLines = mainLines.slice(0, mainLines.length - footnoteLines.length);
  }
  return { cover, headingLines, formulaLine, mainLines, annexLines, footnoteLines, onePerLine, closing };
}

/** The closing: meeting line, date line, then annexes and footnotes in ODS exports. */
function readClosing(bodyLines: Line[], closingAt: number, index: LineIndex): { closing: Closing; afterClosing: Line[] } {
  let meeting: number | null = null;
  let closingDate: string | null = null;
  let closingPosition = null;
  let afterClosing: Line[] = [];
  if (closingAt !== -1) {
    const m = meetingLine(bodyLines[closingAt]!.text)!;
    meeting = m.meeting;
    let next = closingAt + 1;
    while (next < bodyLines.length && !bodyLines[next]!.text.trim()) next++;
    const d = next < bodyLines.length ? dateLine(bodyLines[next]!.text) : null;
    const closeEnd = d ? bodyLines[next]!.end : bodyLines[closingAt]!.end;
    closingPosition = index.span(bodyLines[closingAt]!.start, closeEnd);
    if (d) {
      closingDate = d;
      next++;
    }
    afterClosing = bodyLines.slice(next);
  }
  return { closing: { found: closingAt !== -1, meeting, date: closingDate, position: closingPosition }, afterClosing };
}

/** One paragraph per line, as in ODS exports, shows as most non-empty lines opening with a tab. */
function mostlyTabIndented(lines: Line[]): boolean {
  const tabbed = lines.filter((l) => l.text.startsWith("\t")).length;
  const nonEmpty = lines.filter((l) => l.text.trim()).length;
  return nonEmpty > 0 && tabbed / nonEmpty > 0.5;
}

/** The line with every [DU1] marker blanked out (offsets kept). */
function stripMarkers(line: Line): Line {
  return { text: line.text.replaceAll("[DU1]", "     "), start: line.start, end: line.end };
}

/**
 * Where the paragraphs begin when no formula line says so: the first line that opens like a
 * paragraph, else the line after the last heading line ("17 (1947). Resolution of ...").
 */
function findBodyStart(lines: Line[], onePerLine: boolean): number {
  let afterHeading = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (!t) continue;
    if (OPERATIVE.test(t)) return i;
    if (i < 15 && (adoptionLine(t) || scAdoptionLine(t) || reportLine(t) || numberTitleLine(t) || scNumberLine(t))) {
      afterHeading = i + 1;
      continue;
    }
    if (onePerLine && lines[i]!.text.startsWith("\t") && openingPhrase(t, "preamble").known) return i;
    if (!onePerLine && openingPhrase(t, "preamble").known && (i === 0 || !lines[i - 1]!.text.trim())) return i;
  }
  return afterHeading;
}
