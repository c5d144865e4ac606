import { test } from "node:test";
import assert from "node:assert/strict";
import { readResolution } from "../../src/ingest/read.js";
import { enrich } from "../../src/enrich/index.js";
import { resolveActor } from "../../src/model/actors.js";
import { toMandateTable } from "../../src/export/mandate-table.js";
import type { Mandate, Resolution } from "../../src/model/types.js";
import { gold, readCorpus } from "../helpers/corpus.js";

/** The enriched document of a corpus file (`ods/NAME`, `seeds/NAME`, `pdf/NAME`). */
async function enriched(...path: string[]): Promise<Resolution> {
  const name = path.at(-1)!;
  const parsed = await readResolution(readCorpus(...path), { name });
  assert.ok(parsed.ok, `${name} parses`);
  return enrich(parsed.document);
}

const ods = (symbol: string) => enriched("ods", `A_RES_${symbol.replace("/", "_")}.en.txt`);

/** Mandates of operative paragraph `n`. */
function at(doc: Resolution, n: number): Mandate[] {
  const p = doc.operative.find((x) => x.number === n);
  assert.ok(p, `paragraph ${n} exists`);
  return p.mandates;
}

const all = (doc: Resolution) => doc.operative.flatMap((p) => p.mandates);

// The scorer's matching (../shared/gold/score.mjs): same paragraph, verb as a word prefix, actor
// equal after dropping "the" or one containing the other, same report flag and due session.
const ALIASES: Record<string, string> = { unido: "united nations industrial development organization", sg: "secretary-general" };
const actorKey = (s: string) => {
  const k = s.toLowerCase().replace(/\s+/g, " ").trim().replace(/^the /, "");
  return ALIASES[k] ?? k;
};
function sameMandate(g: Record<string, any>, m: Mandate): boolean {
  const [a, b] = [actorKey(g.actor), actorKey(m.actor)];
  const verb = g.verb === m.verb || m.verb.startsWith(`${g.verb} `) || g.verb.startsWith(`${m.verb} `);
  const actor = a === b || (a.length > 3 && b.includes(a)) || (b.length > 3 && a.includes(b));
  return g.in === m.in && verb && actor && Boolean(g.report) === m.report && (g.dueSession ?? null) === m.dueSession;
}

/** Gold mandates that have no match among the extracted ones (each match used once). */
function missing(goldMandates: Record<string, any>[], got: Mandate[]): Record<string, any>[] {
  const used = new Set<number>();
  return goldMandates.filter((g) => {
    const i = got.findIndex((m, j) => !used.has(j) && sameMandate(g, m));
    if (i >= 0) used.add(i);
    return i < 0;
  });
}

for (const [name, count, title] of [
  ["A_RES_63_231", 9, "seed 63/231: the nine gold mandates, one to all Governments and one through 'encourages it'"],
  ["A_RES_69_235", 10, "seed 69/235: the ten gold mandates"],
] as const) {
  test(title, async () => {
    const doc = await enriched("seeds", `${name}.en.txt`);
    const expected = gold(`${name}.en`).mandates;
    assert.equal(expected.length, count);
    assert.deepEqual(missing(expected, all(doc)), []);
    assert.equal(all(doc).length, count);
  });
}

test("79/222: the eighteen gold mandates, and 'encourages the Organization' (paragraph 45) that the gold leaves out", async () => {
  const doc = await ods("79/222");
  const expected = gold("A_RES_79_222.en").mandates;
  assert.equal(expected.length, 18);
  assert.deepEqual(missing(expected, all(doc)), []);
  // the one mandate beyond the gold: "the Organization" is UNIDO, named earlier in the paragraph
  const extra = all(doc).filter((m) => !expected.some((g: Record<string, any>) => sameMandate(g, m)));
  assert.deepEqual(extra.map((m) => [m.in, m.verb, m.actor, m.actorCanonical]), [
    ["operative.45", "encourages", "Organization", "United Nations Industrial Development Organization"],
  ]);
});

test("73/7 (PDF): the thirteen gold mandates, when the PDF decoder reads the file", async (t) => {
  const parsed = await readResolution(readCorpus("pdf", "A_RES_73_7.en.pdf"), { name: "A_RES_73_7.en.pdf" });
  if (!parsed.ok || parsed.document.operative.length < 28) {
    t.skip("the PDF decoder does not read A/RES/73/7 yet");
    return;
  }
  const doc = enrich(parsed.document);
  const expected = gold("A_RES_73_7.en").mandates;
  assert.deepEqual(missing(expected, all(doc)), []);
  assert.equal(all(doc).length, 13);
});

