import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import { findDuplication } from "../../src/compare/duplicates.js";
import { groupSeries } from "../../src/compare/series-groups.js";
import { corpusFolders } from "../../src/cli/serve.js";
import { allDocuments } from "../../src/registry/all-documents.js";
import { collectFiles, ingestPaths, sha256 } from "../../src/registry/ingest.js";
import { openStore } from "../../src/registry/open.js";
import type { SeriesRecord, Store, VersionInfo } from "../../src/registry/store.js";
import { CORPUS, unpackedCorpus } from "../helpers/corpus.js";
import type { CandidateResult } from "./series-candidates-worker.js";

/**
 * The acceptance test of the one series rule, over the whole corpus: the series found from the
 * files (each document's current file, read as `mandates series FILES...` reads it) and the
 * series the registry lists are the same groups, members in the same order, and the duplication
 * report scans the same series.
 */

const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL("./series-candidates-worker.ts", import.meta.url).href)}); });`;

/** Series candidates of the files, read in two worker threads (the machine has two cores). */
async function candidatesOf(files: string[]): Promise<CandidateResult[]> {
  const chunks = [0, 1].map((w) => files.filter((_, i) => i % 2 === w));
  const parts = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<CandidateResult[]>((resolve, reject) => {
          const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { files: chunk } });
          worker.once("message", resolve);
          worker.once("error", reject);
        }),
    ),
  );
  return parts.flat();
}

/** Every series the registry holds, found from each of its documents, in key order. */
async function registrySeries(store: Store, documents: { symbol: string; language: string }[]): Promise<SeriesRecord[]> {
  const byKey = new Map<string, SeriesRecord>();
  for (const d of documents) {
    for (const s of await store.series(d.symbol, { language: d.language as SeriesRecord["language"] })) byKey.set(s.key, s);
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

test("the whole corpus: the same series from the files and from the registry, and the duplication report scans them", { timeout: 3_600_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "series-corpus-"));
  const store = await openStore(join(dir, "registry.db"));
  try {
    const folders = corpusFolders(CORPUS, unpackedCorpus()).filter((f) => existsSync(f));
    const summary = await ingestPaths(store, folders);
    assert.ok(summary.added > 5000, `the corpus loaded (${summary.added} documents)`);

    // A version names its file without folders: the file is found again among those loaded, by
    // its name, or by its content where two folders hold a file of that name.
    const byName = new Map<string, string[]>();
    for (const file of (await collectFiles(folders)).files) byName.set(basename(file), [...(byName.get(basename(file)) ?? []), file]);
    const fileOf = (version: VersionInfo): string | undefined => {
      const named = byName.get(version.sourceName ?? "") ?? [];
      return named.length === 1 ? named[0] : named.find((f) => sha256(new Uint8Array(readFileSync(f))) === version.sha256);
    };

    // Each document's current version, and the file it was read from.
    const documents: { symbol: string; language: string; file: string }[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await store.listDocuments({}, { limit: 500, offset });
      for (const item of page.items) {
        const stored = await store.getDocument(item.symbol, { language: item.language });
        const current = stored?.versions.find((v) => v.current);
        const file = current && fileOf(current);
        assert.ok(file, `${item.symbol} (${item.language}) has its file (${current?.sourceName})`);
        documents.push({ symbol: item.symbol, language: item.language, file });
      }
      if (page.items.length < 500) break;
    }

    const fromFiles = groupSeries((await candidatesOf(documents.map((d) => d.file))).map((r) => r.candidate!));
    const fromRegistry = await registrySeries(store, documents);
    t.diagnostic(`${documents.length} documents; ${fromRegistry.length} series, ${fromRegistry.reduce((n, s) => n + s.members.length, 0)} members`);
    assert.deepEqual(
      fromFiles.map((s) => `${s.key} | ${s.title} | ${s.members.map((m) => m.symbol).join(", ")}`),
      fromRegistry.map((s) => `${s.key} | ${s.title} | ${s.members.map((m) => m.symbol).join(", ")}`),
    );
    // Renewals without titles are among them: the UNDOF mandate from 350 (1974) to 2766 (2024).
    const undof = fromRegistry.find((s) => s.members.some((m) => m.symbol === "S/RES/420 (1977)"));
    assert.ok(undof && undof.members.length >= 39, `UNDOF: ${undof?.members.length} renewals`);
    assert.deepEqual([undof.members[0]!.symbol, undof.members.at(-1)!.symbol], ["S/RES/350 (1974)", "S/RES/2766 (2024)"]);

    // The duplication report scans the same series, and each document in none as a series of one version.
    const report = findDuplication(await allDocuments(store));
    const members = fromRegistry.reduce((n, s) => n + s.members.length, 0);
    assert.deepEqual(report.scanned.series, fromRegistry.length + documents.length - members);
    for (const f of report.findings) {
      if (f.kind !== "renewed-verbatim" && f.kind !== "report-every-session") continue;
      const inOne = fromRegistry.some((s) => s.title === f.series[0] && f.mandates.every((m) => s.members.some((x) => x.symbol === m.symbol)));
      assert.ok(inOne, `${f.summary}: the versions of a series the registry lists`);
    }
    assert.ok(!report.findings.some((f) => f.kind === "duplicate" && f.mandates.filter((m) => undof.members.some((x) => x.symbol === m.symbol)).length > 1), "no UNDOF renewal duplicates another");
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
