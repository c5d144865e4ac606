import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { mandateIds } from "../../src/compare/mandate-id.js";
import { enrich } from "../../src/enrich/index.js";
import { readResolution } from "../../src/ingest/read.js";
import type { ReviewInput } from "../../src/model/lifecycle.js";
import { ingestPaths, sha256 } from "../../src/registry/ingest.js";
import { type Author, CLI_AUTHOR } from "../../src/registry/lifecycle/index.js";
import { openStore } from "../../src/registry/open.js";
import type { Store } from "../../src/registry/store.js";
import { corpusFile } from "../helpers/corpus.js";
import { type OpenedStore, seriesFiles, storeFactories } from "./stores.js";

/**
 * The lifecycle tables on both databases: stable mandate ids, reviews with their versions and
 * rights, orphaned reviews after a new extraction, carry-over to a new version of a recurring
 * resolution, the append-only audit trail (refused by the database itself), and an upgrade of a
 * registry written before the lifecycle migrations.
 */

const UNIDO = "United Nations Industrial Development Organization";
const decision = (over: Partial<ReviewInput> = {}): ReviewInput => ({
  entity: "UNIDO",
  decision: "RETAIN",
  disposition: null,
  absorbedBy: null,
  status: "ongoing",
  justification: "core function",
  evidence: [{ url: "https://www.unido.org/reports", text: null }],
  version: 0,
  ...over,
});

async function parsedText(text: string, name: string) {
  const parsed = await readResolution(new TextEncoder().encode(text), { name });
  assert.ok(parsed.ok);
  return enrich(parsed.document);
}