test("a chapeau hands its addressee and verb to each sub-paragraph (75/139, paragraph 12)", async () => {
  const doc = await ods("75/139");
  const ms = at(doc, 12);
  assert.deepEqual(ms.map((m) => [m.sub, m.verb, m.actor]), [
    ["a", "requests", "Secretary-General"],
    ["b", "requests", "Secretary-General"],
    ["c", "requests", "Secretary-General"],
    ["d", "requests", "Secretary-General"],
  ]);
  assert.match(ms[0]!.action, /^To send, without delay, a circular note to all States/);
  assert.match(ms[3]!.action, /^To address reminders to States/);
});

test("a bare verb chapeau ('Urges:') takes its addressee from each sub-paragraph (75/139, paragraph 11)", async () => {
  const ms = at(await ods("75/139"), 11);
  assert.deepEqual(ms.map((m) => [m.sub, m.verb, m.actor]), [
    ["a", "urges", "All States"],
    ["b", "urges", "State in which the violation took place"], // "– and, to the extent possible, ... –" is an aside
  ]);
  assert.equal(ms[0]!.report, true);
  assert.equal(ms[0]!.reportTo, "Secretary-General");
});

test("sub-paragraphs that are not actions stay in the one mandate of their chapeau (75/139, paragraph 14)", async () => {
  const ms = at(await ods("75/139"), 14);
  assert.equal(ms.length, 1);
  assert.equal(ms[0]!.sub, null);
  assert.equal(ms[0]!.report, true);
  assert.equal(ms[0]!.dueSession, 77);
  assert.match(ms[0]!.action, /a report containing: \(a\) Information on the state of ratification/);
  assert.match(ms[0]!.deliverable ?? "", /^a report containing/);
});

test("several clauses in one paragraph give several mandates (69/235, paragraph 27; 79/6, paragraph 19)", async () => {
  const p27 = at(await enriched("seeds", "A_RES_69_235.en.txt"), 27);
  assert.deepEqual(p27.map((m) => [m.verb, m.actor]), [
    ["encourages", "companies"],
    ["encourages", "industry, interested Governments and relevant stakeholders"],
  ]);
  assert.equal(p27[0]!.action, "to consider integrating sustainability information into their reporting cycle");
  const p19 = at(await ods("79/6"), 19);
  assert.deepEqual(p19.map((m) => [m.verb, m.actor]), [
    ["urges", "all States parties"],
    ["invites", "all other States"],
  ]);
});

test("clauses that share one action: 'Urges all States, requests ... and invites ... to cooperate' (76/147, paragraph 39)", async () => {
  const ms = at(await ods("76/147"), 39);
  assert.deepEqual(ms.slice(0, 3).map((m) => [m.verb, m.actor]), [
    ["urges", "all States"],
    ["requests", "United Nations agencies, funds and programmes"],
    ["invites", "regional organizations and civil society"],
  ]);
  for (const m of ms.slice(0, 3)) assert.match(m.action, /^to cooperate with the Special Representative/);
});

test("pronouns stand for the body last named: 'encourages it' (63/231, paragraph 16), 'calls upon them' (77/133, paragraph 5)", async () => {
  const [it] = at(await enriched("seeds", "A_RES_63_231.en.txt"), 16);
  assert.equal(it!.actor, "United Nations Industrial Development Organization");
  assert.equal(it!.actorType, "un-system");
  const them = at(await ods("77/133"), 5);
  assert.deepEqual(them.map((m) => [m.verb, m.actor]), [
    ["calls upon", "parties"],
    ["calls upon", "parties"],
  ]);
});

test("'them' after two addressees, 'it' inside a sub-paragraph, 'them' after a list of bodies", async () => {
  const [, both] = at(await ods("75/181"), 24);
  assert.equal(both!.actor, "Secretary-General and the United Nations High Commissioner for Human Rights");
  assert.match(both!.action, /^to pay due attention/);
  const j = at(await ods("79/184"), 7).filter((m) => m.sub === "j");
  assert.deepEqual(j.map((m) => [m.verb, m.actor]), [
    ["urges", "Russian Federation"],
    ["encourages", "Russian Federation"],
  ]);
  const [list] = at(await ods("78/322"), 7);
  assert.equal(list!.actor, "international financial institutions, international organizations and multilateral development banks");
  // a body the gazetteer does not know: "the Advisory Commission of the Agency ... requests it"
  const [commission] = at(await ods("75/94"), 10);
  assert.equal(commission!.actor, "Advisory Commission of the Agency");
  assert.equal(commission!.report, true);
});

