import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { CLI_AUTHOR } from "../../src/registry/lifecycle/index.js";
import { hashPassword } from "../../src/registry/lifecycle/passwords.js";
import { seriesFiles, storeFactories } from "../registry/stores.js";
import { join } from "node:path";
import { browserMissing, checkPage, openSite, openTab, ready, SCREENSHOTS, type Site, type Tab, visit } from "./harness.js";

/**
 * The review in Chromium against the real server (one series loaded, on each database the
 * registry tests run on): an editor of UNIDO signs
 * in, records decisions on 79/222's UNIDO mandates through the forms, meets a stale edit, is
 * refused the Secretary-General's mandate; a viewer reads but cannot edit; overdue reports,
 * summaries, the CSV import (a bad file named row by row), the audit trail and tokens. Every
 * page is checked with axe and for console errors, and photographed at 1280 and 375 px.
 */

const PASSWORD = "correct horse battery staple";
const UNIDO = "United Nations Industrial Development Organization";

for (const factory of storeFactories())
describe(`the review in Chromium on ${factory.dialect}`, { skip: browserMissing() ?? false }, () => {
  let site: Site;
  let unidoMandates: { id: string; ref: string }[] = [];
  let sgMandate = "";
  let adminToken = "";

  before(async () => {
    site = await openSite({ files: seriesFiles(), open: factory.open });
    const hash = await hashPassword(PASSWORD);
    for (const [email, role, entities] of [["admin@un.org", "admin", []], ["editor@unido.org", "editor", ["UNIDO"]], ["viewer@un.org", "viewer", []]] as const) {
      assert.ok((await site.store.lifecycle.createUser({ email, role, entities, passwordHash: hash }, CLI_AUTHOR)).ok);
    }
    const token = await site.store.lifecycle.createToken("admin@un.org", "tests", CLI_AUTHOR);
    assert.ok(token.ok);
    adminToken = token.value.token;
    unidoMandates = (await site.store.mandates({ symbol: "79/222", actor: "UNIDO" }, { limit: 50, offset: 0 })).items;
    sgMandate = (await site.store.mandates({ symbol: "79/222", actor: "Secretary-General" }, { limit: 1, offset: 0 })).items[0]!.id;
  });
  after(async () => {
    await site?.close();
  });

  async function signIn(tab: Tab, email: string, password = PASSWORD, next = "/review"): Promise<void> {
    await visit(tab, `/sign-in?next=${encodeURIComponent(next)}`);
    await tab.page.getByLabel("Email").fill(email);
    await tab.page.getByLabel("Password").fill(password);
    await tab.page.getByRole("button", { name: "Sign in" }).click();
  }

  /** The browser logs an API's refusal the page shows on purpose (a wrong password, a stale edit): expected, not an error. */
  function expectFailures(tab: Tab, status: number): void {
    tab.errors.splice(0, tab.errors.length, ...tab.errors.filter((e) => !e.includes(`status of ${status}`)));
  }

  /** Checks a page at 1280 px, then photographs it at 375 px as well. */
  async function checkBothWidths(tab: Tab, name: string): Promise<void> {
    await checkPage(tab, name);
    await tab.page.setViewportSize({ width: 375, height: 800 });
    await checkPage(tab, `${name}-375`);
    // the first screen as a phone shows it, beside the whole page
    await tab.page.screenshot({ path: join(SCREENSHOTS, `${name}-375-first-screen.png`) });
    await tab.page.setViewportSize({ width: 1280, height: 900 });
  }

  test("sign-in: a wrong password is named; the editor of UNIDO signs in and sees UNIDO's mandates", async () => {
    const tab = await openTab(site);
    try {
      await signIn(tab, "editor@unido.org", "not the password at all");
      await tab.page.getByRole("alert").waitFor();
      assert.match(await tab.page.getByRole("alert").textContent() ?? "", /the email or the password is wrong/);
      assert.equal(await tab.page.getByLabel("Password").getAttribute("aria-invalid"), "true");
      expectFailures(tab, 401);
      await checkBothWidths(tab, "review-sign-in-refused");
      await tab.page.getByLabel("Password").fill(PASSWORD);
      await tab.page.getByRole("button", { name: "Sign in" }).click();
      await tab.page.waitForURL(/\/review$/);
      await ready(tab);
      await tab.page.getByRole("heading", { name: `Mandates of ${UNIDO}` }).waitFor();
      assert.match((await tab.page.locator("header.site .account").textContent()) ?? "", /editor@unido\.org \(editor\)/);
      const rows = await tab.page.locator("tbody tr").count();
      assert.ok(rows >= 40, `${rows} mandates of UNIDO in the series`);
      await checkBothWidths(tab, "review-my-mandates");
    } finally {
      await tab.close();
    }
  });

  test("the editor records a decision through the form; script in the text is shown as text; a stale edit is caught", async () => {
    const tab = await openTab(site);
    try {
      await signIn(tab, "editor@unido.org", PASSWORD, `/review/mandates/${unidoMandates[0]!.id}`);
      await tab.page.waitForURL(/\/review\/mandates\//);
      await ready(tab);
      await tab.page.getByRole("heading", { name: "Record a decision" }).waitFor();
      await checkBothWidths(tab, "review-mandate-form");
      await tab.page.getByLabel("Retain").check();
      const hostile = "<img src=x onerror=\"document.title='pwned'\"> kept; '); DROP TABLE reviews; --";
      await tab.page.getByLabel("Justification").fill(hostile);
      await tab.page.getByLabel("Implementation status").selectOption("ongoing");
      await tab.page.getByLabel("Evidence").fill("https://www.unido.org/annual-report\nA/79/221");
      await tab.page.getByRole("button", { name: "Save the decision" }).click();
      await tab.page.getByRole("status").filter({ hasText: "was saved (version 1)" }).waitFor();
      await ready(tab);
      assert.equal(await tab.page.locator(".justification").first().textContent(), hostile, "shown as text");
      assert.notEqual(await tab.page.title(), "pwned");
      assert.equal(await tab.page.locator(".review-card img").count(), 0);
      assert.equal(await tab.page.locator(".review-card a[href='https://www.unido.org/annual-report']").count(), 1);
      await checkBothWidths(tab, "review-mandate-saved");

      // someone else changes the decision while the form is open
      const id = unidoMandates[0]!.id;
      const other = await fetch(`${site.base}/api/mandates/${id}/review`, {
        method: "PUT",
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ entity: "UNIDO", decision: "REMOVE", justification: "decided centrally", version: 1 }),
      });
      assert.equal(other.status, 200);
      await tab.page.getByRole("radio", { name: "Review" }).check();
      await tab.page.getByRole("button", { name: "Save the decision" }).click();
      const alert = tab.page.getByRole("alert");
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? "", /admin@un\.org changed this decision .* since you opened the page/);
      expectFailures(tab, 409);
      await checkPage(tab, "review-mandate-conflict");
      await tab.page.getByRole("button", { name: "Save the decision" }).click();
      await tab.page.getByRole("status").filter({ hasText: "was saved (version 3)" }).waitFor();
      await ready(tab);
      const history = await tab.page.getByRole("heading", { name: "History" }).locator("xpath=..").textContent();
      assert.match(history ?? "", /editor@unido\.org \(web\) review\.set for United Nations Industrial Development Organization: Review/);
      assert.match(history ?? "", /admin@un\.org \(token\) review\.set/);
    } finally {
      await tab.close();
    }
  });

  test("the Secretary-General's mandate offers UNIDO's editor no form; a viewer reads decisions but edits none", async () => {
    for (const [email, expected] of [["editor@unido.org", /not addressed to an entity you answer for/], ["viewer@un.org", /not addressed to an entity you answer for/]] as const) {
      const tab = await openTab(site);
      try {
        await signIn(tab, email, PASSWORD, `/review/mandates/${sgMandate}`);
        await tab.page.waitForURL(/\/review\/mandates\//);
        await ready(tab);
        assert.equal(await tab.page.getByRole("heading", { name: "Record a decision" }).count(), 0);
        assert.match((await tab.page.locator("main").textContent()) ?? "", expected);
        if (email === "viewer@un.org") await checkPage(tab, "review-mandate-viewer");
      } finally {
        await tab.close();
      }
    }
  });

  test("overdue reports, the summary by entity and by series, and the resolution page's review links", async () => {
    const tab = await openTab(site);
    try {
      await visit(tab, "/review/overdue?entity=Secretary-General&since=70");
      const text = (await tab.page.locator("main").textContent()) ?? "";
      assert.match(text, /79th session/, "77/180's report to the seventy-ninth session is overdue");
      await checkBothWidths(tab, "review-overdue");
      await visit(tab, "/review/summary");
      await tab.page.getByRole("rowheader", { name: UNIDO }).waitFor();
      await checkBothWidths(tab, "review-summary-entity");
      await visit(tab, "/review/summary?by=series");
      await tab.page.getByRole("rowheader", { name: "Industrial development cooperation" }).waitFor();
      await tab.page.emulateMedia({ media: "print" });
      assert.equal(await tab.page.locator("header.site").isVisible(), false, "printed without the site's header");
      await tab.page.emulateMedia({ media: "screen" });
      await checkPage(tab, "review-summary-series");
      await visit(tab, "/resolutions/A%2FRES%2F79%2F222");
      const links = tab.page.getByRole("link", { name: /^Review of the mandate of op\. 7 to United Nations Industrial Development Organization/ });
      assert.equal(await links.count(), 1);
      assert.equal(await links.getAttribute("href"), `/review/mandates/${unidoMandates[0]!.id}`);
    } finally {
      await tab.close();
    }
  });

  test("CSV import: a bad file is refused with every bad row named; a good one is imported; the audit trail and tokens", async () => {
    const tab = await openTab(site);
    try {
      await signIn(tab, "editor@unido.org", PASSWORD, "/review/import");
      await tab.page.waitForURL(/\/review\/import/);
      await ready(tab);
      const [a, b] = [unidoMandates[1]!.id, unidoMandates[2]!.id];
      await tab.page.getByLabel("Or paste the rows").fill(`mandate,entity,decision\n${a},UNIDO,RETAIN\n${sgMandate},UNIDO,RETAIN\n${b},UNIDO,KEEP\n`);
      await tab.page.getByRole("button", { name: "Import" }).click();
      await tab.page.getByRole("alert").waitFor();
      const items = await tab.page.getByRole("alert").getByRole("listitem").allTextContents();
      assert.equal(items.length, 2, items.join(" | "));
      assert.match(items[0]!, /^line 3: /);
      assert.match(items[1]!, /^line 4: decision "KEEP"/);
      expectFailures(tab, 400);
      await checkBothWidths(tab, "review-import-refused");
      assert.equal((await site.store.lifecycle.reviewsOf(a)).length, 0, "nothing stored");
      await tab.page.getByLabel("Or paste the rows").fill(`mandate,entity,decision,status\n${a},UNIDO,RETAIN,ongoing\n${b},UNIDO,REVIEW,not started\n`);
      await tab.page.getByRole("button", { name: "Import" }).click();
      await tab.page.getByRole("status").filter({ hasText: "Imported: 2 decisions saved" }).waitFor();

      await visit(tab, `/review/audit?mandate=${b}`);
      assert.match((await tab.page.locator("tbody").textContent()) ?? "", /editor@unido\.org \(import\)/);
      await checkBothWidths(tab, "review-audit");

      await visit(tab, "/account");
      await tab.page.getByLabel("What the token is for").fill("a script");
      await tab.page.getByRole("button", { name: "Create a token" }).click();
      const shown = (await tab.page.locator(".token-once").textContent()) ?? "";
      assert.match(shown, /^mrt_/);
      const check = await fetch(`${site.base}/api/auth/me`, { headers: { authorization: `Bearer ${shown}` } });
      assert.equal(((await check.json()) as { user: { email: string } }).user.email, "editor@unido.org");
      await checkBothWidths(tab, "review-account");
      await tab.page.getByRole("button", { name: /^Revoke token/ }).first().click();
      await tab.page.getByText(/^revoked /).waitFor();
      assert.equal((await fetch(`${site.base}/api/auth/me`, { headers: { authorization: `Bearer ${shown}` } })).status, 401, "revoked at once");
    } finally {
      await tab.close();
    }
  });

  test("an admin sees the users; signing out ends the session", async () => {
    const tab = await openTab(site);
    try {
      await signIn(tab, "admin@un.org", PASSWORD, "/account");
      await tab.page.waitForURL(/\/account/);
      await ready(tab);
      await tab.page.getByRole("heading", { name: "Users" }).waitFor();
      const users = tab.page.locator("section", { has: tab.page.getByRole("heading", { name: "Users" }) });
      // the heading shows before the list has loaded: wait for its rows, then count
      await users.getByRole("cell", { name: "viewer@un.org", exact: true }).first().waitFor();
      assert.equal(await users.getByRole("cell", { name: "viewer@un.org", exact: true }).count(), 1);
      await checkBothWidths(tab, "review-account-admin");
      await tab.page.getByRole("button", { name: "Sign out" }).click();
      await tab.page.getByRole("link", { name: "Sign in" }).waitFor();
      const me = await tab.page.evaluate(`fetch("/api/auth/me").then((r) => r.json())`);
      assert.equal((me as { user: unknown }).user, null);
    } finally {
      await tab.close();
    }
  });
});
