import assert from "node:assert/strict";
import { test } from "node:test";
import { readResolution } from "../../src/ingest/read.js";
import { excerpt, fold, scoreCandidates, stemsOf, termFinder } from "../../src/registry/ranking.js";
import { parseSearch, type SearchExpression, type SearchTerm } from "../../src/registry/search-query.js";
import { readCorpus, unpackedCorpus } from "../helpers/corpus.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Relevance and excerpts on the paragraphs of a real resolution. */

const expression = (query: string): SearchExpression => {
  const parsed = parseSearch(query);
  assert.ok(parsed.ok && parsed.expression);
  return parsed.expression;
};

const whole = (text: string) => ({ text, length: text.length });

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
  const single = scoreCandidates(expression("industrial"), candidates.map(whole), { paragraphs: 1000, documentFrequency: new Map() });
  const mostMentions = Math.max(...candidates.map((t) => count(t, /industrial/gi)));
  const best = candidates[single.indexOf(Math.max(...single))]!;
  assert.ok(count(best, /industrial/gi) >= 2 && mostMentions >= 2, best);

  const both = all.filter((t) => /industrial/i.test(t) && /polic/i.test(t));
  assert.ok(both.length >= 2);
  const query = expression("industrial policies");
  const rare = scoreCandidates(query, both.map(whole), { paragraphs: 1000, documentFrequency: new Map([["industrial", 400], ["policies", 40]]) });
  const common = scoreCandidates(query, both.map(whole), { paragraphs: 1000, documentFrequency: new Map([["industrial", 400], ["policies", 400]]) });
  both.forEach((_, i) => assert.ok(common[i]! < rare[i]!, "a commoner word weighs less"));
});

test("a candidate is scored on its opening and normalised by its whole length", () => {
  const opening = "Calls upon the international community to support industrial development";
  const [short, long] = scoreCandidates(expression("industrial"), [{ text: opening, length: opening.length }, { text: opening, length: 20_000 }], {
    paragraphs: 1000,
    documentFrequency: new Map(),
  });
  assert.ok(short! > long!, "the same opening in a longer paragraph weighs less");
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
  // a word near the end: the passage is the last 40 words, cut before only
  const closing = long.match(/[\p{L}\p{N}]+/gu)!.slice(-4, -1).join(" ");
  const tail = excerpt(long, expression(`"${closing}"`));
  assert.ok(tail.startsWith("…") && !tail.endsWith("…"), tail);
  assert.equal(tail.replace(/<\/?mark>/g, "").match(/[\p{L}\p{N}]+/gu)!.length, 40);
  assert.ok(long.endsWith(tail.slice(1).replace(/<\/?mark>/g, "")), tail);
  assert.equal(excerpt("Requests the Secretary-General to report", expression("report*")), "Requests the Secretary-General to <mark>report</mark>");
});

/** The definition of an occurrence as one regular expression: slow, and plain to read. */
function termPattern(term: SearchTerm): RegExp {
  const body = stemsOf(term).map((w) => `${w}[\\p{L}\\p{N}]*`).join("[^\\p{L}\\p{N}]+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}`, "giu");
}

test("the fast finder of a term finds what the pattern matches, at the same offsets, in the six languages", async () => {
  const languages = ["en", "fr", "es", "ru", "ar", "zh"] as const;
  let compared = 0;
  for (const language of languages) {
    const file = join(unpackedCorpus(), "akn", language, `A_RES_79_222.${language}.xml`);
    const parsed = await readResolution(new Uint8Array(readFileSync(file)), { name: file });
    assert.ok(parsed.ok, file);
    const texts = [...parsed.document.preamble, ...parsed.document.operative, ...parsed.document.footnotes].map((p) => p.text);
    // terms as a searcher would type them: words of the texts, their beginnings, runs of two and three
    const words = [...new Set(texts.join(" ").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
    const terms: SearchTerm[] = [];
    words.forEach((word, i) => {
      if (i % 7 === 0) terms.push({ type: "word", word, prefix: false });
      if (i % 11 === 0) terms.push({ type: "word", word: word.slice(0, 3), prefix: true });
    });
    for (const text of texts.slice(0, 40)) {
      const run = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (run.length >= 5) terms.push({ type: "phrase", words: run.slice(2, 4) }, { type: "phrase", words: run.slice(1, 4) });
    }
    for (const term of terms) {
      const pattern = termPattern(term);
      const find = termFinder(term);
      for (const text of texts) {
        const expected = [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
        const spans: number[][] = [];
        assert.equal(find(text, (start, end) => spans.push([start, end])), expected.length);
        assert.deepEqual(spans, expected, `${language} ${JSON.stringify(term)} in "${text.slice(0, 60)}"`);
        compared += expected.length;
      }
    }
  }
  assert.ok(compared > 5000, `${compared} occurrences compared`);
});
