import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  assemblySession,
  baseSymbol,
  looksLikeSymbol,
  parseResolutionSymbol,
  resolutionSymbol,
  sequenceNumber,
  shortForm,
  symbolFileName,
  symbolFromFileName,
  symbolFromInput,
  symbolYear,
  tidySymbol,
  withModifier,
} from "../../src/model/symbols.js";
import { CORPUS, unpackedCorpus } from "../helpers/corpus.js";

// Each form, both ways: [printed, resolution number].
const PRINTED: [string, ReturnType<typeof parseResolutionSymbol>][] = [
  ["A/RES/79/222", { body: "GA", number: "79/222" }],
  ["A/RES/75/245 B", { body: "GA", number: "75/245", part: "B" }],
  ["A/RES/75/254 A-C", { body: "GA", number: "75/254", part: "A-C" }],
  ["A/RES/217 A (III)", { body: "GA", number: "217", part: "A", qualifier: "III" }],
  ["A/RES/2152 (XXI)", { body: "GA", number: "2152", qualifier: "XXI" }],
  ["A/RES/ES-10/17", { body: "GA", number: "ES-10/17" }],
  ["S/RES/2719 (2023)", { body: "SC", number: "2719", qualifier: "2023" }],
  ["E/RES/1980/67", { body: "ECOSOC", number: "1980/67" }],
  ["A/HRC/RES/S-30/1", { body: "HRC", number: "S-30/1" }],
  ["UNEP/EA.5/Res.14", { body: "UNEA", number: "5/14" }],
];

test("printed resolution symbols parse into their numbers and print back", () => {
  for (const [printed, number] of PRINTED) {
    assert.deepEqual(parseResolutionSymbol(printed), number, printed);
    assert.equal(resolutionSymbol(number!), printed);
  }
  assert.equal(shortForm("A/RES/79/222"), "79/222");
  assert.equal(shortForm("S/RES/2719 (2023)"), "2719 (2023)");
  assert.equal(shortForm("A/RES/217 A (III)"), "217 A (III)");
  assert.equal(shortForm("A/63/309"), null);
  for (const short of ["79/222", "2719 (2023)", "217 A (III)", "75/254 A-C", "ES-10/17"]) {
    assert.equal(shortForm(symbolFromInput(short)), short, `${short} both ways`);
  }
  assert.deepEqual(parseResolutionSymbol("A/RES/61/267B"), { body: "GA", number: "61/267", part: "B" }, "a glued part is read");
  assert.equal(parseResolutionSymbol("A/63/309"), null);
  assert.equal(parseResolutionSymbol("S/PRST/2012/11"), null);
});

// [file name, printed]: the corpus's text exports, AKN files and EOSG paragraph files.
const FILE_NAMES: [string, string][] = [
  ["A_RES_79_222.en.txt", "A/RES/79/222"],
  ["A_RES_75_245_B.en.xml", "A/RES/75/245 B"],
  ["A_RES_71_101_A-B.en.paragraphs.json", "A/RES/71/101 A-B"],
  ["A_RES_61_267B.en.paragraphs.json", "A/RES/61/267 B"],
  ["A_RES_118_(II).en.paragraphs.json", "A/RES/118 (II)"],
  ["A_RES_2152(XXI).en.paragraphs.json", "A/RES/2152 (XXI)"],
  ["A_RES_S-10_2.en.paragraphs.json", "A/RES/S-10/2"],
  ["S_RES_2719_2023.en.txt", "S/RES/2719 (2023)"],
  ["/x/S_RES_1197(1998).en.paragraphs.json", "S/RES/1197 (1998)"],
  ["A_HRC_RES_16_15.en.paragraphs.json", "A/HRC/RES/16/15"],
  ["E_RES_106_(VI).en.paragraphs.json", "E/RES/106 (VI)"],
  ["A_HRC_PRST_OS_13_1.en.paragraphs.json", "A/HRC/PRST/OS/13/1"],
  ["S_PRST_2012_11.en.paragraphs.json", "S/PRST/2012/11"],
  ["a_res_79_222", "A/RES/79/222"],
];

test("file names give symbols, and symbols file names", () => {
  for (const [name, printed] of FILE_NAMES) assert.equal(symbolFromFileName(name), printed, name);
  assert.equal(symbolFromFileName("notes.json"), null);
  assert.equal(symbolFromFileName("my_notes.txt"), null);
  assert.equal(symbolFromFileName(undefined), null);
  assert.equal(symbolFileName("A/RES/75/245 B"), "A_RES_75_245_B");
  assert.equal(symbolFileName("S/RES/2719 (2023)"), "S_RES_2719_2023", "the corpus's name for a Council resolution");
  assert.equal(symbolFileName("A/HRC/PRST/OS/13/1"), "A_HRC_PRST_OS_13_1");
  for (const [, printed] of FILE_NAMES) assert.equal(symbolFromFileName(symbolFileName(printed)), printed, printed);
});

