import { processIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";

/** Runs `mandates ARGS...` in this process, then prints its peak memory (KB) as the last line of stderr. */
const code = await runCli(process.argv.slice(2), processIO);
process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
