import type { Body } from "../../model/types.js";

/**
 * The Security Council's and the Human Rights Council's resolutions as a genre: they list the
 * tasks of one request as sub-paragraphs (a mission's mandate, a special procedure's, the
 * measures asked of all States, often a dozen and more), and ask for reports in words the
 * General Assembly's resolutions do not use ("to provide regular updates to the Council", "to
 * submit this to the Security Council"). The General Assembly's mandates keep the reading its
 * gold was measured with: one mandate per sub-paragraph, its phrasing of reports.
 */
export function readsAsCouncil(body: Body): boolean {
  return body === "SC" || body === "HRC";
}