for (const factory of storeFactories()) {
  describe(`lifecycle store on ${factory.dialect}`, () => {
    let db: OpenedStore;
    let store: Store;
    let editor: Author;
    let viewer: Author;

    before(async () => {
      db = await factory.open();
      store = db.store;
      // every member of the series but the newest: 79/222 comes later, to inherit
      const summary = await ingestPaths(store, seriesFiles().slice(0, 5));
      assert.deepEqual(summary.failed, []);
      const e = await store.lifecycle.createUser({ email: "Editor@UNIDO.org", role: "editor", entities: ["UNIDO"], passwordHash: "$argon2id$x" }, CLI_AUTHOR);
      const v = await store.lifecycle.createUser({ email: "viewer@un.org", role: "viewer", entities: [], passwordHash: "$argon2id$x" }, CLI_AUTHOR);
      assert.ok(e.ok && v.ok);
      editor = { userId: e.value.id, email: e.value.email, role: "editor", entities: e.value.entities, via: "token" };
      viewer = { userId: v.value.id, email: v.value.email, role: "viewer", entities: [], via: "token" };
    });
    after(async () => {
      await db?.dispose();
    });

    test("every mandate row carries the stable id its document's mandates get from mandateIds, and entities resolve as actors do", async () => {
      const page = await store.mandates({ symbol: "77/180" }, { limit: 200, offset: 0 });
      const doc = (await store.getDocument("A/RES/77/180"))!.document;
      const expected = [...mandateIds(doc).values()].sort();
      assert.deepEqual(page.items.map((m) => m.id).sort(), expected);
      assert.equal(new Set(expected).size, expected.length, "ids are unique within a document");
      assert.equal(await store.lifecycle.resolveEntity("UNIDO"), UNIDO);
      assert.equal(await store.lifecycle.resolveEntity("the Secretary-General"), "Secretary-General");
      assert.equal(await store.lifecycle.resolveEntity("Ministry of Nowhere"), null);
    });

    test("an editor of UNIDO records a decision on a mandate addressed to UNIDO; a stale edit is refused with the current state; a viewer and another addressee are refused", async () => {
      const page = await store.mandates({ symbol: "77/180", actor: "UNIDO" }, { limit: 50, offset: 0 });
      const mandate = page.items[0]!;
      const first = await store.lifecycle.setReview(mandate.id, decision(), editor);
      assert.ok(first.ok, JSON.stringify(first));
      assert.equal(first.value.review.version, 1);
      assert.equal(first.value.review.entity, UNIDO);
      assert.equal(first.value.review.updatedBy, "editor@unido.org");

      const stale = await store.lifecycle.setReview(mandate.id, decision({ decision: "REMOVE" }), editor);
      assert.ok(!stale.ok && stale.status === 409);
      assert.equal((stale as { current: { version: number; decision: string } }).current.version, 1);
      assert.equal((stale as { current: { decision: string } }).current.decision, "RETAIN");

      const second = await store.lifecycle.setReview(mandate.id, decision({ decision: "REVIEW", version: 1 }), editor);
      assert.ok(second.ok && second.value.changed && second.value.review.version === 2);
      const same = await store.lifecycle.setReview(mandate.id, decision({ decision: "REVIEW", version: 2 }), editor);
      assert.ok(same.ok && !same.value.changed && same.value.review.version === 2, "an edit that changes nothing writes nothing");

      const sg = (await store.mandates({ symbol: "77/180", actor: "Secretary-General" }, { limit: 5, offset: 0 })).items[0]!;
      for (const [who, entity] of [[editor, "UNIDO"], [editor, "Secretary-General"], [viewer, "UNIDO"]] as const) {
        const refused = await store.lifecycle.setReview(sg.id, decision({ entity }), who);
        assert.ok(!refused.ok && refused.status === 403, `${who.role} ${entity}: ${JSON.stringify(refused)}`);
      }
      const audit = await store.lifecycle.audit({ mandate: mandate.id }, { limit: 10, offset: 0 });
      assert.deepEqual(audit.items.map((a) => [a.action, a.user, (a.after as { version: number }).version]), [
        ["review.set", "editor@unido.org", 2],
        ["review.set", "editor@unido.org", 1],
      ]);
      assert.equal((audit.items[0]!.before as { decision: string }).decision, "RETAIN");
    });

    test("the audit trail is append-only: the database refuses to update or delete its rows", async () => {
      const [row] = await db.query("SELECT COUNT(*) AS n FROM audit_log");
      assert.ok(Number(row!.n) > 0);
      for (const sql of ["UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log", ...(factory.dialect === "postgres" ? ["TRUNCATE audit_log"] : [])]) {
        await assert.rejects(db.query(sql), /append-only/, sql);
      }
      const [after] = await db.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'forged'");
      assert.equal(Number(after!.n), 0);
    });

    test("a new version of a recurring resolution inherits the decisions of the mandates the comparison pairs, flagged where the mandate changed", async () => {
      const earlier = (await store.mandates({ symbol: "77/180", actor: "UNIDO" }, { limit: 50, offset: 0 })).items;
      for (const m of earlier.slice(1, 6)) {
        const r = await store.lifecycle.setReview(m.id, decision({ justification: `kept: ${m.ref}` }), editor);
        assert.ok(r.ok, JSON.stringify(r));
      }
      const decided = earlier.slice(0, 6).map((m) => m.id);
      const created = (await ingestPaths(store, seriesFiles().slice(5))).carriedOver;
      assert.ok(created >= 4, `${created} decisions carried over`);
      assert.equal(await store.lifecycle.carryOver(), 0, "a pair is carried over once");
      const later = await store.lifecycle.entityMandates({ entity: UNIDO, symbol: "A/RES/79/222" }, { limit: 100, offset: 0 });
      const inherited = later.items.flatMap((m) => m.reviews).filter((r) => r.carriedFrom);
      assert.equal(inherited.length, created);
      assert.ok(inherited.every((r) => decided.includes(r.carriedFrom!) && r.entity === UNIDO && r.updatedBy === "registry"));
      assert.ok(inherited.some((r) => r.needsConfirmation), "a reworded mandate's decision awaits confirmation");
      const audit = await store.lifecycle.audit({ mandate: inherited[0]!.mandateId }, { limit: 5, offset: 0 });
      assert.deepEqual(audit.items.map((a) => [a.action, a.via]), [["review.carry-over", "carry-over"]]);
    });

    test("a decision whose mandate a new extraction no longer finds is kept and shown as orphaned", async () => {
      const text = readFileSync(corpusFile("ods", "A_RES_79_222.en.txt"), "utf8");
      const mandate = (await store.mandates({ symbol: "79/222", actor: "UNIDO" }, { limit: 1, offset: 0 })).items[0]!;
      assert.equal(mandate.ref, "operative.7");
      const saved = await store.lifecycle.setReview(mandate.id, decision({ decision: "REMOVE", version: (await store.lifecycle.reviewsOf(mandate.id)).find((r) => r.entity === UNIDO)?.version ?? 0 }), editor);
      assert.ok(saved.ok, JSON.stringify(saved));
      const others = (await store.mandates({ symbol: "79/222" }, { limit: 100, offset: 0 })).items.filter((m) => m.id !== mandate.id).map((m) => m.id);
      // the corrected text drops paragraph 7
      const corrected = text.split("\n").filter((line) => !line.startsWith("\t7.\tEncourages")).join("\n");
      const put = await store.putDocument(await parsedText(corrected, "A_RES_79_222.en.txt"), { sha256: sha256(new TextEncoder().encode(corrected)), format: "ods", name: "corrected", byteLength: corrected.length });
      assert.equal(put.status, "updated");
      const now = (await store.mandates({ symbol: "79/222" }, { limit: 100, offset: 0 })).items.map((m) => m.id);
      assert.deepEqual(now.sort(), others.sort(), "the other mandates keep their ids");
      const orphaned = await store.lifecycle.orphanedReviews(UNIDO);
      assert.deepEqual(orphaned.map((r) => [r.mandateId, r.decision, r.mandate.ref]), [[mandate.id, "REMOVE", "operative.7"]]);
      assert.ok((await store.lifecycle.reviewsOf(mandate.id))[0]!.orphaned);
    });

    test("reports: deliveries recorded with their symbol, overdue ones listed newest first, stale deliveries refused", async () => {
      // 77/180 asked the Secretary-General for a report at the seventy-ninth session, which closed in September 2025
      const asked = (await store.mandates({ symbol: "77/180", actor: "Secretary-General", report: true }, { limit: 5, offset: 0 })).items[0]!;
      assert.equal(asked.dueSession, 79);
      const today = "2026-12-07";
      const before = await store.lifecycle.overdueReports({ entity: "Secretary-General", today, since: 79 }, { limit: 50, offset: 0 });
      assert.ok(before.items.some((o) => o.mandate.id === asked.id && o.session === 79), JSON.stringify(before.items.map((o) => [o.mandate.symbol, o.session])));
      assert.ok(before.items.every((o) => o.session >= 79 && o.session < 81));
      const sgEditor: Author = { userId: null, email: null, role: "editor", entities: ["Secretary-General"], via: "cli" };
      assert.equal((await store.lifecycle.setDelivery(asked.id, 79, { symbol: "A/79/123", note: "", version: 0 }, editor)).ok, false, "UNIDO's editor does not answer for the Secretary-General's reports");
      assert.equal((await store.lifecycle.setDelivery(asked.id, 80, { symbol: "A/79/123", note: "", version: 0 }, sgEditor)).ok, false, "no report was asked for at the eightieth");
      const delivered = await store.lifecycle.setDelivery(asked.id, 79, { symbol: "a/79/123", note: "issued in July", version: 0 }, sgEditor);
      assert.ok(delivered.ok && delivered.value.symbol === "A/79/123" && delivered.value.version === 1, JSON.stringify(delivered));
      const stale = await store.lifecycle.setDelivery(asked.id, 79, { symbol: "A/79/124", note: "", version: 0 }, sgEditor);
      assert.ok(!stale.ok && stale.status === 409);
      const after = await store.lifecycle.overdueReports({ entity: "Secretary-General", today, since: 79 }, { limit: 50, offset: 0 });
      assert.ok(!after.items.some((o) => o.mandate.id === asked.id && o.session === 79));
      const reports = (await store.lifecycle.reportsOf(asked.id, today))!;
      assert.deepEqual(reports.occurrences.find((o) => o.session === 79), { session: 79, state: "delivered", symbol: "A/79/123" });
    });

    test("a CSV import is all or nothing, and names every bad row; an entity records a mandate the registry does not hold", async () => {
      const { readDecisionCsv } = await import("../../src/model/lifecycle-import.js");
      const unido = (await store.mandates({ symbol: "75/231", actor: "UNIDO" }, { limit: 3, offset: 0 })).items;
      const sg = (await store.mandates({ symbol: "75/231", actor: "Secretary-General" }, { limit: 1, offset: 0 })).items[0]!;
      const bad = readDecisionCsv(`mandate,entity,decision\n${unido[0]!.id},UNIDO,RETAIN\n${sg.id},UNIDO,RETAIN\n${unido[1]!.id},UNIDO,REVIEW\nffffffffffffffff,UNIDO,RETAIN\n`);
      assert.deepEqual(bad.problems, []);
      const refused = await store.lifecycle.importDecisions(bad.rows, editor);
      assert.ok(!refused.ok);
      assert.deepEqual(refused.problems.map((p) => [p.code, p.message.split(":")[0]]), [["import-row", "line 3"], ["review-mandate", "line 5"]]);
      const partly = readDecisionCsv(`mandate,entity,decision\n${unido[0]!.id},UNIDO,RETAIN\n${sg.id},UNIDO,RETAIN\n${unido[1]!.id},UNIDO,REVIEW\n`);
      const forbidden = await store.lifecycle.importDecisions(partly.rows, editor);
      assert.ok(!forbidden.ok);
      assert.deepEqual(forbidden.problems.map((p) => p.message.split(":")[0]), ["line 3"]);
      assert.equal((await store.lifecycle.reviewsOf(unido[0]!.id)).length, 0, "nothing was stored");
      const good = readDecisionCsv(`mandate,entity,decision,status\n${unido[0]!.id},UNIDO,RETAIN,ongoing\n${unido[1]!.id},UNIDO,REVIEW,not started\n`);
      const saved = await store.lifecycle.importDecisions(good.rows, editor);
      assert.deepEqual(saved, { ok: true, saved: 2, unchanged: 0 });
      const audit = await store.lifecycle.audit({ mandate: unido[1]!.id }, { limit: 5, offset: 0 });
      assert.deepEqual(audit.items.map((a) => [a.via, a.user]), [["import", "editor@unido.org"]]);

      const recorded = await store.lifecycle.addUnlisted({ entity: "UNIDO", symbol: "A/RES/78/999", paragraph: "operative 4", description: "to report on the Decade" }, editor);
      assert.ok(recorded.ok, JSON.stringify(recorded));
      assert.match(recorded.value.id, /^u[0-9a-f]{16}$/);
      assert.equal((await store.lifecycle.addUnlisted({ entity: "Secretary-General", symbol: "A/RES/78/999", paragraph: "4", description: "x" }, editor)).ok, false);
      const decided = await store.lifecycle.setReview(recorded.value.id, decision({ decision: "REVIEW" }), editor);
      assert.ok(decided.ok);
      assert.deepEqual((await store.lifecycle.unlistedMandates(UNIDO)).map((m) => [m.mandate.symbol, m.mandate.ref, m.reviews[0]?.decision]), [["A/RES/78/999", "operative 4", "REVIEW"]]);
      const summary = await store.lifecycle.summary("entity", UNIDO);
      assert.equal(summary.length, 1);
      assert.ok(summary[0]!.retained >= 1 && summary[0]!.flagged >= 2 && summary[0]!.undecided > 0, JSON.stringify(summary));
      const bySeries = await store.lifecycle.summary("series");
      assert.ok(bySeries.some((r) => r.group === "Industrial development cooperation"), JSON.stringify(bySeries));
    });

    test("an upgraded registry keeps its documents and gets the ids the writer would give", async () => {
      const before = await store.mandates({}, { limit: 500, offset: 0 });
      // the registry as it stood before migration 17
      for (const sql of [
        "DROP TABLE audit_log",
        ...(factory.dialect === "postgres" ? ["DROP FUNCTION audit_log_refuse_change()"] : []),
        "DROP TABLE carried_over",
        "DROP TABLE unlisted_mandates",
        "DROP TABLE report_deliveries",
        "DROP TABLE reviews",
        "DROP TABLE web_sessions",
        "DROP TABLE api_tokens",
        "DROP TABLE user_entities",
        "DROP TABLE users",
        "DROP INDEX mandates_uid",
        "ALTER TABLE mandates DROP COLUMN uid",
        "DELETE FROM schema_migrations WHERE id BETWEEN 17 AND 20",
      ]) {
        await db.query(sql);
      }
      const notices: number[] = [];
      const reopened = await openStore(db.location, { onUpgrade: (m) => notices.push(m.id) });
      try {
        assert.deepEqual(notices, [17, 18, 19, 20]);
        const after = await reopened.mandates({}, { limit: 500, offset: 0 });
        assert.equal(after.total, before.total);
        assert.deepEqual(after.items.map((m) => m.id), before.items.map((m) => m.id));
        assert.deepEqual(await reopened.lifecycle.listUsers(), []);
      } finally {
        await reopened.close();
      }
    });
  });
}
