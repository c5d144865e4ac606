#!/usr/bin/env node
import { processIO } from "./io.js";
import { runCli } from "./program.js";

/**
 * A reader that goes away (`mandates search ... | head -1`) ends the command at once and quietly,
 * as Unix tools do: status 0, no stack trace, and no more work for nobody. Node ignores SIGPIPE,
 * so a write to a closed pipe fails with EPIPE, an 'error' event that nothing handled and that
 * crashed the command with a stack trace and status 1. Another output error (a full disk) is
 * one line and status 1.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    if (stream !== process.stderr) process.stderr.write(`mandates: cannot write the output: ${e.message}\n`);
    process.exit(1);
  });
}

runCli(process.argv.slice(2), processIO).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`mandates: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
