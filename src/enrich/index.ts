import type { Resolution } from "../model/types.js";
import { citationsStage } from "./citations.js";
import { sdgsStage } from "./sdgs.js";
import { extractMandates } from "./mandates.js";

/**
 * Enrichment: derived facts (citations, mandates, SDG links) computed from a parsed document
 * and stored on the paragraphs they come from. Each stage owns its own fields, clears them
 * first and fills them again, so enriching twice gives the same document.
 */
export type EnrichStage = (doc: Resolution) => void;

const STAGES: EnrichStage[] = [citationsStage, extractMandates, sdgsStage];

export function enrich(doc: Resolution): Resolution {
  for (const stage of STAGES) stage(doc);
  return doc;
}