test("renewed calls count with the verb of the call (75/145, paragraph 5; 75/75, paragraph 1)", async () => {
  const [call] = at(await ods("75/145"), 5);
  assert.equal(call!.verb, "calls upon");
  assert.equal(call!.actor, "all States");
  const [request] = at(await ods("75/75"), 1);
  assert.equal(request!.verb, "requests");
  assert.equal(request!.actor, "Conference on Disarmament");
  assert.match(request!.action, /^to commence negotiations/);
});

test("objects that are not addressees are not mandates", async () => {
  const seed = await enriched("seeds", "A_RES_69_235.en.txt");
  assert.deepEqual(at(seed, 3), [], "Encourages giving due consideration ...");
  assert.deepEqual(at(seed, 12), [], "emphasizes the need for the international community ... to contribute");
  assert.deepEqual(at(seed, 20), [], "Encourages regional, subregional and interregional cooperation ...");
  assert.deepEqual(at(await ods("79/6"), 6), [], "Encourages further efforts by the United Nations ...");
  assert.deepEqual(at(await ods("80/147"), 39), [], "Calls for voluntary contributions ...");
  assert.deepEqual(at(await ods("75/140"), 8), [], "... at the request of other subsidiary bodies");
  const doc = await ods("79/222");
  assert.deepEqual(at(doc, 15), [], "... while urging the Group of 20 to ...: a participle, not a clause");
  assert.deepEqual(at(doc, 54).map((m) => m.verb), ["requests"], "decides to include in the provisional agenda: not a mandate");
});

test("'decides that X shall' and 'requests that X continue' (75/142, paragraph 2; 75/250 B, paragraph 27)", async () => {
  const [decision] = at(await ods("75/142"), 2);
  assert.deepEqual([decision!.verb, decision!.actor, decision!.category, decision!.force], ["decides", "Sixth Committee", "deciding", 5]);
  assert.match(decision!.action, /^shall continue its consideration/);
  const doc = await enriched("ods", "A_RES_75_250_B.en.txt");
  const [request] = at(doc, 27);
  assert.deepEqual([request!.verb, request!.actor, request!.category, request!.force], ["requests", "Secretary-General", "directive", 4]);
  assert.match(request!.action, /^continue his ongoing efforts/);
});

test("deadlines: a session and its years, 'during the ... session', a year, a date", async () => {
  const [report] = at(await enriched("seeds", "A_RES_69_235.en.txt"), 31);
  assert.deepEqual(report!.deadline, { session: 71, years: "2016-2017", date: null, text: "at its seventy-first session" });
  assert.equal(report!.dueSession, 71);
  const [update] = at(await ods("75/325"), 31);
  assert.equal(update?.dueSession, 76, "during the seventy-sixth session");
  const [eyeCare] = at(await ods("75/310"), 1);
  assert.equal(eyeCare!.deadline?.years, "2030", "by 2030");
  assert.equal(eyeCare!.dueSession, null);
  const [pga] = at(await ods("75/260"), 12);
  assert.equal(pga!.deadline?.date, "2021-04-15", "no later than 15 April 2021");
  const [resumed] = at(await ods("75/257"), 2);
  assert.equal(resumed!.dueSession, 75, "at its resumed seventy-fifth session");
});

test("recurrence: written ('annually', 'triennial report') or inferred from the session a report is due", async () => {
  const [seed] = at(await enriched("seeds", "A_RES_63_231.en.txt"), 20);
  assert.equal(seed!.recurrence, "biennial", "due at the sixty-fifth session, adopted at the sixty-third");
  const [annual] = at(await ods("75/277"), 2);
  assert.deepEqual([annual!.recurrence, annual!.report, annual!.reportTo], ["annual", true, "General Assembly"]);
  const [agencies] = at(await ods("75/104"), 22);
  assert.deepEqual([agencies!.recurrence, agencies!.reportTo], ["annual", "Secretary-General"]);
  const [triennial] = at(await ods("78/322"), 10);
  assert.deepEqual([triennial!.recurrence, triennial!.dueSession], ["triennial", 80]);
});

