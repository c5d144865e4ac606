import { parentPort, workerData } from "node:worker_threads";
import { enrich } from "../../src/enrich/index.js";
import { toContractJson } from "../../src/export/json.js";
import { readResolution } from "../../src/ingest/read.js";
import { baseTexts, makeCase } from "./fuzz-cases.js";

/**
 * Runs the fuzz cases (test/ingest/fuzz.test.ts) in a thread of their own, so that the test can
 * stop a case that hangs: each case is announced before it runs and reported after, with its
 * time and anything it threw or a decoder caught.
 */
export type FuzzMessage =
  | { type: "ready"; bases: number }
  | { type: "start"; index: number; base: string; name: string; bytes: number; mutations: string[] }
  | { type: "done"; index: number; ms: number; ok: boolean; failure?: string }
  | { type: "end" };

const { seed, cases, unpacked } = workerData as { seed: number; cases: number; unpacked: string };
const post = (message: FuzzMessage) => parentPort!.postMessage(message);
/** Problems that are an exception caught on the way: what the fuzz looks for. */
const CAUGHT = new Set(["decoder-failed", "internal-error", "parser-failed"]);

const bases = baseTexts(unpacked);
post({ type: "ready", bases: bases.length });
for (let index = 0; index < cases; index++) {
  const c = makeCase(seed, index, bases);
  post({ type: "start", index, base: c.base, name: c.name, bytes: c.bytes.length, mutations: c.mutations });
  const started = performance.now();
  let failure: string | undefined;
  try {
    const parsed = await readResolution(c.bytes, { name: c.name });
    if (parsed.ok) {
      const document = enrich(parsed.document);
      const json = toContractJson(document);
      if (!json || typeof json !== "object") failure = "the JSON view is empty";
      const length = document.source.text.length;
      for (const p of [...document.preamble, ...document.operative]) {
        if (!(p.position.start.offset >= 0 && p.position.end.offset <= length && p.position.start.offset <= p.position.end.offset)) {
          failure = `a paragraph's position ${p.position.start.offset}-${p.position.end.offset} is outside the text (${length})`;
        }
      }
    }
    const caught = (parsed.ok ? parsed.document.problems : parsed.problems).find((p) => CAUGHT.has(p.code));
    if (caught) failure = `${caught.code}: ${caught.message}`;
    if (!parsed.ok && parsed.problems.length === 0) failure = "refused without a problem";
  } catch (e) {
    failure = `threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  }
  post({ type: "done", index, ms: performance.now() - started, ok: failure === undefined, ...(failure ? { failure } : {}) });
}
post({ type: "end" });
