import assert from "node:assert/strict";
import { test } from "node:test";
import { checkReview, isSafeLink, readChoice, STATUSES } from "../../src/model/lifecycle.js";
import { parseCsv, readDecisionCsv, spreadsheetText, fromSpreadsheetText } from "../../src/model/lifecycle-import.js";
import { nextDueSession, reportDueSessions, reportOccurrences, sittingSession } from "../../src/model/reports-due.js";

/** The review's pure rules: decisions as people write them, CSV rows, and when reports fall due. */

test("a decision is read as people write it, and every bad field is named", () => {
  const ok = checkReview({ entity: " UNIDO ", decision: "retain", status: "Not started", disposition: "Merger", absorbedBy: "27fe121ee0a75bfc", evidence: ["https://undocs.org/A/79/123", "annual report 2024"], version: 3 });
  assert.ok(ok.ok);
  assert.deepEqual(ok.value, {
    entity: "UNIDO",
    decision: "RETAIN",
    disposition: "merger",
    absorbedBy: "27fe121ee0a75bfc",
    status: "not-started",
    justification: "",
    evidence: [{ url: "https://undocs.org/A/79/123", text: null }, { url: null, text: "annual report 2024" }],
    version: 3,
  });
  const bad = checkReview({ decision: "KEEP", status: "halfway", disposition: "replacement", evidence: [{ url: "javascript:alert(1)" }], justification: "x".repeat(5000), version: -1 });
  assert.ok(!bad.ok);
  const messages = bad.problems.map((p) => `${p.code}: ${p.message}`);
  for (const expected of [/^review-field: entity is required/, /^review-field: decision "KEEP" is not one of RETAIN, REVIEW, REMOVE/, /^review-field: status "halfway"/, /^review-field: justification is 5000 characters/, /link must be an http or https address/, /^review-absorbed-by: a replacement names the mandate/, /^review-field: version must be a whole number/]) {
    assert.ok(messages.some((m) => expected.test(m)), `${expected} in ${messages.join(" | ")}`);
  }
  assert.ok(!checkReview({ entity: "UNIDO" }).ok, "a decision is required");
  for (const justification of [undefined, "", "   "]) {
    const removal = checkReview({ entity: "UNIDO", decision: "remove", justification });
    assert.deepEqual(removal.ok ? [] : removal.problems.map((p) => `${p.code}: ${p.message}`), ["review-field: a REMOVE gives its justification: why the mandate should go"]);
  }
  assert.ok(checkReview({ entity: "UNIDO", decision: "REMOVE", justification: "delivered in full; the 2024 report closed it" }).ok);
  assert.ok(checkReview({ entity: "UNIDO", decision: "RETAIN" }).ok, "RETAIN and REVIEW may come without one");
  assert.ok(!checkReview({ entity: "UNIDO", decision: "RETAIN", absorbedBy: "27fe121ee0a75bfc" }).ok, "absorbedBy without a merger");
  assert.equal(readChoice("NO_LONGER relevant", STATUSES), "no-longer-relevant");
  assert.ok(isSafeLink("https://undocs.org/en/A/RES/79/222") && !isSafeLink("data:text/html,<script>") && !isSafeLink("https://x.org/<script>"));
});

test("CSV: quoted fields with commas, quotes and line breaks; an unclosed quote names its line", () => {
  const { records, problems } = parseCsv('\ufeffa,b,c\r\n1,"two, ""2""",3\n\n"multi\nline",,x\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(records, [
    { line: 1, cells: ["a", "b", "c"] },
    { line: 2, cells: ["1", 'two, "2"', "3"] },
    { line: 4, cells: ["multi\nline", "", "x"] },
  ]);
  assert.match(parseCsv('a,b\n1,"open\n2,3\n').problems[0]!.message, /^line 2: a quoted field is never closed/);
  assert.equal(fromSpreadsheetText(String(spreadsheetText("=HYPERLINK(1)"))), "=HYPERLINK(1)");
  assert.equal(spreadsheetText("=1+1"), "'=1+1");
});

test("a CSV of decisions is read row by row, every bad row named by its line, and nothing passes when one is bad", () => {
  const good = readDecisionCsv("Mandate,Entity,Decision,Status,Justification,Evidence,Version\n27fe121ee0a75bfc,UNIDO,retain,ongoing,\"core, kept\",https://a.org/r | see A/79/1,2\n");
  assert.deepEqual(good.problems, []);
  assert.deepEqual(good.rows[0], {
    line: 2,
    mandate: "27fe121ee0a75bfc",
    review: { entity: "UNIDO", decision: "RETAIN", disposition: null, absorbedBy: null, status: "ongoing", justification: "core, kept", evidence: [{ url: "https://a.org/r", text: null }, { url: null, text: "see A/79/1" }], version: 2 },
  });
  const bad = readDecisionCsv("mandate,entity,decision\n27fe121ee0a75bfc,UNIDO,RETAIN\n,UNIDO,RETAIN\n27fe121ee0a75bfc,UNIDO,REVIEW\n1234567890abcdef,UNIDO,maybe\n");
  assert.deepEqual(bad.problems.map((p) => p.message.split(":")[0]), ["line 3", "line 4", "line 5"]);
  assert.match(bad.problems[1]!.message, /the same mandate and entity as line 2/);
  assert.match(readDecisionCsv("mandate,decision,colour\n").problems.map((p) => p.message).join(" | "), /unknown column "colour".*the column entity is missing/);
});

test("reports fall due at their session and again each period, overdue once the session closed, and pass to the next version", () => {
  // 5 December 2026: the eighty-first session sits (September 2026 - September 2027)
  assert.equal(sittingSession("2026-12-05"), 81);
  assert.equal(sittingSession("2026-08-31"), 80);
  const biennial = { report: true, session: 77, dueSession: 79, recurrence: "biennial" };
  assert.deepEqual(reportDueSessions(biennial, 81), [79, 81]);
  assert.deepEqual(reportDueSessions(biennial, 85, 79), [79], "a successor adopted at the seventy-ninth asks for the later reports");
  assert.deepEqual(reportOccurrences(biennial, 81, new Map()).map((o) => [o.session, o.state]), [[79, "overdue"], [81, "due"], [83, "upcoming"]]);
  assert.deepEqual(reportOccurrences(biennial, 81, new Map([[79, "A/79/123"]])).map((o) => o.state), ["delivered", "due", "upcoming"]);
  // "at its seventy-first session": overdue once it closed in September 2017
  const once = { report: true, session: 69, dueSession: 71, recurrence: null };
  assert.deepEqual(reportOccurrences(once, sittingSession("2017-06-01"), new Map()).map((o) => o.state), ["due"]);
  assert.deepEqual(reportOccurrences(once, sittingSession("2017-10-01"), new Map()).map((o) => o.state), ["overdue"]);
  assert.equal(nextDueSession({ report: true, session: 78, dueSession: null, recurrence: "annual" }, 81), 81);
  assert.deepEqual(reportDueSessions({ report: false, session: 78, dueSession: 80, recurrence: null }, 90), []);
  assert.deepEqual(reportDueSessions({ report: true, session: 78, dueSession: null, recurrence: null }, 90), [], "no named session: never overdue");
});
