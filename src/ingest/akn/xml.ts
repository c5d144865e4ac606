import { SaxesParser } from "saxes";

/**
 * The XML tree in document order (needed for mixed content: text, italics, links and footnotes
 * interleaved in one paragraph). Every node has one shape: an element has its tag, attributes
 * and children; a text node has the tag "#text" and its text. (An object keyed by each tag, as
 * fast-xml-parser builds, gave every element name its own hidden class and made reading a tag a
 * walk over keys: a third of reading an AKN file.) Namespace prefixes are dropped
 * (akn4un:footer -> footer), namespace declarations too; text and attribute values arrive with
 * their entities and character references decoded. Read it through the functions below.
 */
export class XmlNode {
  constructor(
    readonly tag: string,
    readonly attributes: Readonly<Record<string, string>> | null,
    readonly children: XmlNode[],
    readonly text: string,
  ) {}
}

const TEXT = "#text";
const NO_CHILDREN: XmlNode[] = [];

export type XmlParse = { ok: true; roots: XmlNode[] } | { ok: false; message: string; line?: number; column?: number; tooDeep?: boolean };

/**
 * Elements nested deeper are refused: readers of the tree walk it by recursion, and a file of
 * elements nested tens of thousands deep overflowed the stack. The corpus nests 15 deep at most.
 */
export const MAX_XML_DEPTH = 1000;

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
  let tooDeep = false;
  parser.on("opentag", (tag) => {
    if (open.length > MAX_XML_DEPTH) {
      tooDeep = true;
      throw new Error(`elements nest more than ${MAX_XML_DEPTH} deep`);
    }
    const children: XmlNode[] = [];
    let attributes: Record<string, string> | null = null;
    for (const name in tag.attributes) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      (attributes ??= Object.create(null) as Record<string, string>)[localName(name)] = tag.attributes[name]!;
    }
    open[open.length - 1]!.push(new XmlNode(localName(tag.name), attributes, children, ""));
    open.push(children);
  });
  parser.on("closetag", () => void open.pop());
  const addText = (value: string) => void open[open.length - 1]!.push(new XmlNode(TEXT, null, NO_CHILDREN, value));
  parser.on("text", addText);
  parser.on("cdata", addText);
  try {
    parser.write(text).close();
    return { ok: true, roots };
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(/^\d+:\d+: /, "");
    return { ok: false, message, line: parser.line, column: parser.column + 1, ...(tooDeep ? { tooDeep } : {}) };
  }
}

export function tagOf(node: XmlNode): string {
  return node.tag;
}

export function isText(node: XmlNode): boolean {
  return node.tag === TEXT;
}

export function textValue(node: XmlNode): string {
  return node.text;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  return node.children;
}

export function elementsOf(node: XmlNode): XmlNode[] {
  return node.children.filter((c) => c.tag !== TEXT);
}

export function attr(node: XmlNode, name: string): string | undefined {
  return node.attributes?.[name];
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
