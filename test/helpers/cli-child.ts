import { spawn, type SpawnOptions } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./corpus.js";

/**
 * The `mandates` command in a process of its own (as a user runs it: real files, real pipes,
 * its own memory): node with the tsx loader on src/cli/main.ts.
 */
export const CLI_ARGS = ["--import", "tsx", join(ROOT, "src", "cli", "main.ts")];

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from start to exit. */
  ms: number;
}

/** Runs `mandates ARGS...` to its end (killed after `timeoutMs`), collecting its output. */
export function runMandates(args: string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], ...options });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}
