import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { readResolution } from "../../src/ingest/read.js";
import { symbolFromFileName, symbolFromInput } from "../../src/model/symbols.js";
import { CORPUS, unpackedCorpus } from "../helpers/corpus.js";

/**
 * Every file of ../shared/corpus, archives unpacked (about 9,000), is read without a crash:
 * a document, or errors that name the problem. Texts rendered from the UN's own markup, and
 * the seeds, must all be documents. Every document's symbol is printed as user input finds it
 * again, and the symbol a text names is the one its file's name gives, but where the corpus
 * misnamed a file (three of the Security Council's, one Russian AKN file).
 */
function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(txt|pdf|xml|json)$/.test(name)) out.push(path);
  }
  return out;
}

test("every corpus file gives a document or a named error", { timeout: 600_000 }, async (t) => {
  const unpacked = unpackedCorpus();
  const files = [...walk(CORPUS).filter((f) => !f.includes("/metadata/")), ...walk(unpacked)];
  assert.ok(files.length > 8000, `only ${files.length} files found`);
  const byFolder = new Map<string, { ok: number; failed: number }>();
  const failures: string[] = [];
  const misnamed: string[] = [];
  for (const file of files) {
    const folder = relative(file.startsWith(unpacked) ? unpacked : CORPUS, file).split("/").slice(0, -1).join("/");
    const tally = byFolder.get(folder) ?? { ok: 0, failed: 0 };
    byFolder.set(folder, tally);
    const parsed = await readResolution(new Uint8Array(readFileSync(file)), { name: file });
    if (parsed.ok) {
      tally.ok++;
      assert.ok(parsed.document.preamble.length + parsed.document.operative.length > 0, `${file}: a document without paragraphs`);
      const symbol = parsed.document.meta.symbol;
      if (symbol) {
        assert.equal(symbolFromInput(symbol), symbol, `${file}: ${symbol} is not printed as user input gives it`);
        assert.equal(symbolFromInput(symbol.toLowerCase()), symbol, `${file}: ${symbol} in lower case`);
      }
      if (symbol !== symbolFromFileName(file)) misnamed.push(`${folder}: ${symbol} in ${file}`);
      continue;
    }
    tally.failed++;
    assert.ok(parsed.problems.length > 0, `${file}: failed without a problem`);
    for (const p of parsed.problems) {
      assert.ok(p.code && p.message.length > 10, `${file}: unclear problem ${JSON.stringify(p)}`);
    }
    failures.push(`${relative(CORPUS, file)}: ${parsed.problems.map((p) => p.message).join("; ")}`);
  }
  for (const [folder, n] of [...byFolder].sort()) t.diagnostic(`${folder}: ${n.ok} documents, ${n.failed} errors`);
  for (const f of failures.slice(0, 20)) t.diagnostic(f);
  for (const m of misnamed) t.diagnostic(`the text names another symbol than its file: ${m}`);
  assert.ok(misnamed.length < 10, `${misnamed.length} files named after another symbol than their text's`);
  for (const strict of ["seeds", "ods"]) {
    assert.equal(byFolder.get(strict)?.failed, 0, `${strict}: every text is a resolution`);
  }
});
