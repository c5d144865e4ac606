import { test } from "node:test";
import assert from "node:assert/strict";
import { seriesGaps } from "../../src/compare/series-gaps.js";
import { recallsOwnResolutions } from "../../src/compare/series-groups.js";
import { eosg, industrialDevelopment, security } from "./helpers.js";

test("Industrial development cooperation: the versions its recalling paragraphs name beside another member, less those held", async () => {
  const docs = await industrialDevelopment();
  const gaps = seriesGaps(docs, () => false);
  const symbols = gaps.map((g) => g.symbol);
  for (const gap of ["A/RES/65/175", "A/RES/67/225", "A/RES/71/242", "A/RES/73/247"]) assert.ok(symbols.includes(gap), gap);
  assert.ok(!symbols.some((s) => docs.some((d) => d.meta.symbol === s)), "a member is no gap");
  assert.deepEqual(gaps.map((g) => g.session), [...gaps.map((g) => g.session)].sort((a, b) => a! - b!), "in session order");
  assert.ok(gaps.find((g) => g.symbol === "A/RES/71/242")!.namedBy.includes("A/RES/79/222"));
  // what the caller holds is no gap
  assert.ok(!seriesGaps(docs, (s) => s === "A/RES/73/247").some((g) => g.symbol === "A/RES/73/247"));
});

test("UNIFIL: the Council's own resolutions its renewals recall, in the order it adopted them", async () => {
  const docs = [await security("444", 1979), await security("450", 1979), await security("459", 1979), await security("474", 1980)];
  // 444 recalls 425-434 (1978) but no other member; 459 and 474 recall them beside 444 and 450
  assert.deepEqual(
    seriesGaps(docs, () => false).map((g) => [g.symbol, g.session, g.namedBy]),
    [
      ["S/RES/425 (1978)", null, ["S/RES/459 (1979)", "S/RES/474 (1980)"]],
      ["S/RES/426 (1978)", null, ["S/RES/459 (1979)", "S/RES/474 (1980)"]],
      ["S/RES/427 (1978)", null, ["S/RES/459 (1979)", "S/RES/474 (1980)"]],
      ["S/RES/434 (1978)", null, ["S/RES/459 (1979)", "S/RES/474 (1980)"]],
      ["S/RES/467 (1980)", null, ["S/RES/474 (1980)"]],
    ],
  );
});

test("Human Rights Council: the South Sudan renewals recall the Council's resolutions by its name; the lineage before them is named, in session order", async () => {
  const docs = [];
  for (const name of ["A_HRC_RES_43_27", "A_HRC_RES_46_23", "A_HRC_RES_52_1", "A_HRC_RES_55_1"]) docs.push(await eosg(name));
  // 46/23 names 43/27 beside the resolutions that established and renewed the Commission; the
  // special session's S-26/1 is not numbered as the series is
  assert.deepEqual(
    seriesGaps(docs, () => false).map((g) => [g.symbol, g.session, g.namedBy]),
    [
      ["A/HRC/RES/31/20", 31, ["A/HRC/RES/46/23"]],
      ["A/HRC/RES/34/25", 34, ["A/HRC/RES/46/23"]],
      ["A/HRC/RES/37/31", 37, ["A/HRC/RES/46/23"]],
      ["A/HRC/RES/40/19", 40, ["A/HRC/RES/46/23"]],
    ],
  );
  // another body's resolutions, named by the Council, are not its own
  const others = docs[2]!.preamble.find((p) => /^Recalling all previous General Assembly and Security Council resolutions/.test(p.text));
  assert.ok(others, "52/1 recalls the other organs' resolutions");
  assert.equal(recallsOwnResolutions(others.text, "HRC"), false);
  assert.equal(recallsOwnResolutions(others.text, "SC"), true, "as the Security Council would write it of its own");
});