test("report: asked to report, to submit a report, to include information in one, to keep the Assembly informed", async () => {
  const doc = await ods("79/6");
  const [include] = at(doc, 13);
  assert.deepEqual([include!.report, include!.dueSession, include!.reportTo], [true, 80, "General Assembly"]);
  const [court] = at(doc, 32);
  assert.deepEqual([court!.actor, court!.verb, court!.report, court!.dueSession], ["International Criminal Court", "invites", true, 80]);
  const [services] = at(doc, 30);
  assert.deepEqual([services!.report, services!.reportTo, services!.deadline], [false, null, null]);
  const reporting = at(await ods("79/222"), 43);
  assert.deepEqual(reporting.map((m) => m.report), [false, false], "'their reporting cycle' is not a report to anyone");
});

test("a review or end date: in the clause ('until 1 July 2024') or a review of the whole resolution; most have none", async () => {
  const [extension] = at(await ods("75/292"), 12);
  assert.equal(extension!.hasReviewOrEnd, true);
  const treaty = await ods("77/62");
  assert.equal(at(treaty, 4)[0]!.hasReviewOrEnd, true, "paragraph 16 reviews the implementation of the resolution");
  const seed = await enriched("seeds", "A_RES_69_235.en.txt");
  assert.ok(all(seed).every((m) => !m.hasReviewOrEnd));
});

test("gazetteer: names, abbreviations, variants and qualifiers resolve to canonical actors", () => {
  assert.deepEqual(resolveActor("UNIDO"), { canonical: "United Nations Industrial Development Organization", type: "un-system" });
  assert.deepEqual(resolveActor("the Secretary General"), { canonical: "Secretary-General", type: "secretariat" });
  assert.deepEqual(resolveActor("States parties to the Rome Statute that have not yet done so"), { canonical: "States parties", type: "member-states" });
  assert.deepEqual(resolveActor("the Government of the Islamic Republic of Iran"), { canonical: "Islamic Republic of Iran", type: "member-states" });
  assert.deepEqual(resolveActor("WHO"), { canonical: "World Health Organization", type: "un-system" });
  assert.equal(resolveActor("who"), null, "a pronoun is not an agency");
  assert.equal(resolveActor("Independent Expert Advisory Panel"), null, "a longer name is not a known shorter one");
  assert.equal(resolveActor("secretariat of the multidimensional vulnerability index"), null, "a secretariat is not the Secretariat");
  assert.equal(resolveActor("UN-Women")?.canonical, "United Nations Entity for Gender Equality and the Empowerment of Women");
  assert.equal(resolveActor("all Governments")?.canonical, "all Governments");
  assert.equal(resolveActor("Special Rapporteur on the right to food")?.canonical, "Special Rapporteur on the right to food");
});

test("records carry category, force, positions inside their paragraph, and enriching twice gives the same mandates", async () => {
  const doc = await enriched("seeds", "A_RES_69_235.en.txt");
  const p27 = doc.operative.find((p) => p.number === 27)!;
  const second = p27.mandates[1]!;
  assert.ok(second.position.start.offset >= p27.position.start.offset && second.position.end.offset <= p27.position.end.offset);
  assert.ok(doc.source.text.slice(second.position.start.offset).startsWith("encourages industry"));
  for (const m of all(doc)) assert.ok(m.force >= 1 && m.force <= 5);
  const before = JSON.stringify(all(doc));
  enrich(doc);
  assert.equal(JSON.stringify(all(doc)), before);
});

test("parse --mandates table: one row per mandate with actor, verb, clipped action, deadline and report", async () => {
  const table = toMandateTable(await enriched("seeds", "A_RES_63_231.en.txt"));
  const lines = table.trimEnd().split("\n");
  assert.match(lines[0]!, /^A\/RES\/63\/231 {2}Industrial development cooperation: 9 mandates$/);
  assert.equal(lines.length, 3 + 9);
  const last = lines.at(-1)!;
  assert.match(last, /^20 +Secretary-General +requests +to submit to the General Assembly/);
  assert.match(last, /session 65 \(2010-2011\), biennial/);
  assert.match(last, /yes to General Assembly/);
});
