import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Paths to ../shared beside the checkout; tests read the corpus there and never copy it. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARED = resolve(ROOT, "../shared");
export const CORPUS = join(SHARED, "corpus");
export const GOLD = join(SHARED, "gold");
/** Where the packed AKN and EOSG archives are unpacked (git-ignored). */
export const UNPACKED = join(ROOT, ".corpus");

export function corpusFile(...parts: string[]): string {
  return join(CORPUS, ...parts);
}

export function readCorpus(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(corpusFile(...parts)));
}

/** Unpacks the AKN and EOSG archives once (the unpack script is idempotent) and returns the folder. */
export function unpackedCorpus(): string {
  execFileSync(join(CORPUS, "unpack"), [UNPACKED], { stdio: "ignore" });
  return UNPACKED;
}

export function gold(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(GOLD, `${name}.gold.json`), "utf8"));
}

export function listFiles(dir: string, suffix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(suffix)).sort().map((f) => join(dir, f));
}
