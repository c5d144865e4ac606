import { LineIndex } from "../model/position.js";
import { problem } from "../model/problems.js";
import type { Language, OperativeParagraph, Parsed, PreambularParagraph, Problem, Resolution, SourceFormat } from "../model/types.js";
import { splitLines, toBlocks } from "./blocks.js";
import { readAnnexes } from "./annexes.js";
import { calloutReader, readFootnotes, recordCallers } from "./footnotes.js";
import { completeMetadata, headingCallouts, newMetadata, readHeading } from "./heading.js";
import { openingPhrase } from "./lexicon/phrases.js";
import { classifyBlocks } from "./paragraphs.js";
import { fieldMarkers, findZones } from "./zones.js";

/**
 * Text to document model, for English resolutions in the layouts the UN publishes: ODS text
 * exports (one paragraph per line, cover block at the end), hard-wrapped texts (Security
 * Council texts) and the text layer of PDFs after the PDF decoder has removed page furniture.
 *
 * Stages: lines -> zones (heading, preamble and body, closing, footnotes, cover; zones.ts) ->
 * heading metadata (heading.ts) -> footnotes, then blocks (blocks.ts) and their call-outs
 * (footnotes.ts, callouts.ts) -> classified paragraphs (paragraphs.ts) and annexes
 * (annexes.ts) -> the footnotes' callers -> metadata completed -> the verdict and the document.
 */

export interface ParseOptions {
  format?: SourceFormat;
  name?: string;
  language?: Language;
  /** Problems found by the decoder, carried into the document. */
  problems?: Problem[];
  /**
   * Offsets in the text of digits the source shows as call-outs (a PDF's superscripts): added
   * where the parser's own search, which must tell call-outs from other digits glued to words,
   * did not find them.
   */
  callouts?: readonly number[];
}

export function parseResolutionText(text: string, options: ParseOptions = {}): Parsed {
  // An array literal, not a spread: its allocation site learns that it holds objects, where a
  // spread of an empty array made every later push deoptimize this function.
  const problems: Problem[] = [];
  for (const p of options.problems ?? []) problems.push(p);
  const markers = fieldMarkers(text);
  const format = options.format ?? (markers.length > 0 ? "ods" : "text");
  const index = new LineIndex(text);
  const zones = findZones(text, splitLines(text), index, markers, format);
  const heading = readHeading(zones.headingLines, newMetadata(options, zones));
  const { meta } = heading;

  // footnotes are read first: call-outs are found by number
  const footnotes = readFootnotes(zones.footnoteLines, index);
  const footnoteByNumber = new Map(footnotes.map((f) => [f.number, f]));
  const blocks = toBlocks(zones.mainLines, zones.onePerLine);
  const annexBlocks = toBlocks(zones.annexLines, zones.onePerLine);
  const take = calloutReader([...heading.blocks, ...blocks, ...annexBlocks], footnotes, footnoteByNumber, options.callouts ?? []);
  headingCallouts(heading, take, footnoteByNumber);

  const formulaLine = zones.formulaLine ? zones.formulaLine.text.trim() : null;
  const { formula, preamble, operative, headings } = classifyBlocks(blocks, formulaLine, heading.part, { index, meta, take, footnoteByNumber });
  const annexes = readAnnexes(annexBlocks, take, index, footnoteByNumber);
  recordCallers(preamble, operative, footnotes, footnoteByNumber, problems);
  completeMetadata(heading, zones.cover, zones.closing.date);

  // --- verdict ------------------------------------------------------------------------------
  const why = notAResolution(preamble, operative, Boolean(formula || meta.symbol || meta.adoptionDate || heading.number || heading.sc));
  if (why) return { ok: false, problems: [...problems, problem("not-a-resolution", `this text is not a resolution: ${why}`)] };
  if (!meta.symbol) problems.push(problem("no-symbol", "no document symbol was found"));
  if (!formula) problems.push(problem("no-formula", 'no "The General Assembly," formula opens the preamble'));
  if (operative.length === 0) problems.push(problem("no-operative", "no operative paragraph was found"));
  if (!zones.closing.found && meta.body === "GA") {
    problems.push(problem("no-closing", "no plenary meeting line closes the text: it may be truncated"));
  }
  checkNumbering(operative, problems);

  const { closing } = zones;
  const document: Resolution = {
    type: "resolution",
    meta,
    formula,
    preamble,
    operative,
    headings,
    conclusions: { meeting: closing.meeting, date: closing.date, position: closing.position },
    footnotes,
    annexes,
    citations: [],
    sdgs: [],
    problems,
    source: { format, text, ...(options.name ? { name: options.name } : {}) },
  };
  return { ok: true, document };
}

/**
 * A resolution has a heading (adoption line, number, symbol or formula) or paragraphs that open
 * with the genre's phrases; prose that has neither is not one.
 */
function notAResolution(preamble: PreambularParagraph[], operative: OperativeParagraph[], hasHeading: boolean): string | null {
  if (preamble.length === 0 && operative.length === 0) return "no preambular or operative paragraph was found";
  let known = 0;
  for (const p of preamble) if (known < 2 && openingPhrase(p.text, "preamble").known) known++;
  for (const p of operative) if (known < 2 && openingPhrase(p.text, "operative").known) known++;
  if (hasHeading) return null;
  if (known === 0) return "no resolution heading, and no paragraph opens with a preambular phrase or an operative verb";
  if (known < 2) return "it has no resolution heading and only one paragraph that reads like one";
  return null;
}

function checkNumbering(operative: OperativeParagraph[], problems: Problem[]): void {
  let expected = 1;
  for (const p of operative) {
    if (!p.numbered) continue;
    if (p.number !== expected && p.number !== 1) {
      problems.push(problem("operative-numbering", `operative paragraph ${p.number} follows ${expected - 1}`, p.position));
    }
    expected = p.number + 1;
  }
}
