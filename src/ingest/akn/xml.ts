import { SaxesParser } from "saxes";

/**
 * The XML tree in document order (needed for mixed content: text, italics, links and footnotes
 * interleaved in one paragraph): each element is an object with one key, its tag, holding the
 * children in order, and ":@" holding the attributes; a text node is { "#text": string }.
 * Namespace prefixes are dropped (akn4un:footer -> footer), namespace declarations too; text and
 * attribute values arrive with their entities and character references decoded.
 */
export type XmlNode = { [tag: string]: XmlNode[] | Record<string, string> | string };

export type XmlParse = { ok: true; roots: XmlNode[] } | { ok: false; message: string; line?: number; column?: number };

const localName = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * One pass of saxes (jsdom's XML parser), which checks well-formedness as it builds the tree,
 * so malformed XML is reported with its line instead of half-read. It replaced fast-xml-parser's
 * validator followed by its parser: the two passes took 4 ms of an AKN file's 6, saxes 1.5.
 */
export function parseXml(text: string): XmlParse {
  const parser = new SaxesParser();
  // HTML's non-breaking space turns up in hand-made files. Set on this parser's own table,
  // whose prototype holds XML's five predefined entities.
  parser.ENTITIES.nbsp = "\u00a0";
  const roots: XmlNode[] = [];
  const open: XmlNode[][] = [roots];
  parser.on("opentag", (tag) => {
    const children: XmlNode[] = [];
    const node: XmlNode = { [localName(tag.name)]: children };
    let attributes: Record<string, string> | null = null;
    for (const name in tag.attributes) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      (attributes ??= {})[localName(name)] = tag.attributes[name]!;
    }
    if (attributes) node[":@"] = attributes;
    open[open.length - 1]!.push(node);
    open.push(children);
  });
  parser.on("closetag", () => void open.pop());
  const addText = (value: string) => void open[open.length - 1]!.push({ "#text": value });
  parser.on("text", addText);
  parser.on("cdata", addText);
  try {
    parser.write(text).close();
    return { ok: true, roots };
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(/^\d+:\d+: /, "");
    return { ok: false, message, line: parser.line, column: parser.column + 1 };
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
  return typeof v === "string" ? v : "";
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
  return v === undefined ? undefined : String(v);
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
