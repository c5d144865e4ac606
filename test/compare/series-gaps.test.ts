import { test } from "node:test";
import assert from "node:assert/strict";
import { seriesGaps } from "../../src/compare/series-gaps.js";
import { industrialDevelopment, security } from "./helpers.js";

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
