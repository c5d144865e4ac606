import { meetingLine } from "../../parse/metadata.js";
import type { Draft } from "../assemble.js";
import { RichTextBuilder } from "../rich-text.js";
import { attr, childrenOf, cleanText, descendants, isText, tagOf, textValue, type XmlNode } from "./xml.js";
import { isoOrNull } from "./metadata.js";

/**
 * The conclusions of an AKN4UN statement: their lines as printed (a line per `eol` or `p`),
 * the plenary meeting and the date of adoption. A fact the conclusions do not give is kept
 * from `previous` (the conclusions of an earlier part).
 */
export function readConclusions(conclusions: XmlNode, previous: Draft["conclusions"]): Draft["conclusions"] {
  const lines: string[] = [];
  let current = new RichTextBuilder();
  const flush = () => {
    const text = current.build().text;
    if (text) lines.push(text);
    current = new RichTextBuilder();
  };
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      if (isText(n)) current.append(textValue(n));
      else if (tagOf(n) === "eol" || tagOf(n) === "p") {
        flush();
        walk(childrenOf(n));
        if (tagOf(n) === "p") flush();
      } else walk(childrenOf(n));
    }
  };
  walk(childrenOf(conclusions));
  flush();
  const meeting = descendants(conclusions, ["inline", "location"]).find((i) => /adoptionMeeting/.test(`${attr(i, "name")} ${attr(i, "refersTo")}`));
  const meetingText = meeting ? cleanText(meeting) : lines.find((l) => meetingLine(l)) ?? "";
  const m = meetingLine(meetingText) ?? (/^(\d{1,5})/.exec(meetingText) ? { meeting: Number(/^(\d{1,5})/.exec(meetingText)![1]) } : null);
  const date = descendants(conclusions, ["docDate"])[0];
  return {
    meeting: m ? m.meeting : previous.meeting,
    date: isoOrNull(date && attr(date, "date")) ?? previous.date,
    lines,
  };
}
