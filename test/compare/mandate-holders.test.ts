import { test } from "node:test";
import assert from "node:assert/strict";
import { holderIdentities, holderKey, mandateHolders } from "../../src/compare/mandate-holders.js";
import { eosg, security, unmis } from "./helpers.js";

/*
 * The holders whose mandate Security Council and Human Rights Council texts of the corpus
 * establish, renew or extend, as a reader names them after reading each text.
 */

test("UNDOF: set up by 350 (1974), renewed by name in 420 (1977), by abbreviation in 2766 (2024)", async () => {
  const [established] = mandateHolders(await security("350", 1974));
  assert.equal(established?.name, "United Nations Disengagement Observer Force");
  assert.ok(established.specific);

  // "Decides: ... (b) To renew the mandate of the United Nations Disengagement Observer Force for another period of six months"
  const renewed = mandateHolders(await security("420", 1977));
  assert.deepEqual(renewed.map((h) => h.name), ["United Nations Disengagement Observer Force"]);

  // "Decides to renew the mandate of UNDOF for a period of six months": the abbreviation defined in its preamble
  const [recent] = mandateHolders(await eosg("S_RES_2766(2024)"));
  assert.equal(recent?.name, "UNDOF");
  assert.deepEqual(recent.aliases, ["United Nations Disengagement Observer Force"]);
  assert.deepEqual(holderIdentities(recent), ["undof", "united nation disengagement observer force"]);
  // "United Nation Disengagement Observer Force" (456 (1979)) is the same name as compared
  const [misprinted] = mandateHolders(await security("456", 1979));
  assert.equal(holderKey(misprinted!.name), holderKey(established.name));
});

test("a short form names the body written before it: 'renew the mandate of the Force' in 483 (1980) is UNIFIL", async () => {
  const [holder] = mandateHolders(await security("483", 1980));
  assert.equal(holder?.name, "United Nations Interim Force in Lebanon");
  assert.deepEqual(holder.aliases, ["Force"]);
});

test("UNFICYP: 'Extends once more the stationing in Cyprus of the United Nations Peace-keeping Force, established under resolution 186 (1964)'", async () => {
  for (const [number, year] of [["364", 1974], ["383", 1975]] as const) {
    const [holder] = mandateHolders(await security(number, year));
    assert.equal(holderKey(holder!.name), "united nation peacekeeping force in cyprus", `${number} (${year})`);
    assert.deepEqual(holder!.resolutions, ["S/RES/186 (1964)"]);
  }
});

test("a description is told apart by the resolution that sets out its mandate: the Panels of Experts on Libya, the DPRK and South Sudan", async () => {
  const panel = async (name: string) => mandateHolders(await eosg(name)).find((h) => h.name === "Panel of Experts")!;
  const libya = await panel("S_RES_2769(2025)");
  const dprk = await panel("S_RES_2680(2023)");
  const southSudan = await panel("S_RES_2731(2024)");
  for (const holder of [libya, dprk, southSudan]) assert.equal(holder.specific, false);
  assert.deepEqual(holderIdentities(libya), ["panel of expert @ S/RES/1973 (2011)"]);
  assert.deepEqual(holderIdentities(dprk), ["panel of expert @ S/RES/1874 (2009)"]);
  // the South Sudan panel also cites 2664 (2022), as the DPRK's does: the first resolution cited is the one that sets it out
  assert.deepEqual(holderIdentities(southSudan), ["panel of expert @ S/RES/2428 (2018)"]);
  assert.ok(dprk.resolutions.includes("S/RES/2664 (2022)") && southSudan.resolutions.includes("S/RES/2664 (2022)"));
});

test("UNMIS: established by 1590 (2005) by name, renewed by abbreviation", async () => {
  const [established] = mandateHolders(await unmis("1590", 2005));
  assert.equal(established?.name, "United Nations Mission in Sudan");
  assert.deepEqual(established.aliases, ["UNMIS"]);
  const [renewed] = mandateHolders(await unmis("1755", 2007));
  assert.equal(renewed?.name, "UNMIS");
});

test("Human Rights Council: the Commission on Human Rights in South Sudan, renewed under two titles", async () => {
  for (const name of ["A_HRC_RES_43_27", "A_HRC_RES_52_1"]) {
    const holders = mandateHolders(await eosg(name));
    assert.deepEqual(holders.map((h) => h.name), ["Commission on Human Rights in South Sudan"], name);
  }
});

test("what is not the body's decision to renew is no holder: a willingness to extend, someone else's establishment, a standing office", async () => {
  // 2366 (2017): "Decides to establish a political mission in Colombia, the United Nations Verification Mission in Colombia";
  // "Expresses its willingness ... to extend the mandate of the Verification Mission" is not a renewal
  assert.deepEqual(mandateHolders(await eosg("S_RES_2366(2017)")).map((h) => h.name), ["United Nations Verification Mission in Colombia"]);
  // 2677 (2023) renews UNMISS; "the Hybrid Court for South Sudan" the Government is called upon to establish is not a holder
  assert.deepEqual(mandateHolders(await eosg("S_RES_2677(2023)")).map((h) => h.name), ["UNMISS"]);
  // "extend ... the mandate of the United Nations High Commissioner for Human Rights" (on Belarus): the office holds many mandates
  const [highCommissioner] = mandateHolders(await eosg("A_HRC_RES_52_29"));
  assert.equal(highCommissioner?.specific, false);
  assert.deepEqual(holderIdentities(highCommissioner), []);
  // a text that renews nothing
  assert.deepEqual(mandateHolders(await security("338", 1973)), []);
});
