import type { Resolution } from "../model/types.js";
import type { Store } from "./store.js";

const PAGE = 500;

/** The current version of every stored document, read page by page (registry-wide scans). */
export async function allDocuments(store: Store): Promise<Resolution[]> {
  const docs: Resolution[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments({}, { limit: PAGE, offset });
    for (const summary of page.items) {
      // In its own language: without one, every rendition of a symbol would read the English text.
      const stored = await store.getDocument(summary.symbol, { language: summary.language });
      if (stored) docs.push(stored.document);
    }
    if (page.items.length < PAGE) return docs;
  }
}
