/** The costliest requests a client can build against the corpus (those the budgets refuse included). */
const PREFIXES = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p"].map((l) => `${l}*`).join("%20");
export const ATTACKS: [string, string][] = [
  ["GET", `/api/search?q=${PREFIXES}&facets=all`],
  ["GET", "/api/search?q=de*%20sustain*&facets=all&limit=200"],
  ["GET", "/api/search/resolutions?q=con*%20develop*&facets=all&limit=50"],
  ["GET", "/api/duplicates?limit=500&mandates=100"],
  ["GET", "/api/search?q=development%20international%20cooperation%20countries&facets=all&limit=200"],
  ["HEAD", "/api/duplicates?kind=duplicate&limit=500&mandates=100"],
  ["GET", "/api/search?q=pr*&facets=all&offset=9800&limit=200"],
  ["GET", "/api/mandates.csv"],
  ["GET", "/api/duplicates?actor=secretary&from=1990&to=2024&limit=500&mandates=100"],
  ["GET", "/api/mandates?sort=actor&offset=50000&limit=200"],
  ["GET", "/api/mandates/groups?by=actor,verb&limit=1000"],
  ["GET", "/api/stats"],
  ["GET", "/api/series/A%2FRES%2F75%2F239"],
  ["GET", "/api/diff?from=A/RES/55/25&to=A/RES/79/243"],
  ["GET", "/api/documents/A%2FRES%2F70%2F1/citations?depth=5"],
  ["GET", "/api/documents?actor=Secretary&limit=200&offset=1000"],
];
