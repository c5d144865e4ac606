import { test } from "node:test";
import assert from "node:assert/strict";
import { groupSeries, seriesCandidate, seriesOfDocuments, titleKey } from "../../src/compare/series-groups.js";
import type { Resolution } from "../../src/model/types.js";
import { corpusResolution, eosg, industrialDevelopment, ods, security, unmis } from "./helpers.js";

const symbols = (docs: readonly { symbol: string }[]) => docs.map((d) => d.symbol);

test("by title: Industrial development cooperation and Question of Saint Helena, shuffled, each oldest first", async () => {
  const docs = await industrialDevelopment();
  const shuffled = [docs[3]!, await ods("76/100"), docs[0]!, docs[4]!, docs[2]!, await ods("77/144"), docs[1]!];
  const series = groupSeries(shuffled.map(seriesCandidate));
  assert.deepEqual(
    series.map((s) => [s.key, s.title, symbols(s.members)]),
    [
      ["GA:en:industrial-development-cooperation", "Industrial development cooperation", ["A/RES/63/231", "A/RES/69/235", "A/RES/75/231", "A/RES/77/180", "A/RES/79/222"]],
      ["GA:en:question-of-saint-helena", "Question of Saint Helena", ["A/RES/76/100", "A/RES/77/144"]],
    ],
  );
  assert.equal(titleKey("Industrial  development\u00a0co-operation."), "industrial development cooperation");
  // ECOSOC's and the early Assembly's headings print the number before the title
  assert.equal(titleKey("2024/7. Report of the Committee for Development Policy"), titleKey("Report of the Committee for Development Policy"));
  assert.equal(titleKey("2601 (XXIV). International co-operation in the peaceful uses of outer space"), "international cooperation in the peaceful uses of outer space");
});

test("one body, one language: the same title in another language or by another organ is another series", async () => {
  const english = await ods("79/222");
  const french = { ...english, meta: { ...english.meta, language: "fr" as const } };
  const council = { ...english, meta: { ...english.meta, body: "HRC" as const, symbol: "A/HRC/RES/79/222" } };
  const series = groupSeries([english, french, council, await ods("77/180")].map(seriesCandidate));
  assert.deepEqual(series.map((s) => symbols(s.members)), [["A/RES/77/180", "A/RES/79/222"]]);
});

test("by what they renew: the UNDOF renewals without titles, from 350 (1974) to 2766 (2024), one series in order; UNIFIL apart", async () => {
  const undof = [
    ["363", 1974], ["420", 1977], ["350", 1974], ["456", 1979], ["756", 1992], ["369", 1975], ["381", 1975],
  ] as const;
  const docs: Resolution[] = [];
  for (const [number, year] of undof) docs.push(await security(number, year));
  docs.push(await eosg("S_RES_2766(2024)"), await security("444", 1979), await security("483", 1980), await security("338", 1973));
  const { series, alone } = seriesOfDocuments(docs);
  assert.deepEqual(
    series.map((s) => [s.key, s.title, s.members.map((m) => m.document.meta.symbol)]),
    [
      [
        "SC:en:united-nations-disengagement-observer-force-undof",
        "United Nations Disengagement Observer Force (UNDOF)",
        ["S/RES/350 (1974)", "S/RES/363 (1974)", "S/RES/369 (1975)", "S/RES/381 (1975)", "S/RES/420 (1977)", "S/RES/456 (1979)", "S/RES/756 (1992)", "S/RES/2766 (2024)"],
      ],
      ["SC:en:united-nations-interim-force-in-lebanon", "United Nations Interim Force in Lebanon", ["S/RES/444 (1979)", "S/RES/483 (1980)"]],
    ],
  );
  // 338 (1973), which every UNDOF renewal calls upon the parties to implement, renews nothing
  assert.deepEqual(alone.map((d) => d.meta.symbol), ["S/RES/338 (1973)"]);
});

test("by what they renew: UNMIS, established by name and renewed by abbreviation; UNFICYP renewals citing the resolution that established it", async () => {
  const docs: Resolution[] = [];
  for (const [number, year] of [["1812", 2008], ["1590", 2005], ["1663", 2006], ["1709", 2006], ["1919", 2010]] as const) docs.push(await unmis(number, year));
  for (const [number, year] of [["364", 1974], ["192", 1964], ["383", 1975]] as const) docs.push(await security(number, year));
  const series = groupSeries(docs.map(seriesCandidate));
  assert.deepEqual(
    series.map((s) => [s.title, symbols(s.members)]),
    [
      ["United Nations Mission in Sudan (UNMIS)", ["S/RES/1590 (2005)", "S/RES/1663 (2006)", "S/RES/1709 (2006)", "S/RES/1812 (2008)"]],
      ["United Nations Peace-keeping Force in Cyprus", ["S/RES/192 (1964)", "S/RES/364 (1974)", "S/RES/383 (1975)"]],
    ],
  );
});

test("a description with the resolution that sets it out: the Libya panel's renewals join, the DPRK's and South Sudan's stay apart", async () => {
  const docs: Resolution[] = [];
  for (const name of ["S_RES_2769(2025)", "S_RES_2680(2023)", "S_RES_2644(2022)", "S_RES_2627(2022)", "S_RES_2731(2024)"]) docs.push(await eosg(name));
  const series = groupSeries(docs.map(seriesCandidate));
  assert.deepEqual(
    series.map((s) => [s.title, symbols(s.members)]),
    [
      ["Panel of Experts (S/RES/1874 (2009))", ["S/RES/2627 (2022)", "S/RES/2680 (2023)"]],
      ["Panel of Experts (S/RES/1973 (2011))", ["S/RES/2644 (2022)", "S/RES/2769 (2025)"]],
    ],
  );
});

test("Human Rights Council: the Commission on Human Rights in South Sudan renewed under two titles is one series, ordered by session", async () => {
  const docs: Resolution[] = [];
  for (const name of ["A_HRC_RES_55_1", "A_HRC_RES_43_27", "A_HRC_RES_52_1", "A_HRC_RES_46_23"]) docs.push(await eosg(name));
  // the Council's files give no session: the symbol does
  assert.ok(docs.every((d) => d.meta.session === null));
  const series = groupSeries(docs.map(seriesCandidate));
  assert.deepEqual(
    series.map((s) => [s.title, symbols(s.members)]),
    [["Advancing human rights in South Sudan", ["A/HRC/RES/43/27", "A/HRC/RES/46/23", "A/HRC/RES/52/1", "A/HRC/RES/55/1"]]],
  );
});

test("a resolution given twice (two renditions) is one version; a document in no series stands alone once", async () => {
  const text = await ods("79/222");
  const akn = await corpusResolution("seeds", "A_RES_63_231.en.txt");
  const { series, alone } = seriesOfDocuments([text, akn, { ...text }, await ods("76/100"), await ods("76/100")]);
  assert.deepEqual(series.map((s) => s.members.map((m) => m.document.meta.symbol)), [["A/RES/63/231", "A/RES/79/222"]]);
  assert.deepEqual(alone.map((d) => d.meta.symbol), ["A/RES/76/100"]);
  assert.deepEqual(seriesOfDocuments([]), { series: [], alone: [] });
});
