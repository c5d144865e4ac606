import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSearch, type SearchExpression, wordsOf } from "../../src/registry/search-query.js";
import { expandPrefixes, newWords, prefixesOf, prefixRange, unaccented, WordSet } from "../../src/registry/search-words.js";

const parsed = (query: string): SearchExpression => {
  const result = parseSearch(query);
  assert.ok(result.ok && result.expression);
  return result.expression;
};

test("a text's words are read as the search box reads them, once each", () => {
  assert.deepEqual(newWords(["Requests the Secretary-General", "the ﬁnancial Secretary"]), ["requests", "the", "secretary", "general", "financial"]);
  assert.equal(unaccented("développement"), "developpement");
  const tricky = ["Ｕｎｉｔｅｄ 2030 Agenda’s Côte d’Ivoire Россия 联合国 \u{10428}\u{10429} 🙂 x", `${"a".repeat(70)} ${"a".repeat(64)}b`];
  assert.deepEqual(newWords(tricky), [...new Set(tricky.flatMap(wordsOf))]);
});

test("words already seen are not handed over again", () => {
  const seen = new WordSet();
  assert.deepEqual(newWords(["Calls upon Member States"], seen), ["calls", "upon", "member", "states"]);
  assert.deepEqual(newWords(["Member States and the Secretary-General", "calls upon"], seen), ["and", "the", "secretary", "general"]);
  assert.equal(seen.size, 8);
  // past the table's first size, every word is still told apart
  const many = Array.from({ length: 50_000 }, (_, i) => `w${i.toString(36)}`);
  assert.equal(newWords([many.join(" ")], seen).length, 50_000);
  assert.equal(newWords([many.join(" ")], seen).length, 0);
});

test("a prefix's range holds exactly the words that begin with it, in code point order", () => {
  assert.deepEqual(prefixRange("sustainab"), { from: "sustainab", to: "sustainac" });
  assert.deepEqual(prefixRange("dévelop"), { from: "develop", to: "develoq" });
  // a letter beyond the Basic Multilingual Plane is raised as one code point, not as half of a surrogate pair
  const { from, to } = prefixRange("z\u{10428}");
  assert.equal(to, `z${String.fromCodePoint(0x10429)}`);
  for (const word of ["sustainable", "sustainability", "sustainab"]) assert.ok(word >= "sustainab" && word < "sustainac");
  assert.ok(from < to);
});

test("a prefix becomes its words: alternatives where it was wanted, exclusions where it was excluded", () => {
  const expression = parsed("industri* OR trade cooperation -sustainab* -communit*");
  assert.deepEqual(prefixesOf(expression), ["industri", "sustainab", "communit"]);
  const word = (w: string) => ({ type: "word", word: w, prefix: false }) as const;
  const prefix = (w: string) => ({ type: "word", word: w, prefix: true }) as const;
  const expanded = expandPrefixes(expression, new Map([["industri", [word("industrial"), word("industry")]], ["sustainab", [prefix("sustainab"), word("sustainable")]]]));
  assert.deepEqual(expanded.all, [[word("industrial"), word("industry"), word("trade")], [word("cooperation")]]);
  // a prefix without an expansion (none found, or too many) is left for the engine
  assert.deepEqual(expanded.none, [prefix("sustainab"), word("sustainable"), prefix("communit")]);
});
