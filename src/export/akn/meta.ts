import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { Body, Language, Metadata, Resolution } from "../../model/types.js";
import { votingReferences } from "./official.js";

/**
 * The `<meta>` block of an AKN4UN resolution: FRBR identification, SDG classification and the
 * TLC references that `refersTo`, `href` and `source` attributes point at. The URIs follow the
 * UN's own files: `/akn/un/statement/deliberation/unga/2020-12-10/75-100/eng@/!main.xml`.
 */

/** Who adopted the document: the TLC id used in `#refs` and the segment of the FRBR URI. */
export interface Author {
  id: string;
  uriSegment: string;
  name: string;
  href: string;
}

const AUTHORS: Record<Body, Author> = {
  GA: { id: "ga", uriSegment: "unga", name: "General Assembly", href: "/akn/ontology/organization/un/generalAssembly" },
  SC: { id: "unsc", uriSegment: "unsc", name: "Security Council", href: "/akn/ontology/organization/un/securityCouncil" },
  ECOSOC: { id: "ecosoc", uriSegment: "ecosoc", name: "Economic and Social Council", href: "/akn/ontology/organization/un/economicAndSocialCouncil" },
  HRC: { id: "hrc", uriSegment: "unhrc", name: "Human Rights Council", href: "/akn/ontology/organization/un/humanRightsCouncil" },
  other: { id: "un", uriSegment: "un", name: "United Nations", href: "/akn/ontology/organization/un/unitedNations" },
};

export function authorOf(body: Body): Author {
  return AUTHORS[body];
}

/** ISO 639-2 codes, as FRBRlanguage and the expression URI want them. */
const LANGUAGE_CODES: Record<Language, string> = { en: "eng", fr: "fra", es: "spa", ru: "rus", ar: "ara", zh: "zho" };

export function languageCode(language: Language): string {
  return LANGUAGE_CODES[language];
}

/** The id this exporter gives itself as the markup's editor and the metadata's source. */
export const EDITOR_ID = "mandateRegistry";

/** Used where AKN requires a date and the document names none (the UN's files do the same). */
export const UNKNOWN_DATE = "0001-01-01";

/**
 * The number part of a Work URI: `A/RES/75/100` -> `75-100`, `A/RES/75/254 A-C` -> `75-254A-C`,
 * `S/RES/1325 (2000)` -> `1325-2000`, `E/RES/2020/1` -> `2020-1`.
 */
