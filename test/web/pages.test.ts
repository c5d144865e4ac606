import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { browserMissing, checkPage, openSite, openTab, type Site, visit } from "./harness.js";

/**
 * The web pages in Chromium against the real server with the corpus loaded: what a delegate
 * does (search, open, read a mandate, follow a citation, compare, follow a series, filter and
 * download mandates, review duplication), each page checked with axe, for console errors, and
 * photographed into test-results/.
 */

describe("web pages in Chromium", { skip: browserMissing() ?? false }, () => {
  let site: Site;

  before(async () => {
    site = await openSite();
  });
  after(async () => {
    await site?.close();
  });

  test("the server answers the page paths with the page shell, the API under /api, and unknown paths with a 404 page", async () => {
    for (const path of ["/", "/search?q=x", "/resolutions/A%2FRES%2F79%2F222", "/mandates", "/duplicates"]) {
      const response = await fetch(site.base + path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get("content-type") ?? "", /^text\/html/, path);
      assert.match(await response.text(), /<div id="app">/, path);
    }
    const api = await fetch(`${site.base}/api/documents/A%2FRES%2F79%2F222`);
    assert.equal(api.status, 200);
    assert.equal(((await api.json()) as { summary: { symbol: string } }).summary.symbol, "A/RES/79/222");
    const missingPage = await fetch(`${site.base}/no/such/page`, { headers: { accept: "text/html" } });
    assert.equal(missingPage.status, 404);
    assert.match(await missingPage.text(), /<div id="app">/);
    const missingApi = await fetch(`${site.base}/api/no/such/route`, { headers: { accept: "text/html" } });
    assert.equal(missingApi.status, 404);
    assert.equal(((await missingApi.json()) as { statusCode: number }).statusCode, 404);
  });

  test("search: industrial development cooperation puts 79/222 among the first results, with facets and snippets", async () => {
    const tab = await openTab(site);
    try {
      await visit(tab, "/");
      await checkPage(tab, "search-empty");
      await tab.page.getByLabel(/Words, a phrase/).fill("industrial development cooperation");
      await tab.page.getByRole("button", { name: "Search" }).click();
      await tab.page.waitForURL(/\/search\?q=industrial/);
      await tab.page.waitForSelector(".hits");
      const titles = await tab.page.locator(".hit .symbol").allTextContents();
      assert.ok(titles.slice(0, 5).includes("A/RES/79/222"), `first results: ${titles.join(", ")}`);
      assert.ok((await tab.page.locator(".hit mark").count()) > 0, "snippets highlight the words");
      for (const facet of ["Organ", "Session", "Committee", "Language", "Verb", "Actor"]) {
        assert.ok(await tab.page.getByRole("heading", { name: facet, exact: true }).count(), `facet ${facet}`);
      }
      await checkPage(tab, "search-results");
      // A facet narrows the results to its value.
      await tab.page.locator(".facet", { hasText: "Session" }).getByRole("link").first().click();
      await tab.page.waitForURL(/session=/);
      await tab.page.waitForSelector("body[data-ready] .hits");
      const session = new URL(tab.page.url()).searchParams.get("session");
      const metas = await tab.page.locator(".hit .meta").allTextContents();
      assert.ok(metas.length > 0 && metas.every((m) => m.includes(`${session}`)), metas.join(" | "));
    } finally {
      await tab.close();
    }
  });

  test("search: a symbol in any usual form opens its resolution", async () => {
    const tab = await openTab(site);
    try {
      for (const [typed, symbol] of [
        ["79/222", "A/RES/79/222"],
        ["A/RES/79/222", "A/RES/79/222"],
        ["S/RES/2719 (2023)", "S/RES/2719 (2023)"],
      ] as const) {
        await visit(tab, "/");
        await tab.page.getByLabel(/Words, a phrase/).fill(typed);
        await tab.page.keyboard.press("Enter");
        await tab.page.waitForURL((url) => url.pathname === `/resolutions/${encodeURIComponent(symbol)}`);
      }
    } finally {
      await tab.close();
    }
  });
});
