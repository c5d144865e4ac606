import { test } from "node:test";
import assert from "node:assert/strict";
import { actorFromInput, actorKey, addresseeKey, resolveActor } from "../../src/model/actors.js";

const UNIDO = "United Nations Industrial Development Organization";

test("one key for an actor, whatever its punctuation, spacing, case or leading article", () => {
  const same: [string, string[]][] = [
    ["secretary general", ["the Secretary-General", "Secretary General", "Secretary\u2011General", "SECRETARY-GENERAL", " the  Secretary-General "]],
    ["counter terrorism committee", ["Counter-Terrorism Committee", "Counter Terrorism Committee"]],
    ["non state actors", ["non-State actors", "non\u2011State actors"]],
    ["employers and workers organizations", ["employers' and workers' organizations", "employers\u2019 and workers\u2019 organizations"]],
  ];
  for (const [key, names] of same) for (const name of names) assert.equal(actorKey(name), key, name);
  assert.equal(actorKey("Theatre Commission"), "theatre commission", "only the word the is dropped");
  assert.equal(addresseeKey({ actor: "the Director-General of UNIDO", actorCanonical: null }), "director general of unido");
  assert.equal(addresseeKey({ actor: "UNIDO", actorCanonical: UNIDO }), actorKey(UNIDO));
});

test("a user names an entity by its abbreviation or its name, in any letter case", () => {
  for (const input of ["UNIDO", "unido", UNIDO, UNIDO.toLowerCase(), "the United Nations Industrial Development Organization"]) {
    const found = actorFromInput(input);
    assert.equal(found?.canonical, UNIDO, input);
    assert.deepEqual(found?.abbreviations, ["UNIDO"], input);
  }
  assert.equal(actorFromInput("who")?.canonical, resolveActor("WHO")?.canonical, "a lower-case abbreviation");
  assert.equal(actorFromInput("Secretary General")?.canonical, "Secretary-General");
  assert.equal(actorFromInput("the Government of Myanmar")?.canonical, "Myanmar");
  assert.equal(actorFromInput("nobody in particular"), null);
  // a text is trusted for its case: "who" there is a pronoun
  assert.equal(resolveActor("who"), null);
});
