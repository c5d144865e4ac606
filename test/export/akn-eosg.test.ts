import { test } from "node:test";
import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { listFiles, unpackedCorpus } from "../helpers/corpus.js";
import { exportAll, invalidAgainstSchema, unfaithfulExports, xmllintAvailable } from "./akn-helpers.js";

/** The EOSG paragraph files (GA, HRC, SC, ECOSOC resolutions and SC presidential statements) export to valid AKN. */

const noXmllint = xmllintAvailable() ? false : "xmllint is not installed (Debian package libxml2-utils)";
const FILES = listFiles(join(unpackedCorpus(), "eosg"), ".en.paragraphs.json");
const all = exportAll(FILES);

test("every English EOSG document exports to AKN valid against the OASIS schema", { skip: noXmllint }, async (t) => {
  const { exported, unreadable } = await all;
  assert.ok(FILES.length >= 2600, `the corpus has its ${FILES.length} EOSG files`);
  if (unreadable.length) t.diagnostic(`${unreadable.length} files are not read as resolutions: ${unreadable.slice(0, 3).join(" | ")}`);
  assert.ok(exported.length >= FILES.length * 0.99, `nearly all files read (${exported.length} of ${FILES.length})`);
  const invalid = invalidAgainstSchema(new Map(exported.map((e) => [e.path, e.xml])));
  const report = [...invalid].slice(0, 5).map(([path, errors]) => `${basename(path)}: ${errors.slice(0, 2).join(" / ")}`);
  assert.equal(invalid.size, 0, `invalid exports:\n${report.join("\n")}`);
});

test("each EOSG export carries exactly the model's paragraphs, footnotes and citations", async () => {
  const { exported } = await all;
  assert.deepEqual(unfaithfulExports(exported).slice(0, 5), []);
});
