import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

/**
 * The web pages as a user meets them, on a registry holding the whole corpus: the built server
 * (`mandates serve`, dist/) on loopback and Debian's Chromium. For each page, the time from the
 * start of navigation to the page's "usable" mark (its main content on screen), read from the
 * browser's performance timeline, over fresh loads; the duplication report's answer time; and
 * the JavaScript and CSS shipped. Targets (issue 18): every page usable within 1 s; the
 * duplication page under 200 ms.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CHROMIUM = "/usr/bin/chromium";
const LOADS = 5;

const PAGES: [string, string][] = [
  ["search", "/search?q=industrial%20development%20cooperation"],
  ["resolution", "/resolutions/A%2FRES%2F79%2F222"],
  ["compare", "/compare?from=77%2F180&to=79%2F222"],
  ["series", "/series/A%2FRES%2F79%2F222"],
  ["mandates", "/mandates?actor=UNIDO"],
  ["entity", "/entities/Secretary-General"],
  ["dashboard", "/dashboard"],
  ["duplicates", "/duplicates"],
];

export interface WebBenchOptions {
  corpus: string;
  /** A registry already holding the corpus; default the registry bench's, else one loaded here. */
  registry?: string;
  print?: (line: string) => void;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Sizes of the scripts and style sheets: those the page shell loads first, and all of them. */
export function shippedSizes(webRoot = join(ROOT, "dist", "web")) {
  const shell = readFileSync(join(webRoot, "index.html"), "utf8");
  const assets = join(webRoot, "assets");
  const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
  const size = (names: string[]) => {
    let raw = 0;
    let gzip = 0;
    let brotli = 0;
    for (const name of names) {
      const bytes = readFileSync(join(assets, name));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
      brotli += brotliCompressSync(bytes).length;
    }
    return { raw, gzip, brotli };
  };
  const initial = files.filter((f) => shell.includes(`/assets/${f}`));
  return {
    initialJs: size(initial.filter((f) => f.endsWith(".js"))),
    css: size(files.filter((f) => f.endsWith(".css"))),
    allJs: size(files.filter((f) => f.endsWith(".js"))),
    chunks: files.filter((f) => f.endsWith(".js")).map((f) => ({ name: f, raw: statSync(join(assets, f)).size })),
  };
}

function startServer(registry: string): Promise<{ base: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "serve", "--db", registry, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolvePromise, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /on (http:\/\/[^\s]+) /.exec(out);
      if (m) resolvePromise({ base: m[1]!, process: child });
    });
    child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    child.on("exit", (code) => reject(new Error(`the server exited with code ${code}`)));
  });
}

/**
 * A SQLite registry holding the corpus: `given`, else the registry bench's, else one loaded
 * into .bench/web the first time (a few minutes).
 */
export async function corpusRegistry(corpus: string, print: (line: string) => void, given?: string): Promise<string> {
  let registry = given ?? join(ROOT, ".bench", "registry", "corpus.db");
  if (existsSync(registry)) return registry;
  const dir = join(ROOT, ".bench", "web");
  mkdirSync(dir, { recursive: true });
  registry = join(dir, "corpus.db");
  if (!existsSync(registry)) {
    print(`  loading the corpus into ${registry} …`);
    const { ingestPaths } = await import("../src/registry/ingest.js");
    const { openStore } = await import("../src/registry/open.js");
    const { corpusFolders } = await import("../src/cli/serve.js");
    const store = await openStore(registry);
    const unpacked = join(ROOT, ".corpus");
    await ingestPaths(store, corpusFolders(corpus, existsSync(unpacked) ? unpacked : null).filter((f) => existsSync(f)));
    await store.close();
  }
  return registry;
}

/** Asks for the duplication report until it is there (503 while the server's first scan runs). */
export async function waitForDuplicationReport(base: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${base}/api/duplicates?limit=1`);
    await response.arrayBuffer();
    if (response.status !== 503) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runWebBench(options: WebBenchOptions): Promise<void> {
  const print = options.print ?? ((line: string) => console.log(line));
  print("web pages");
  const sizes = shippedSizes();
  print(
    `  shipped: first script ${kb(sizes.initialJs.raw)} (${kb(sizes.initialJs.gzip)} gzip, ${kb(sizes.initialJs.brotli)} brotli), CSS ${kb(sizes.css.raw)} (${kb(sizes.css.brotli)} brotli); ` +
      `all scripts ${kb(sizes.allJs.raw)} (${kb(sizes.allJs.brotli)} brotli) in ${sizes.chunks.length} files, the charting and graph libraries loaded only by the pages that draw`,
  );
  if (!existsSync(CHROMIUM)) {
    print(`  skipped page timings: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    return;
  }
  const registry = await corpusRegistry(options.corpus, print, options.registry ?? process.env.WEB_BENCH_REGISTRY);
  const server = await startServer(registry);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    // The server scans the duplication report when it starts, in a worker thread; until it ends the answer is 503.
    const started = performance.now();
    await waitForDuplicationReport(server.base);
    print(`  duplication report ready ${((performance.now() - started) / 1000).toFixed(1)} s after start (scanned once, then served from memory and the registry)`);
    const api: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await (await fetch(`${server.base}/api/duplicates?limit=50&offset=${(i % 5) * 50}`)).json();
      api.push(performance.now() - t);
    }
    print(`  GET /api/duplicates?limit=50: p50 ${median(api).toFixed(1)} ms, max ${Math.max(...api).toFixed(1)} ms (target < 200 ms)`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const [name, path] of PAGES) {
      const usable: number[] = [];
      // One load to warm the server's caches and the browser's, then fresh navigations.
      for (let i = 0; i <= LOADS; i++) {
        await page.goto(server.base + path);
        await page.waitForSelector("body[data-ready]", { timeout: 30_000 });
        const t = await page.evaluate<number>("performance.getEntriesByName('usable')[0].startTime");
        if (i > 0) usable.push(t);
      }
      const slowest = Math.max(...usable);
      print(
        `  ${name.padEnd(10)} usable ${median(usable).toFixed(0)} ms median, ${slowest.toFixed(0)} ms slowest of ${LOADS} loads ${slowest < (name === "duplicates" ? 200 : 1000) ? "" : "(over target) "}[${path}]`,
      );
    }
    print(`  targets: every page usable < 1000 ms, duplication page < 200 ms [load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores]`);
  } finally {
    await browser.close();
    server.process.kill();
  }
}
