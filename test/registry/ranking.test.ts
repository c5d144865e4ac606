import assert from "node:assert/strict";
import { test } from "node:test";
import { readResolution } from "../../src/ingest/read.js";
import { excerpt, fold, scoreCandidates } from "../../src/registry/ranking.js";
import { parseSearch, type SearchExpression } from "../../src/registry/search-query.js";
import { readCorpus } from "../helpers/corpus.js";

/** Relevance and excerpts on the paragraphs of a real resolution. */

const expression = (query: string): SearchExpression => {
  const parsed = parseSearch(query);
  assert.ok(parsed.ok && parsed.expression);
  return parsed.expression;
};

async function paragraphs(): Promise<string[]> {
  const parsed = await readResolution(readCorpus("seeds", "A_RES_69_235.en.txt"), { name: "A_RES_69_235.en.txt" });
  assert.ok(parsed.ok);
  return [...parsed.document.preamble, ...parsed.document.operative].map((p) => p.text);
}

test("folding makes the forms of a word one key", () => {
  for (const [a, b] of [["policies", "policy"], ["developing", "development"], ["States", "state"], ["refugees", "refugee"], ["nations", "nation"]]) {
    assert.equal(fold(a!), fold(b!), `${a} ~ ${b}`);
  }
  assert.notEqual(fold("national"), fold("nations"));
});

test("among the paragraphs the index matched, more and rarer query words score higher", async () => {
  const all = await paragraphs();
  const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
  // candidates as the index hands them over: every one holds the words
  const candidates = all.filter((t) => /industrial/i.test(t));
  const single = scoreCandidates(expression("industrial"), candidates, { paragraphs: 1000, documentFrequency: new Map() });
  const mostMentions = Math.max(...candidates.map((t) => count(t, /industrial/gi)));
  const best = candidates[single.indexOf(Math.max(...single))]!;
  assert.ok(count(best, /industrial/gi) >= 2 && mostMentions >= 2, best);

  const both = all.filter((t) => /industrial/i.test(t) && /polic/i.test(t));
  assert.ok(both.length >= 2);
  const query = expression("industrial policies");
  const rare = scoreCandidates(query, both, { paragraphs: 1000, documentFrequency: new Map([["industrial", 400], ["policies", 40]]) });
  const common = scoreCandidates(query, both, { paragraphs: 1000, documentFrequency: new Map([["industrial", 400], ["policies", 400]]) });
  both.forEach((_, i) => assert.ok(common[i]! < rare[i]!, "a commoner word weighs less"));
});

test("an excerpt marks the query's words, escapes the text and cuts it to the best passage", async () => {
  const texts = await paragraphs();
  const long = texts.find((t) => t.split(/\s+/).length > 80 && /South-South/.test(t));
  assert.ok(long, "a long paragraph mentioning South-South cooperation");
  const cut = excerpt(long, expression('"South-South cooperation"'));
  assert.match(cut, /<mark>South-South cooperation<\/mark>/);
  assert.ok(cut.split(/\s+/).length <= 45);
  assert.ok(cut.startsWith("…") || cut.endsWith("…"));
  assert.equal(excerpt("A <b> & C", null), "A &lt;b&gt; &amp; C");
  assert.equal(excerpt("Requests the Secretary-General to report", expression("report*")), "Requests the Secretary-General to <mark>report</mark>");
});