export function workNumber(symbol: string | null): string {
  if (!symbol) return "unnumbered";
  const withoutSeries = symbol.replace(/^(?:A\/HRC\/RES|A\/RES|S\/RES|E\/RES)\//i, "");
  const slug = withoutSeries
    .replace(/\s*\((\d{4})\)/g, "-$1")
    .replace(/\s+/g, "")
    .replace(/\//g, "-")
    .replace(/[^A-Za-z0-9.\-]/g, "");
  return slug || "unnumbered";
}

export interface FrbrUris {
  work: string;
  expression: string;
  manifestation: string;
  workDate: string;
  expressionDate: string;
}

export function frbrUris(meta: Metadata): FrbrUris {
  const workDate = meta.adoptionDate ?? UNKNOWN_DATE;
  const work = `/akn/un/statement/deliberation/${authorOf(meta.body).uriSegment}/${workDate}/${workNumber(meta.symbol)}`;
  const expression = `${work}/${languageCode(meta.language)}@`;
  return {
    work,
    expression,
    manifestation: `${expression}/!main.xml`,
    workDate,
    expressionDate: meta.distributionDate ?? workDate,
  };
}

/** `/akn/.../eng@/!main.xml` for the main document; `/!main/annex_1` suffixes for an attachment. */
export function identification(meta: XMLBuilder, doc: Resolution, component = "main"): void {
  const uris = frbrUris(doc.meta);
  const author = authorOf(doc.meta.body);
  const id = meta.ele("identification", { source: `#${EDITOR_ID}` });
  const work = id.ele("FRBRWork");
  work.ele("FRBRthis", { value: `${uris.work}/!${component}` });
  work.ele("FRBRuri", { value: uris.work });
  work.ele("FRBRdate", { date: uris.workDate, name: "adoption" });
  work.ele("FRBRauthor", { href: `#${author.id}`, as: "#author" });
  work.ele("FRBRcountry", { value: "un" });
  if (doc.meta.symbol) work.ele("FRBRnumber", { value: doc.meta.symbol });
  const expression = id.ele("FRBRExpression");
  expression.ele("FRBRthis", { value: `${uris.expression}/!${component}` });
  expression.ele("FRBRuri", { value: uris.expression });
  expression.ele("FRBRdate", { date: uris.expressionDate, name: "publication" });
  expression.ele("FRBRauthor", { href: `#${author.id}`, as: "#issuingBody" });
  expression.ele("FRBRlanguage", { language: languageCode(doc.meta.language) });
  const manifestation = id.ele("FRBRManifestation");
  manifestation.ele("FRBRthis", { value: `${uris.expression}/!${component}.xml` });
  manifestation.ele("FRBRuri", { value: `${uris.expression}.xml` });
  // No clock in the core: the markup is dated by the text it encodes.
  manifestation.ele("FRBRdate", { date: uris.expressionDate, name: "markup" });
  manifestation.ele("FRBRauthor", { href: `#${EDITOR_ID}`, as: "#editor" });
}

/** Goals and targets: the source's official classification when it has one, else the derived links. */
export function sdgCodes(doc: Resolution): string[] {
  const official = doc.meta.officialSdgs ?? [];
  const codes = official.length ? official : doc.sdgs.flatMap((s) => (s.target ? [s.goal, s.target] : [s.goal]));
  return [...new Set(codes.map((c) => c.trim()).filter((c) => /^\d{1,2}(?:\.[0-9a-z]{1,2})?$/.test(c)))];
}

export function classification(meta: XMLBuilder, doc: Resolution): void {
  for (const code of sdgCodes(doc)) {
    meta
      .ele("classification", { source: "#un" })
      .ele("keyword", { value: code, href: `http://metadata.un.org/sdg/${code}`, showAs: `sdg_${code}`, dictionary: "SDGO" });
  }
}

/** "Second Committee" -> `secondCommittee`: the TLC id a docProponent refers to. */
export function committeeId(committee: string): string {
  const words = committee.replace(/[^A-Za-z0-9 ]/g, " ").trim().split(/\s+/);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join("");
}

export function references(meta: XMLBuilder, doc: Resolution): void {
  const author = authorOf(doc.meta.body);
  const refs = meta.ele("references", { source: `#${EDITOR_ID}` });
  refs.ele("TLCOrganization", { eId: EDITOR_ID, href: "/akn/ontology/organization/mandateRegistry", showAs: "Mandate Registry" });
  refs.ele("TLCOrganization", { eId: "un", href: "/akn/ontology/organization/un", showAs: "United Nations" });
  if (author.id !== "un") refs.ele("TLCOrganization", { eId: author.id, href: author.href, showAs: author.name });
  if (doc.meta.committee) {
    const id = committeeId(doc.meta.committee);
    refs.ele("TLCOrganization", { eId: id, href: `/akn/ontology/organization/un/${id}`, showAs: doc.meta.committee });
  }
  const roles: [string, string][] = [
    ["author", "Author"],
    ["issuingBody", "Issuing body"],
    ["publisher", "Publisher"],
    ["editor", "Editor"],
  ];
  for (const [id, showAs] of roles) refs.ele("TLCRole", { eId: id, href: `/akn/ontology/role/un/${id}`, showAs });
  const concepts: [string, string][] = [
    ["symbol", "Symbol"],
    ["resolutionTitle", "Resolution title"],
    ["dateOfAdoption", "Date of adoption"],
    ["dateOfIssuance", "Date of issuance"],
    ["generalDistribution", "General distribution"],
    ["publicationJobNumber", "Publication job number"],
  ];
  for (const [id, showAs] of concepts) refs.ele("TLCConcept", { eId: id, href: `/akn/ontology/concept/un/${id}`, showAs });
  votingReferences(refs, doc);
}
