/**
 * Mandates: who the resolution asks to do what. The stage and its readers live in
 * src/enrich/mandates/ (extract.ts is the stage); this is their public face.
 */
export { extractMandates } from "./mandates/extract.js";
export { type MandateVerb, verbCategory } from "./mandates/verbs.js";
