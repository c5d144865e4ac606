import { test } from "node:test";
import assert from "node:assert/strict";
import { readResolution } from "../../src/ingest/read.js";
import { readCorpus } from "../helpers/corpus.js";
import type { Parsed } from "../../src/model/types.js";

/**
 * Bad input gets a clear error naming the problem, or a partial result with warnings; never a
 * crash or a hang. The `timeout` options guard against hangs only; speed is measured in bench/.
 */
const seed = readCorpus("seeds", "A_RES_63_231.en.txt");
const seedText = new TextDecoder().decode(seed);
const HANG_GUARD = { timeout: 20_000 };

function errorCodes(parsed: Parsed): string[] {
  assert.equal(parsed.ok, false, "expected an error");
  return parsed.ok ? [] : parsed.problems.map((p) => p.code);
}

function warningCodes(parsed: Parsed): string[] {
  assert.ok(parsed.ok, `expected a document, got ${parsed.ok ? "" : JSON.stringify(parsed.problems)}`);
  return parsed.ok ? parsed.document.problems.map((p) => p.code) : [];
}

test("an empty file, or one of white space, is an error saying so", async () => {
  assert.deepEqual(errorCodes(await readResolution(new Uint8Array(), { name: "empty.txt" })), ["empty"]);
  assert.deepEqual(errorCodes(await readResolution(new TextEncoder().encode(" \n\t\n"), { name: "blank.txt" })), ["empty"]);
});

test("binary bytes are refused as binary", async () => {
  const bytes = new Uint8Array(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  assert.deepEqual(errorCodes(await readResolution(bytes, { name: "random.bin" })), ["binary"]);
});

test("a text that is not a resolution is an error naming why", async () => {
  const parsed = await readResolution(new TextEncoder().encode("Minutes of the staff picnic.\n\nWe had sandwiches.\n"), { name: "picnic.txt" });
  const codes = errorCodes(parsed);
  assert.deepEqual(codes, ["not-a-resolution"]);
  assert.ok(!parsed.ok && /not a resolution/.test(parsed.problems[0]!.message));
});

test("a truncated resolution gives the part that is there, with a warning", async () => {
  const cut = seedText.slice(0, seedText.indexOf("\t12.\t"));
  const parsed = await readResolution(new TextEncoder().encode(cut), { name: "cut.txt" });
  const warnings = warningCodes(parsed);
  assert.ok(parsed.ok);
  assert.equal(parsed.document.operative.length, 11);
  assert.equal(parsed.document.meta.symbol, "A/RES/63/231");
  assert.ok(warnings.includes("no-closing"), warnings.join());
});

test("Latin-1 text is read as Windows-1252 with a warning, and parses the same", async () => {
  // the seed is ASCII but for its quotes; re-encode a version with accented letters
  const text = seedText.replace("Industrial development cooperation", "Coopération pour le développement industriel");
  const latin1 = new Uint8Array([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63)));
  const parsed = await readResolution(latin1, { name: "latin1.txt" });
  assert.ok(warningCodes(parsed).includes("encoding-latin1"));
  assert.ok(parsed.ok);
  assert.equal(parsed.document.meta.title, "Coopération pour le développement industriel");
  assert.equal(parsed.document.operative.length, 20);
});

function utf16le(text: string, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  let i = 0;
  if (bom) {
    out[i++] = 0xff;
    out[i++] = 0xfe;
  }
  for (const unit of text.split("").map((c) => c.charCodeAt(0))) {
    out[i++] = unit & 0xff;
    out[i++] = unit >> 8;
  }
  return out;
}

test("UTF-16 text, with or without a byte-order mark, parses like UTF-8", async () => {
  for (const bom of [true, false]) {
    const parsed = await readResolution(utf16le(seedText, bom), { name: "utf16.txt" });
    assert.ok(parsed.ok, `bom=${bom}`);
    assert.equal(parsed.document.meta.symbol, "A/RES/63/231");
    assert.equal(parsed.document.preamble.length, 9);
    assert.equal(parsed.document.footnotes.length, 6);
  }
});

test("a 50 MB file is refused as too large without being parsed", HANG_GUARD, async () => {
  const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
  assert.deepEqual(errorCodes(await readResolution(big, { name: "big.txt" })), ["too-large"]);
});

test("a line of 1 MB is parsed, linearly", HANG_GUARD, async () => {
  const filler = " and the United Nations Industrial Development Organization4".repeat(17_500);
  const text = seedText.replace("\t20.\tRequests the Secretary-General", `\t20.\tRequests${filler} the Secretary-General`);
  assert.ok(text.length > 1_000_000);
  const parsed = await readResolution(new TextEncoder().encode(text), { name: "long-line.txt" });
  assert.ok(parsed.ok);
  assert.equal(parsed.document.operative.length, 20);
  assert.ok(parsed.document.operative[19]!.text.length > 1_000_000);
});

test("pathological call-out and heading patterns do not backtrack", HANG_GUARD, async () => {
  const lines = ["[DU1]", "Resolution adopted by the General Assembly on 19 December 2008", "[on the report of the " + "(".repeat(100_000),
    "63/231.\t" + "1".repeat(200_000), "\tThe General Assembly,", "\tRecalling " + "9,".repeat(200_000), "\t1.\tRequests " + "(a)".repeat(100_000)];
  const parsed = await readResolution(new TextEncoder().encode(lines.join("\n")), { name: "evil.txt" });
  assert.ok(parsed.ok);
  assert.equal(parsed.document.operative.length, 1);
});
