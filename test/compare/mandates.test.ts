import { test } from "node:test";
import assert from "node:assert/strict";
import { alignResolutions } from "../../src/compare/align.js";
import { type MandateChange, compareMandates } from "../../src/compare/mandates.js";
import type { Mandate, Resolution } from "../../src/model/types.js";
import { corpusResolution, ods } from "./helpers.js";

const seed = (name: string) => corpusResolution("seeds", name);

function changesOf(from: Resolution, to: Resolution): MandateChange[] {
  return compareMandates(from, to, alignResolutions(from, to)).changes;
}

function find(changes: MandateChange[], fromIn: string | null, toIn: string | null): MandateChange | undefined {
  return changes.find((c) => (c.from?.in ?? null) === fromIn && (c.to?.in ?? null) === toIn);
}

test("63/231 -> 69/235: the report request moves to a later session; UNIDO's mandates renewed, reworded, dropped and new", async () => {
  const changes = changesOf(await seed("A_RES_63_231.en.txt"), await seed("A_RES_69_235.en.txt"));
  // "Requests the Secretary-General to submit ... at its sixty-fifth session" -> "... seventy-first session"
  const report = find(changes, "operative.20", "operative.31");
  assert.ok(report, "the report request is paired across renumbering");
  assert.equal(report.status, "changed");
  assert.deepEqual(report.fields, ["deadline"]);
  assert.equal(report.from!.dueSession, 65);
  assert.equal(report.to!.dueSession, 71);
  // cleaner production, water management and energy efficiency: the action is reworded, the addressee and verb stay
  const cleaner = find(changes, "operative.15", "operative.24");
  assert.ok(cleaner);
  assert.equal(cleaner.status, "changed");
  assert.ok(cleaner.fields.includes("action") && !cleaner.fields.includes("actor"));
  // "Calls upon UNIDO to take appropriate actions for the full implementation of resolution 62/208": gone with its paragraph
  assert.equal(find(changes, "operative.10", null)?.status, "dropped");
  // "urges all Governments to develop and implement policies": gone
  assert.equal(find(changes, "operative.5", null)?.status, "dropped");
  // corporate sustainability reporting: companies, and industry, Governments and stakeholders, are new addressees
  const corporate = changes.filter((c) => c.status === "new" && c.to!.in === "operative.27");
  assert.ok(corporate.length >= 1, "new mandates of operative.27");
  // every mandate of both versions is accounted for exactly once
  const from = await seed("A_RES_63_231.en.txt");
  const to = await seed("A_RES_69_235.en.txt");
  const count = (d: Resolution) => d.operative.reduce((n, p) => n + p.mandates.length, 0);
  assert.equal(changes.filter((c) => c.from).length, count(from));
  assert.equal(changes.filter((c) => c.to).length, count(to));
});

test("77/180 -> 79/222: the biennial report request advances by two sessions; new mandates for the 2025 conferences", async () => {
  const changes = changesOf(await ods("77/180"), await ods("79/222"));
  const report = find(changes, "operative.45", "operative.54");
  assert.ok(report);
  assert.equal(report.status, "changed");
  assert.ok(report.fields.includes("deadline"));
  assert.equal(report.to!.dueSession, report.from!.dueSession! + 2);
  for (const paragraph of ["operative.50", "operative.51", "operative.52"]) {
    assert.ok(changes.some((c) => c.status === "new" && c.to!.in === paragraph), `a new mandate in ${paragraph}`);
  }
  // renumbered but word for word: "four core functions" (op. 13 -> op. 7)
  const coreFunctions = find(changes, "operative.13", "operative.7");
  assert.equal(coreFunctions?.status, "unchanged");
});

/** A mandate on an operative paragraph of a real resolution, with the fields a test varies. */
function mandate(doc: Resolution, number: number, fields: Partial<Mandate>): Mandate {
  const paragraph = doc.operative.find((p) => p.number === number)!;
  return {
    in: `operative.${number}`,
    sub: null,
    actor: "Secretary-General",
    actorCanonical: "Secretary-General",
    actorType: "secretariat",
    verb: "requests",
    category: "directive",
    force: 4,
    action: "to submit to the General Assembly at its seventy-ninth session a report on the implementation of the present resolution",
    report: true,
    reportTo: "General Assembly",
    deliverable: null,
    dueSession: 79,
    dueDate: null,
    deadline: null,
    recurrence: null,
    decision: null,
    end: null,
    review: null,
    hasReviewOrEnd: false,
    position: paragraph.position,
    ...fields,
  };
}

function withMandates(doc: Resolution, mandates: Mandate[]): Resolution {
  return {
    ...doc,
    operative: doc.operative.map((p) => ({ ...p, mandates: mandates.filter((m) => m.in === `operative.${p.number}`) })),
  };
}

test("changed fields: verb and force (strengthened), addressee, reporting, review date; unchanged when only renumbered", async () => {
  const base = await ods("77/180");
  const next = await ods("79/222");
  const encourages = { actor: "United Nations Industrial Development Organization", actorCanonical: "United Nations Industrial Development Organization", actorType: "un-system" as const };
  const action = "to continue to promote shared prosperity from industry through its four core functions";
  const from = withMandates(base, [
    mandate(base, 45, {}),
    mandate(base, 13, { ...encourages, verb: "encourages", category: "exhortative", force: 1, action, report: false, dueSession: null }),
    mandate(base, 41, { ...encourages, verb: "encourages", category: "exhortative", force: 1, action: "to continue strengthening its role in assisting developing countries to create and disseminate knowledge", report: false, dueSession: null }),
  ]);
  const to = withMandates(next, [
    // same request, now also with a review date and reporting to the Economic and Social Council
    mandate(next, 54, { dueSession: 81, action: "to submit to the General Assembly at its eighty-first session a report on the implementation of the present resolution", hasReviewOrEnd: true }),
    // "encourages" became "requests": force 1 -> 4
    mandate(next, 7, { ...encourages, verb: "requests", category: "directive", force: 4, action, report: false, dueSession: null }),
    // the same knowledge-sharing action addressed to the Secretary-General instead
    mandate(next, 41, { verb: "encourages", category: "exhortative", force: 1, action: "to continue strengthening its role in assisting developing countries to create and disseminate knowledge", report: false, dueSession: null }),
  ]);
  const changes = changesOf(from, to);
  const report = find(changes, "operative.45", "operative.54")!;
  assert.deepEqual(report.fields, ["deadline", "review"]);
  const strengthened = find(changes, "operative.13", "operative.7")!;
  assert.deepEqual(strengthened.fields, ["verb", "force"]);
  assert.equal(strengthened.forceDelta, 3);
  const readdressed = find(changes, "operative.41", "operative.41")!;
  assert.deepEqual(readdressed.fields, ["actor"]);
  assert.equal(changes.length, 3);
});

test("an unchanged document: every mandate unchanged", async () => {
  const doc = await ods("79/222");
  const changes = changesOf(doc, doc);
  assert.ok(changes.length > 5);
  assert.ok(changes.every((c) => c.status === "unchanged" && c.from === c.to));
});
