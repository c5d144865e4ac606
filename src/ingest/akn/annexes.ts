import type { DraftAnnex } from "../assemble.js";
import type { RichText } from "../rich-text.js";
import { attr, descendant, elementsOf, tagOf, type XmlNode } from "./xml.js";

/**
 * An annex (the document of an AKN `attachment`) as its blocks of text, read with `inline`:
 * each paragraph, heading, point or table row holding no other such block is one block; when
 * more follow, a first block under 300 characters that ends without punctuation is its title.
 */
export function readAnnex(doc: XmlNode, inline: (nodes: XmlNode[]) => RichText): DraftAnnex {
  const name = attr(doc, "name") ?? "annex";
  const blocks: RichText[] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === "meta") continue;
      if (tag === "paragraph" || tag === "p" || tag === "container" || tag === "heading" || tag === "subheading" || tag === "crossHeading" || tag === "point" || tag === "intro" || tag === "tr") {
        const hasParagraphs = descendant(n, ["paragraph", "point", "intro", "tr"]) !== undefined;
        if (!hasParagraphs) {
          const rich = inline([n]);
          if (rich.text) blocks.push(rich);
          continue;
        }
      }
      walk(elementsOf(n));
    }
  };
  walk(elementsOf(doc));
  let title: RichText | null = null;
  if (blocks.length > 1 && blocks[0]!.text.length < 300 && !/[.;:,]$/.test(blocks[0]!.text)) title = blocks.shift()!;
  const label = name.charAt(0).toUpperCase() + name.slice(1);
  return { label, title, blocks };
}
