import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { browserMissing, checkPage, openSite, openTab, type Site, visit } from "./harness.js";

/**
 * The web pages in Chromium against the real server with the corpus loaded: what a delegate
 * does (search, open, read a mandate, follow a citation, compare, follow a series, filter and
 * download mandates, review duplication), each page checked with axe, for console errors, and
 * photographed into test-results/.
 */

// Run in the page (strings: the tests are type-checked without the DOM's types).
/** The paragraph holding the focused mandate highlight, or "". */
const FOCUSED_MANDATE = `(() => { const el = document.activeElement; return el && el.matches("mark.mandate") ? (el.closest(".para")?.id ?? "") : ""; })()`;
/** The accessible description of the focused element. */
const FOCUSED_DESCRIPTION = `document.getElementById(document.activeElement.getAttribute("aria-describedby")).textContent`;

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

  test("a Council's resolution: the Panel's extension in S/RES/2266 (2016) shows its decision, its end and its review", async () => {
    const tab = await openTab(site);
    try {
      await visit(tab, `/resolutions/${encodeURIComponent("S/RES/2266 (2016)")}`);
      await tab.page.waitForSelector("body[data-ready] .resolution");
      // op. 5 extends the Panel of Experts' mandate until 27 March 2017, to be reviewed by 27 February 2017
      const mandate = tab.page.locator("#operative\\.5 mark.mandate").first();
      const tip = tab.page.locator("#operative\\.5 .tip").first();
      await mandate.hover();
      const details = await tip.innerText();
      assert.match(details, /Actor: Panel of Experts/);
      assert.match(details, /Decision: extends the mandate/);
      assert.match(details, /Ends: 27 March 2017/);
      assert.match(details, /Review: by 27 February 2017/);
      assert.match(await tab.page.locator(".mandate-list").innerText(), /op\. 5 Panel of Experts/);
    } finally {
      await tab.close();
    }
  });

  test("resolution: 79/222 laid out as printed; a mandate's deadline on hover and on keyboard focus; a citation leads to a held resolution", async () => {
    const tab = await openTab(site);
    try {
      await visit(tab, "/search?q=industrial%20development%20cooperation");
      await tab.page.locator(".hit", { hasText: "A/RES/79/222" }).getByRole("link", { name: "Industrial development cooperation" }).click();
      await tab.page.waitForURL((url) => url.pathname === "/resolutions/A%2FRES%2F79%2F222");
      await tab.page.waitForSelector("body[data-ready] .resolution");
      assert.equal(await tab.page.getByRole("heading", { level: 1 }).textContent(), "79/222. Industrial development cooperation");
      assert.ok((await tab.page.locator(".para.preambular").count()) > 10);
      assert.equal(await tab.page.locator("#operative\\.54 .num").textContent(), "54.");

      // The report asked of the Secretary-General in op. 54 is due at the eighty-first session.
      const mandate = tab.page.locator("#operative\\.54 mark.mandate").first();
      const tip = tab.page.locator("#operative\\.54 .tip").first();
      assert.equal(await tip.isVisible(), false);
      await mandate.hover();
      assert.match(await tip.innerText(), /Deadline: 81st session \(2026-2027\)/);
      assert.match(await tip.innerText(), /Actor: Secretary-General/);
      await tab.page.mouse.move(0, 0);
      await tab.page.locator("#resolution-title").focus();
      // Keyboard: Tab reaches the mandates in reading order; focus alone shows the details.
      let focused = "";
      for (let i = 0; i < 400 && !focused.includes("operative.54"); i++) {
        await tab.page.keyboard.press("Tab");
        focused = await tab.page.evaluate<string>(FOCUSED_MANDATE);
      }
      assert.equal(focused, "operative.54");
      assert.ok(await tip.isVisible());
      const described = await tab.page.evaluate<string>(FOCUSED_DESCRIPTION);
      assert.match(described ?? "", /81st session/);

      // A footnote call-out opens its footnote.
      const callout = tab.page.locator("button.callout").first();
      await callout.click();
      assert.ok(await tab.page.locator(".footnote-pop:popover-open").isVisible());
      await tab.page.keyboard.press("Escape");
      await checkPage(tab, "resolution");

      // Citations: held documents are links, others are marked not held.
      assert.ok((await tab.page.locator(".resolution .cite.not-held").count()) > 0, "some citations are not held");
      await tab.page.locator(".resolution a.cite", { hasText: "70/1" }).first().click();
      await tab.page.waitForURL((url) => url.pathname === "/resolutions/A%2FRES%2F70%2F1");
      await tab.page.waitForSelector("body[data-ready] .resolution");
      assert.match((await tab.page.getByRole("heading", { level: 1 }).textContent()) ?? "", /Transforming our world/);
    } finally {
      await tab.close();
    }
  });

  test("errors are pages: an unknown symbol names the nearest symbols held; an API failure shows its message", async () => {
    const tab = await openTab(site);
    try {
      await visit(tab, "/resolutions/A%2FRES%2F79%2F999");
      assert.match((await tab.page.getByRole("heading", { level: 1 }).textContent()) ?? "", /No resolution A\/RES\/79\/999/);
      await tab.page.waitForSelector(".nearest li");
      const nearest = await tab.page.locator(".nearest a").allTextContents();
      assert.ok(nearest.length > 0 && nearest.every((s) => s.startsWith("A/RES/79/")), nearest.join(", "));
      // The API's 404 is the one console error this page may log.
      tab.errors.splice(0, tab.errors.length, ...tab.errors.filter((e) => !/status of 404/.test(e)));
      await checkPage(tab, "resolution-not-found");
      // A failing API call is shown with the API's message, on a page that keeps its navigation.
      await visit(tab, "/compare?from=77%2F180&to=1%2F999");
      assert.match(await tab.page.getByRole("alert").innerText(), /no document A\/RES\/1\/999 in the registry/);
      assert.ok(await tab.page.getByRole("navigation", { name: "Main" }).isVisible());
      tab.errors.splice(0, tab.errors.length, ...tab.errors.filter((e) => !/status of 404/.test(e)));
      await checkPage(tab, "compare-failure");
    } finally {
      await tab.close();
    }
  });

  test("compare: 77/180 with 79/222 shows moved and edited paragraphs side by side and inline, and mandate changes", async () => {
    const tab = await openTab(site);
    try {
      await visit(tab, "/compare");
      await tab.page.getByLabel("Earlier resolution").fill("77/180");
      await tab.page.getByLabel("Later resolution").fill("79/222");
      await tab.page.getByRole("button", { name: "Compare" }).click();
      await tab.page.waitForURL(/\/compare\?from=77%2F180&to=79%2F222/);
      await tab.page.waitForSelector("body[data-ready] .pairs");
      const moved = tab.page.locator(".pair.moved");
      assert.ok((await moved.count()) > 0, "moves are shown");
      assert.match(await moved.first().locator(".change-badge").innerText(), /^moved from pp\. \d+ to pp\. \d+/);
      const edited = tab.page.locator(".pair.edited");
      assert.ok((await edited.count()) > 0);
      // op. 1 of the recalling paragraph gains 77/180: the later side shows it inserted.
      assert.ok((await edited.locator(".side.to ins", { hasText: "77/180" }).count()) > 0);
      assert.ok((await tab.page.locator(".mandate-changes li").count()) > 0, "mandate changes listed");
      await checkPage(tab, "compare");
      await tab.page.getByLabel("inline changes").check();
      assert.ok((await tab.page.locator(".inline-diff del").count()) > 0);
      // Stepping through the series: the earlier pair is 75/231 -> 77/180.
      await tab.page.getByRole("link", { name: "← Earlier pair" }).click();
      await tab.page.waitForURL(/from=A%2FRES%2F75%2F231&to=A%2FRES%2F77%2F180/);
    } finally {
      await tab.close();
    }
  });

  test("series: the timeline shows the versions held and the gaps the recalling paragraphs name", async () => {
    const tab = await openTab(site);
    try {
      await visit(tab, "/series/A%2FRES%2F79%2F222");
      assert.equal(await tab.page.getByRole("heading", { level: 1 }).textContent(), "Industrial development cooperation");
      const gaps = await tab.page.locator(".timeline .stop.gap .stop-symbol").allTextContents();
      const held = await tab.page.locator(".timeline .stop.held .stop-symbol").allTextContents();
      for (const gap of ["65/175", "67/225", "71/242"]) assert.ok(gaps.includes(gap), `gap ${gap} in ${gaps.join(", ")}`);
      for (const symbol of ["63/231", "69/235", "73/247", "75/231", "77/180", "79/222"]) assert.ok(held.includes(symbol), `held ${symbol}`);
      const stops = await tab.page.locator(".timeline .stop .stop-symbol").allTextContents();
      assert.deepEqual(stops.slice(stops.indexOf("63/231"), stops.indexOf("63/231") + 6), ["63/231", "65/175", "67/225", "69/235", "71/242", "73/247"]);
      assert.ok((await tab.page.locator("table.life").first().locator("tbody tr").count()) > 5, "mandate lives");
      await checkPage(tab, "series");
    } finally {
      await tab.close();
    }
  });

  test("series by what they renew: the UNDOF renewals of the Security Council, without titles, placed by year", async () => {
    const tab = await openTab(site);
    try {
      await visit(tab, "/series/S%2FRES%2F420%20(1977)");
      assert.equal(await tab.page.getByRole("heading", { level: 1 }).textContent(), "United Nations Disengagement Observer Force (UNDOF)");
      const held = await tab.page.locator(".timeline .stop.held .stop-symbol").allTextContents();
      assert.deepEqual([held[0], held.at(-1)], ["S/RES/350 (1974)", "S/RES/2766 (2024)"]);
      assert.ok(held.indexOf("S/RES/363 (1974)") < held.indexOf("S/RES/420 (1977)") && held.indexOf("S/RES/420 (1977)") < held.indexOf("S/RES/756 (1992)"));
      assert.equal(await tab.page.locator(".timeline .stop.held .stop-session").first().textContent(), "1974");
      await checkPage(tab, "series-undof");
    } finally {
      await tab.close();
    }
  });

  test("series of the Human Rights Council: the South Sudan renewals placed by the session in their symbols, the resolutions before them as gaps", async () => {
    const tab = await openTab(site);
    try {
      await visit(tab, "/series/A%2FHRC%2FRES%2F46%2F23");
      const held = await tab.page.locator(".timeline .stop.held .stop-symbol").allTextContents();
      const gaps = await tab.page.locator(".timeline .stop.gap .stop-symbol").allTextContents();
      const stops = await tab.page.locator(".timeline .stop .stop-symbol").allTextContents();
      for (const symbol of ["A/HRC/RES/43/27", "A/HRC/RES/46/23", "A/HRC/RES/52/1", "A/HRC/RES/55/1"]) assert.ok(held.includes(symbol), `held ${symbol} in ${held.join(", ")}`);
      const lineage = ["A/HRC/RES/31/20", "A/HRC/RES/34/25", "A/HRC/RES/37/31", "A/HRC/RES/40/19"];
      for (const symbol of lineage) assert.ok(gaps.includes(symbol), `gap ${symbol} in ${gaps.join(", ")}`);
      const order = [...lineage, "A/HRC/RES/43/27", "A/HRC/RES/46/23", "A/HRC/RES/52/1", "A/HRC/RES/55/1"].map((s) => stops.indexOf(s));
      assert.deepEqual(order, [...order].sort((a, b) => a - b), `in session order: ${stops.join(", ")}`);
      const sessions = await tab.page.locator(".timeline .stop .stop-session").allTextContents();
      assert.equal(sessions[stops.indexOf("A/HRC/RES/31/20")], "31st session");
      await checkPage(tab, "series-south-sudan");
    } finally {
      await tab.close();
    }
  });

  test("mandates: filtered by UNIDO, the CSV downloaded holds exactly the rows the API gives", async () => {
    const tab = await openTab(site, { acceptDownloads: true });
    try {
      await visit(tab, "/mandates");
      await checkPage(tab, "mandates");
      await tab.page.getByLabel("Actor").fill("UNIDO");
      await tab.page.getByRole("button", { name: "Apply" }).click();
      await tab.page.waitForURL(/actor=UNIDO/);
      await tab.page.waitForSelector("body[data-ready] .mandate-table");
      const api = (await (await fetch(`${site.base}/api/mandates?actor=UNIDO&limit=200`)).json()) as { total: number; items: { symbol: string; ref: string; action: string }[] };
      assert.ok(api.total > 20 && api.total <= 200, `UNIDO mandates: ${api.total}`);
      assert.match(await tab.page.locator(".table-summary span").first().innerText(), new RegExp(`^${api.total} mandates to UNIDO`));
      const actors = await tab.page.locator(".mandate-table tbody td:nth-child(3)").allInnerTexts();
      // UNIDO, or its Director General: the abbreviation asks what the full name does (model/actors.ts)
      assert.ok(actors.every((a) => /^(Director General of the )?United Nations Industrial Development Organization$/.test(a)), actors.join(" | "));
      const [download] = await Promise.all([tab.page.waitForEvent("download"), tab.page.getByRole("link", { name: /Download CSV/ }).click()]);
      const text = readFileSync(await download.path(), "utf8");
      const rows = parseCsv(text);
      assert.deepEqual(rows[0]!.slice(0, 4), ["symbol", "language", "session", "paragraph"]);
      const body = rows.slice(1);
      assert.equal(body.length, api.total);
      assert.deepEqual(
        body.map((r) => `${r[0]} ${r[3]} ${r[11]}`),
        api.items.map((m) => `${m.symbol} ${m.ref} ${m.action}`),
      );
      await checkPage(tab, "mandates-unido");
      // Sorting by due session puts the earliest due first.
      await tab.page.getByRole("button", { name: /^Due/ }).click();
      await tab.page.waitForURL(/sort=due/);
      await tab.page.waitForSelector("body[data-ready] .mandate-table");
      const due = (await tab.page.locator(".mandate-table tbody td:nth-child(6)").allInnerTexts()).filter(Boolean).map(Number);
      assert.deepEqual(due, [...due].sort((a, b) => a - b));
    } finally {
      await tab.close();
    }
  });

  test("entity and dashboard pages: what is asked of UNIDO by session; charts of mandates, reports, actors, organs and committees", async () => {
    const tab = await openTab(site);
    try {
      await visit(tab, `/entities/${encodeURIComponent("United Nations Industrial Development Organization")}`);
      assert.match(await tab.page.locator("main p").first().innerText(), /^\d+ mandates/);
      assert.ok((await tab.page.locator("figure.chart svg").count()) > 0, "a chart per session");
      await checkPage(tab, "entity");
      await visit(tab, "/dashboard");
      await tab.page.waitForSelector("svg.treemap rect");
      assert.equal(await tab.page.locator("figure.chart").count(), 4);
      assert.ok((await tab.page.locator("svg.treemap rect").count()) > 5);
      await checkPage(tab, "dashboard");
    } finally {
      await tab.close();
    }
  });

  test("duplication: the cached report lists findings by kind, filtered by kind, actor and years, linking to resolutions", async () => {
    const tab = await openTab(site);
    try {
      await visit(tab, "/duplicates");
      assert.ok((await tab.page.locator(".finding").count()) > 0);
      await checkPage(tab, "duplicates");
      await tab.page.getByLabel("Kind", { exact: true }).selectOption("renewed-verbatim");
      await tab.page.getByLabel("Actor", { exact: true }).fill("Secretary-General");
      await tab.page.getByLabel("From year").fill("2015");
      await tab.page.getByRole("button", { name: "Apply" }).click();
      await tab.page.waitForURL(/kind=renewed-verbatim/);
      await tab.page.waitForSelector("body[data-ready] .findings");
      const kinds = await tab.page.locator(".finding .change-badge").allInnerTexts();
      assert.ok(kinds.length > 0 && kinds.every((k) => k === "Renewed verbatim"), kinds.join(", "));
      const mandates = await tab.page.locator(".finding-mandates li").allInnerTexts();
      assert.ok(mandates.some((m) => m.includes("Secretary-General")), "the actor filter keeps findings naming the Secretary-General");
      await tab.page.locator(".finding-mandates a").first().click();
      await tab.page.waitForURL(/\/resolutions\//);
      await tab.page.waitForSelector("body[data-ready] .resolution");
    } finally {
      await tab.close();
    }
  });
});

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  return rows;
}
