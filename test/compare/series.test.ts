import { test } from "node:test";
import assert from "node:assert/strict";
import { type ParagraphLife, type SeriesView, seriesView } from "../../src/compare/series.js";
import type { Resolution } from "../../src/model/types.js";
import { industrialDevelopment, ods } from "./helpers.js";

/** The operative life holding `paragraph` in version `version`. */
function lifeOf(view: SeriesView, version: number, paragraph: string): ParagraphLife {
  const life = view.paragraphs.find((l) => l.kind === "operative" && l.states.some((s) => s.version === version && s.paragraph === paragraph));
  assert.ok(life, `a life holds ${paragraph} of version ${version}`);
  return life;
}

test("series view of Industrial development cooperation, 63/231 to 79/222: paragraph lives", async () => {
  const view = seriesView(await industrialDevelopment());
  assert.deepEqual(view.versions.map((v) => v.session), [63, 69, 75, 77, 79]);

  // The report request lives through every version, renumbered each time.
  const report = lifeOf(view, 0, "operative.20");
  assert.deepEqual(report.states.map((s) => s.paragraph), ["operative.20", "operative.31", "operative.41", "operative.45", "operative.54"]);
  assert.deepEqual(report.states.map((s) => s.change), ["initial", "edited", "edited", "edited", "edited"]);
  assert.equal(report.dropped, null);

  // The 2008 food crisis (op. 11) ends with 63/231.
  const food = lifeOf(view, 0, "operative.11");
  assert.equal(food.dropped, 1);
  assert.equal(food.states.length, 1);

  // SMEs and product standards (63/231 op. 13) live on as the "continue to assist developing countries" paragraph.
  const assist = lifeOf(view, 0, "operative.13");
  assert.deepEqual(assist.states.map((s) => s.paragraph), ["operative.13", "operative.23", "operative.29", "operative.29", "operative.34"]);

  // "Also recognizes that inclusive and sustainable industrial development can play a crucial role ..."
  // appears in 69/235 as op. 9 and moves up to op. 6 in 75/231.
  const crucialRole = lifeOf(view, 1, "operative.9");
  assert.equal(crucialRole.appeared, 1);
  assert.deepEqual(crucialRole.states.map((s) => [s.paragraph, s.change]), [
    ["operative.9", "added"],
    ["operative.6", "moved"],
    ["operative.6", "unchanged"],
    ["operative.6", "unchanged"],
  ]);

  // In 79/222 the cleaner-production paragraph (63/231 op. 15) continues as op. 37; op. 36 split from it.
  const cleaner = lifeOf(view, 0, "operative.15");
  assert.equal(cleaner.states.at(-1)!.paragraph, "operative.37");
  const splitPart = lifeOf(view, 4, "operative.36");
  assert.equal(splitPart.splitFrom, cleaner.id);
  assert.equal(splitPart.appeared, 4);

  // Every paragraph of every version belongs to exactly one life.
  const docs = await industrialDevelopment();
  docs.forEach((doc, v) => {
    for (const [kind, count] of [["preambular", doc.preamble.length], ["operative", doc.operative.length]] as const) {
      const held = view.paragraphs.filter((l) => l.kind === kind).flatMap((l) => l.states.filter((s) => s.version === v));
      assert.equal(held.length, count, `${kind} paragraphs of version ${v}`);
      assert.equal(new Set(held.map((s) => s.paragraph)).size, count);
    }
  });
});

test("series view: the life of the report mandate and of mandates that came and went", async () => {
  const view = seriesView(await industrialDevelopment());
  const report = view.mandates.find((m) => m.states[0]!.mandate.in === "operative.20" && m.appeared === 0);
  assert.ok(report, "the Secretary-General's report mandate of 63/231");
  assert.equal(report.actor, "Secretary-General");
  assert.deepEqual(report.states.map((s) => s.mandate.dueSession), [65, 71, 77, 79, 81]);
  assert.deepEqual(report.states.map((s) => s.status), ["initial", "changed", "changed", "changed", "changed"]);
  // Only the session changes: the same request renewed five times.
  assert.equal(report.longestVerbatimRun, 5);
  // "Calls upon UNIDO to take appropriate actions for the full implementation of resolution 62/208" is gone in 69/235.
  const dropped = view.mandates.find((m) => m.appeared === 0 && m.states[0]!.mandate.in === "operative.10");
  assert.equal(dropped?.dropped, 1);
});

test("series view of one version and of none", async () => {
  const one = seriesView([await ods("79/222")]);
  assert.ok(one.paragraphs.every((l) => l.states.length === 1 && l.states[0]!.change === "initial" && l.dropped === null));
  assert.deepEqual(seriesView([]), { title: "", versions: [], paragraphs: [], mandates: [] });
});