test("a symbol as written in a text is tidied, its letters kept", () => {
  assert.equal(tidySymbol("A/RES/2625(XXV)"), "A/RES/2625 (XXV)");
  assert.equal(tidySymbol("S/RES/1325(2000)"), "S/RES/1325 (2000)");
  assert.equal(tidySymbol("ICCD/COP(15)/23/Add.1"), "ICCD/COP(15)/23/Add.1");
  assert.equal(tidySymbol("A /63/ 309."), "A/63/309");
  assert.equal(tidySymbol("A/RES/ES\u201110/17"), "A/RES/ES-10/17");
  assert.equal(tidySymbol("GC.15/Res.1"), "GC.15/Res.1");
  assert.equal(tidySymbol("a/res/79/222"), "a/res/79/222", "a text's letter case is its own");
});

test("user input names a document in any form and any case", () => {
  const same: [string, string[]][] = [
    ["A/RES/79/222", ["79/222", "A/RES/79/222", "a/res/79/222", "A_RES_79_222", "a_res_79_222", " A/RES/79/222 "]],
    ["S/RES/2719 (2023)", ["S/RES/2719 (2023)", "s/res/2719(2023)", "S_RES_2719_2023", "2719 (2023)", "S/RES/2719  (2023)"]],
    ["A/RES/75/245 B", ["75/245 B", "75/245 b", "a/res/75/245 b", "A_RES_75_245_B", "A/RES/75/245B"]],
    ["A/RES/2152 (XXI)", ["2152 (XXI)", "a/res/2152(xxi)", "A_RES_2152(XXI)"]],
    ["A/RES/ES-10/17", ["ES-10/17", "a/res/es-10/17", "A/RES/ES\u201310/17"]],
    ["A/HRC/PRST/OS/13/1", ["a/hrc/prst/os/13/1", "A_HRC_PRST_OS_13_1"]],
    ["A/68/970/Corr.1", ["A/68/970/Corr.1", "a/68/970/corr.1"]],
    ["UNEP/EA.5/Res.14", ["unep/ea.5/res.14"]],
    ["A/80/6 (Sect. 29A)", ["a/80/6 (sect. 29a)", "A/80/6(Sect. 29A)"]],
  ];
  for (const [printed, inputs] of same) {
    for (const input of inputs) {
      assert.equal(symbolFromInput(input), printed, input);
      assert.ok(looksLikeSymbol(input), `${input} reads as a symbol`);
    }
  }
  for (const words of ["Industrial development cooperation", "oceans and the law of the sea", "UNIDO"]) {
    assert.equal(looksLikeSymbol(words), false, words);
  }
});

test("numbers and years within a symbol", () => {
  assert.equal(sequenceNumber("A/RES/63/231"), 231);
  assert.equal(sequenceNumber("A/RES/75/245 B"), 245);
  assert.equal(sequenceNumber("S/RES/1325 (2000)"), 1325);
  assert.equal(sequenceNumber("A/RES/2152 (XXI)"), 2152);
  assert.equal(sequenceNumber("A/RES/ES-10/17"), 17);
  assert.equal(sequenceNumber("S/PRST/2012/11"), 11);
  assert.equal(sequenceNumber("A/RES/63/L.5"), null);
  assert.equal(symbolYear("S/RES/1325 (2000)"), 2000);
  assert.equal(symbolYear("A/RES/2152 (XXI)"), null);
  assert.equal(symbolYear("A/RES/63/231"), null);
  // the Assembly's session, as every reader (AKN, EOSG, text, official metadata) takes it from the symbol
  assert.equal(assemblySession("A/RES/79/222"), 79);
  assert.equal(assemblySession("A/RES/75/245 B"), 75);
  assert.equal(assemblySession("A/RES/ES-10/17"), 10);
  assert.equal(assemblySession("A/RES/S-30/1"), 30);
  assert.equal(assemblySession("A/RES/2152 (XXI)"), null);
  assert.equal(assemblySession("A/HRC/RES/42/10"), null);
  assert.equal(assemblySession("S/RES/1325 (2000)"), null);
});

test("modifiers", () => {
  assert.equal(withModifier("A/68/970", "Corr.1"), "A/68/970/Corr.1");
  assert.equal(withModifier("A/66/53/Add.1", "Corr.1"), "A/66/53/Add.1/Corr.1");
  assert.equal(withModifier("A/66/53/Add.1", "Add.2"), "A/66/53/Add.2");
  assert.equal(baseSymbol("A/66/53/Add.1/Corr.1"), "A/66/53");
  assert.equal(baseSymbol("A/RES/63/231"), "A/RES/63/231");
});

test("every corpus file's name gives a printed symbol that user input, in any case, finds again", () => {
  const unpacked = unpackedCorpus();
  const folders = [join(CORPUS, "ods"), join(CORPUS, "seeds"), join(CORPUS, "pdf"), join(CORPUS, "sc", "cr-unsc"), join(CORPUS, "sc", "uniteideas-unmis"), join(unpacked, "akn", "en"), join(unpacked, "eosg")];
  const names = folders.flatMap((dir) => readdirSync(dir));
  assert.ok(names.length > 6000, `only ${names.length} files`);
  for (const name of names) {
    const symbol = symbolFromFileName(name);
    assert.ok(symbol, `${name} names a symbol`);
    assert.equal(symbolFromInput(symbol), symbol, name);
    assert.equal(symbolFromInput(symbol.toLowerCase()), symbol, name);
    assert.equal(symbolFromInput(symbolFileName(symbol)), symbol, name);
    assert.equal(symbolFromFileName(symbolFileName(symbol)), symbol, name);
  }
});
