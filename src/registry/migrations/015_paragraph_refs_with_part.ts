import type { Migration } from "./index.js";

/** Rows of paragraphs in a part, and of their citations and mandates: the paragraph's new reference. */
const fromParagraph = (table: string) =>
  `UPDATE ${table} SET ref = (SELECT p.ref FROM paragraphs p WHERE p.id = ${table}.paragraph_id)
   WHERE paragraph_id IN (SELECT id FROM paragraphs WHERE part IS NOT NULL)`;

/**
 * Paragraphs of a resolution adopted in parts are named with their part (`B.operative.1`,
 * src/model/paragraphs.ts), as the comparison named them: each part numbers its operative
 * paragraphs anew, and `operative.1` named a paragraph in every part. The references stored
 * before are rewritten; only preambular and operative paragraphs have a part.
 */
export const paragraphRefsWithPart: Migration = {
  id: 15,
  name: "paragraph references with the part of a resolution in parts",
  statements: () => [
    "UPDATE paragraphs SET ref = part || '.' || ref WHERE part IS NOT NULL AND kind IN ('preambular', 'operative')",
    fromParagraph("citations"),
    fromParagraph("mandates"),
  ],
};
