import { Command, CommanderError } from "commander";
import type { CliIO } from "./io.js";
import { registerParse } from "./parse.js";
import { registerIngest } from "./ingest.js";
import { registerSearch } from "./search.js";
import { registerShow } from "./show.js";
import { registerMandates } from "./mandates.js";
import { registerServe } from "./serve.js";
import { registerDiff } from "./diff.js";
import { registerDuplicates } from "./duplicates.js";
import { registerExport } from "./export.js";
import { registerAccounts } from "./accounts.js";

/** Builds the `mandates` command line; runs in-process so tests need not spawn it. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command()
    .name("mandates")
    .description("Mandate Registry: United Nations resolutions as structured, linked, trackable data")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerParse(program, io, setExit);
  registerIngest(program, io, setExit);
  registerSearch(program, io, setExit);
  registerShow(program, io, setExit);
  registerMandates(program, io, setExit);
  registerServe(program, io, setExit);
  registerDiff(program, io, setExit);
  registerDuplicates(program, io, setExit);
  registerExport(program, io, setExit);
  registerAccounts(program, io, setExit);
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return exitCode;
}
