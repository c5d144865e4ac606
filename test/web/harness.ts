import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { FastifyInstance } from "fastify";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { corpusFolders } from "../../src/cli/serve.js";
import { ingestPaths } from "../../src/registry/ingest.js";
import { openStore } from "../../src/registry/open.js";
import type { Store } from "../../src/registry/store.js";
import { type AppOptions, buildApp } from "../../src/server/app.js";
import { WEB_ROOT } from "../../src/server/web.js";
import { CORPUS, ROOT, unpackedCorpus } from "../helpers/corpus.js";
import type { OpenedStore } from "../registry/stores.js";

/**
 * The browser tests' fixture: the whole corpus loaded once into a SQLite registry, the real
 * server listening on loopback, and Debian's Chromium driven by playwright-core (never a
 * downloaded browser). Every page a test opens is checked with axe and for console errors, and
 * photographed into test-results/.
 */

export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = join(ROOT, "test-results");

/** Why the browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`;
}

export interface Site {
  base: string;
  store: Store;
  browser: Browser;
  close(): Promise<void>;
}

/** The newest modification time under a folder. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** The pages as `npm run build` writes them; built here when they are missing or older than their sources. */
function ensureWebBuild(): void {
  const index = join(WEB_ROOT, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, "web"))) return;
  const built = spawnSync("npm", ["run", "build:web", "--silent"], { cwd: ROOT, stdio: "inherit" });
  assert.equal(built.status, 0, "the web pages failed to build");
}

/**
 * The corpus in a fresh registry behind the real server. WEB_TEST_REGISTRY names a registry
 * already loaded with the corpus (a SQLite file or URL), to iterate on the pages without
 * loading it again; `files` loads only those (the review's tests need one series).
 */
export async function openSite(options: { files?: readonly string[]; open?: () => Promise<OpenedStore>; app?: AppOptions } = {}): Promise<Site> {
  ensureWebBuild();
  let dir: string | null = null;
  let opened: OpenedStore | null = null;
  let store: Store;
  let location: string;
  if (options.files) {
    // a registry of the files named, for the pages that need no more than a few resolutions, on
    // the database `open` gives (SQLite in a temporary folder by default)
    if (options.open) {
      opened = await options.open();
      store = opened.store;
      location = opened.location;
    } else {
      dir = mkdtempSync(join(tmpdir(), "web-test-"));
      location = join(dir, "registry.db");
      store = await openStore(location);
    }
    const summary = await ingestPaths(store, options.files);
    assert.deepEqual(summary.failed, []);
  } else if (process.env.WEB_TEST_REGISTRY) {
    location = process.env.WEB_TEST_REGISTRY;
    store = await openStore(location);
  } else {
    dir = mkdtempSync(join(tmpdir(), "web-test-"));
    location = join(dir, "registry.db");
    store = await openStore(location);
    const summary = await ingestPaths(store, corpusFolders(CORPUS, unpackedCorpus()).filter((f) => existsSync(f)));
    assert.ok(summary.added > 5000, `the corpus loaded (${summary.added} documents)`);
  }
  // The duplication report is scanned while the first tests run, as `mandates serve` does at start.
  const app: FastifyInstance = await buildApp(store, { warmReports: !options.files, location, ...options.app });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  assert.ok(address && typeof address === "object");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright gives every launch a fresh temporary profile (user-data-dir) and passes --headless.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    base: `http://127.0.0.1:${address.port}`,
    store,
    browser,
    async close() {
      await browser.close();
      await app.close();
      if (opened) await opened.dispose();
      else await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Tab {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A page in a context of its own (axe needs one from newContext), 1280 px wide unless told. */
export async function openTab(site: Site, options: { width?: number; acceptDownloads?: boolean } = {}): Promise<Tab> {
  const context = await site.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, acceptDownloads: options.acceptDownloads ?? false, baseURL: site.base });
  // A blocked script, style or image (the server's Content-Security-Policy) is an error of the page.
  await context.addInitScript(
    `document.addEventListener("securitypolicyviolation", (e) => console.error("Content-Security-Policy violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline")));`,
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return { page, context, errors, close: () => context.close() };
}

/** Opens a path and waits until the page marks itself usable. */
export async function visit(tab: Tab, path: string): Promise<void> {
  await tab.page.goto(path);
  await ready(tab);
}

export async function ready(tab: Tab): Promise<void> {
  await tab.page.waitForSelector("body[data-ready]", { timeout: 30_000 });
}

/** axe finds no serious or critical violation, and the page logged no error. */
export async function checkPage(tab: Tab, name: string): Promise<void> {
  const results = await new AxeBuilder({ page: tab.page }).analyze();
  const grave = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    grave.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`),
    [],
    `${name}: accessibility`,
  );
  assert.deepEqual(tab.errors, [], `${name}: console errors`);
  await tab.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
