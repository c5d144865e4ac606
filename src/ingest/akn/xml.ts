import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * The XML tree as fast-xml-parser gives it in preserveOrder mode (needed for mixed content:
 * text, italics, links and footnotes interleaved in one paragraph): each element is an object
 * with one key, its tag, holding the children in order, and ":@" holding the attributes; a
 * text node is { "#text": string }. Namespace prefixes are dropped (akn4un:footer -> footer).
 */
export type XmlNode = { [tag: string]: XmlNode[] | Record<string, string> | string };

export type XmlParse = { ok: true; roots: XmlNode[] } | { ok: false; message: string; line?: number; column?: number };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded by `decodeEntities` when a value is read: the parser's own entity
  // handling doubles its running time on these files.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

/** Parses after validating, so that malformed XML is reported with its line instead of half-read. */
export function parseXml(text: string): XmlParse {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    return { ok: false, message: valid.err.msg, line: valid.err.line, column: valid.err.col };
  }
  try {
    return { ok: true, roots: parser.parse(text) as XmlNode[] };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

export function tagOf(node: XmlNode): string {
  for (const key in node) if (key !== ":@") return key;
  return "";
}

export function isText(node: XmlNode): boolean {
  return "#text" in node;
}

export function textValue(node: XmlNode): string {
  const v = node["#text"];
  return decodeEntities(typeof v === "string" ? v : v === undefined ? "" : String(v));
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g;

/** The predefined XML entities, numeric character references and &nbsp;. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED_ENTITIES[name]!;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  if (tag === "#text") return [];
  const c = node[tag];
  return Array.isArray(c) ? c : [];
}

export function elementsOf(node: XmlNode): XmlNode[] {
  return childrenOf(node).filter((c) => !isText(c));
}

export function attr(node: XmlNode, name: string): string | undefined {
  const a = node[":@"];
  if (!a || typeof a !== "object" || Array.isArray(a)) return undefined;
  const v = (a as Record<string, unknown>)[name];
  return v === undefined ? undefined : decodeEntities(String(v));
}

/** First child element with one of the tags. */
export function child(node: XmlNode, ...tags: string[]): XmlNode | undefined {
  return elementsOf(node).find((c) => tags.includes(tagOf(c)));
}

export function childrenNamed(node: XmlNode, ...tags: string[]): XmlNode[] {
  return elementsOf(node).filter((c) => tags.includes(tagOf(c)));
}

/** Descendants (document order) with one of the tags, not looking inside the matches. */
export function descendants(node: XmlNode, tags: string[], stopAt: string[] = []): XmlNode[] {
  const found: XmlNode[] = [];
  const stack = [...elementsOf(node)].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    const t = tagOf(n);
    if (tags.includes(t)) {
      found.push(n);
      continue;
    }
    if (stopAt.includes(t)) continue;
    const kids = elementsOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return found;
}

export function descendant(node: XmlNode, tags: string[], stopAt: string[] = []): XmlNode | undefined {
  return descendants(node, tags, stopAt)[0];
}

/** All text below a node, raw (white space as in the file). */
export function rawText(node: XmlNode): string {
  if (isText(node)) return textValue(node);
  let out = "";
  const stack = [...childrenOf(node)].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) {
      out += textValue(n);
      continue;
    }
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** Text below a node with white space collapsed and trimmed. */
export function cleanText(node: XmlNode): string {
  return rawText(node).replace(/[ \t\r\n\f\v]+/g, " ").trim();
}
