import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The product as it ships. Bench parts time the compiled modules in dist/, which the `mandates`
 * command runs, not the TypeScript sources through the tsx loader: tsx compiles with esbuild's
 * keepNames, which wraps every function and costs up to a fifth of the parse time. Types still
 * come from src/ (`typeof import("../src/...")`); `npm run bench` builds first.
 */
export async function shipped<Module>(path: string): Promise<Module> {
  const url = new URL(`../dist/${path}`, import.meta.url);
  if (!existsSync(url)) throw new Error(`${fileURLToPath(url)} is missing: run "npm run build" first`);
  return (await import(url.href)) as Module;
}
