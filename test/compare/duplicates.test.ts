import { test } from "node:test";
import assert from "node:assert/strict";
import { type Finding, findDuplication } from "../../src/compare/duplicates.js";
import type { Resolution } from "../../src/model/types.js";
import { ods, security } from "./helpers.js";

/*
 * Real cases from the corpus. The financing resolutions of four peacekeeping operations adopted
 * in June 2025 (79/301 UNISFA, 79/303 UNFICYP, 79/304 MONUSCO, 79/305 UNMIK) repeat the same
 * requests word for word; the Question of Saint Helena (75/117 ... 80/100) renews the same
 * mandates every session and asks the Special Committee to report at every session.
 */

const load = (symbols: string[]): Promise<Resolution[]> => Promise.all(symbols.map(ods));
const PEACEKEEPING = ["79/301", "79/303", "79/304", "79/305"];
const SAINT_HELENA = ["75/117", "76/100", "77/144", "78/96", "79/109", "80/100"];

function symbolsOf(f: Finding): string[] {
  return [...new Set(f.mandates.map((m) => m.symbol!))].sort();
}

test("the same request in four peacekeeping financing resolutions is one duplicate finding, ranked first", async () => {
  const report = findDuplication(await load([...PEACEKEEPING, "79/222", "79/195"]));
  const arrears = report.findings.find((f) => f.kind === "duplicate" && /outstanding assessed contributions/.test(f.mandates[0]!.action));
  assert.ok(arrears, "urges all other Member States to ensure payment of their outstanding assessed contributions");
  assert.deepEqual(symbolsOf(arrears), ["A/RES/79/301", "A/RES/79/303", "A/RES/79/304", "A/RES/79/305"]);
  assert.ok(arrears.mandates.every((m) => /Member States/.test(m.actor)));
  assert.equal(arrears.series.length, 4);
  // "Requests the Secretary-General to ensure their full implementation" is there too, whether written with a hyphen or not.
  const implementation = report.findings.find((f) => f.kind === "duplicate" && f.mandates[0]!.action === "to ensure their full implementation");
  assert.ok(implementation);
  assert.equal(implementation.mandates.length, 4);
  // A request duplicated in four series outranks every renewal and open-ended mandate.
  assert.ok(report.findings.indexOf(arrears) < report.findings.findIndex((f) => f.kind !== "duplicate"));
  for (let i = 1; i < report.findings.length; i++) assert.ok(report.findings[i - 1]!.score >= report.findings[i]!.score, "ranked by score");
});

test("reports on the implementation of the present resolution are not duplicates of each other", async () => {
  // 79/222 and 79/195 both request the Secretary-General "to submit ... a report on the implementation of the present resolution".
  const report = findDuplication(await load(["79/222", "79/195"]));
  assert.equal(report.counts.duplicate, 0);
  assert.ok(report.findings.some((f) => f.kind === "no-review-or-end" && /present resolution/.test(f.mandates[0]!.action)));
});

test("Question of Saint Helena: mandates renewed verbatim for six sessions, a report requested at every session, no duplicates within a series", async () => {
  const docs = await load(SAINT_HELENA);
  const report = findDuplication(docs);
  assert.equal(report.counts.duplicate, 0, "the versions of one series renew, they do not duplicate");
  assert.equal(report.scanned.series, 1);
  const assistance = report.findings.find((f) => f.kind === "renewed-verbatim" && /provide assistance to the Territory, if requested/.test(f.mandates[0]!.action));
  assert.ok(assistance, "calls upon the relevant United Nations organizations to provide assistance to the Territory, if requested");
  assert.equal(assistance.span, 6);
  assert.equal(assistance.mandates[0]!.symbol, "A/RES/80/100");
  const annual = report.findings.find((f) => f.kind === "report-every-session");
  assert.ok(annual);
  assert.equal(annual.span, 6);
  assert.deepEqual(symbolsOf(annual), SAINT_HELENA.map((s) => `A/RES/${s}`).sort());
  // Asking for seven versions flags nothing of the kind.
  const strict = findDuplication(docs, { minVersions: 7 });
  assert.equal(strict.counts["renewed-verbatim"], 0);
  assert.equal(strict.counts["report-every-session"], 0);
});

test("a gap in the sessions breaks the run of annual reports", async () => {
  // 75/117, 76/100, then 78/96 and 79/109: the latest run of consecutive sessions is 78-79.
  const report = findDuplication(await load(["75/117", "76/100", "78/96", "79/109"]), { minVersions: 2 });
  const annual = report.findings.find((f) => f.kind === "report-every-session");
  assert.ok(annual);
  assert.equal(annual.span, 2);
  assert.deepEqual(symbolsOf(annual), ["A/RES/78/96", "A/RES/79/109"]);
});

test("the UNDOF renewals, without titles, are one series: the report request each repeats is their history, not a duplicate", async () => {
  const docs: Resolution[] = [];
  for (const [number, year] of [["363", 1974], ["369", 1975], ["381", 1975], ["420", 1977], ["722", 1991], ["756", 1992]] as const) docs.push(await security(number, year));
  const report = findDuplication(docs);
  assert.equal(report.scanned.series, 1);
  assert.equal(report.counts.duplicate, 0, "no mandate 'in 6 series'");
  assert.ok(report.findings.length > 0);
  for (const f of report.findings) assert.deepEqual(f.series, ["United Nations Disengagement Observer Force"]);
  // "calls upon the parties concerned to implement immediately Security Council resolution 338 (1973)", the latest version's
  assert.ok(report.findings.some((f) => f.kind === "no-review-or-end" && /resolution 338 \(1973\)/.test(f.mandates[0]!.action) && f.mandates[0]!.symbol === "S/RES/756 (1992)"));
});

test("nothing to scan", () => {
  const report = findDuplication([]);
  assert.deepEqual(report.findings, []);
  assert.deepEqual(report.scanned, { documents: 0, series: 0, mandates: 0 });
});
