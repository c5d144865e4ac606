import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";

/** Helpers for writing Akoma Ntoso with xmlbuilder2: safe text and readable indentation. */

export const AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/**
 * Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates)
 * occur in PDF text layers and old texts. Each is replaced one-for-one so that offsets computed
 * on the model's text still hold for the written text.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cheap pre-check: nearly every text has none of these, and the full pattern is slow. */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function xmlSafe(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(FORBIDDEN, (c) => (c.charCodeAt(0) < 0x20 ? " " : "\uFFFD"));
}

/** Appends text (made safe) unless it is empty: xmlbuilder2 writes empty text nodes as nothing anyway. */
export function text(parent: XMLBuilder, value: string): XMLBuilder {
  if (value) parent.txt(xmlSafe(value));
  return parent;
}

/** Elements whose content is text with inline markup: their white space is content, never layout. */
const MIXED_CONTENT = new Set([
  "p", "span", "a", "i", "b", "inline", "num", "heading", "subheading", "docTitle", "docNumber", "docProponent",
  "docStatus", "docDate", "docAuthority", "session", "crossHeading", "noteRef", "authorialNote",
]);

interface DomNode {
  nodeType: number;
  localName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  ownerDocument: { createTextNode(data: string): DomNode } | null;
  insertBefore(node: DomNode, child: DomNode | null): DomNode;
  appendChild(node: DomNode): DomNode;
}

/**
 * Indents element-only content (meta, containers, paragraphs, lists) and leaves mixed content
 * as written. xmlbuilder2's own pretty printer also indents mixed content, which would add
 * white space to the text of every paragraph.
 */
export function indentBlocks(root: XMLBuilder): void {
  indent(root.node as unknown as DomNode, 0);
}

function indent(node: DomNode, depth: number): void {
  if (node.localName && MIXED_CONTENT.has(node.localName)) return;
  const children = Array.from(node.childNodes);
  const elements = children.filter((c) => c.nodeType === 1);
  if (!elements.length || children.some((c) => c.nodeType === 3 && c.textContent?.trim())) return;
  const doc = node.ownerDocument!;
  for (const child of elements) {
    node.insertBefore(doc.createTextNode("\n" + "  ".repeat(depth + 1)), child);
    indent(child, depth + 1);
  }
  node.appendChild(doc.createTextNode("\n" + "  ".repeat(depth)));
}
