import type { Command } from "commander";
import { auditCsv } from "../export/lifecycle.js";
import { ROLES, type Role } from "../model/lifecycle.js";
import { CLI_AUTHOR, type Done, type TokenRecord, type UserRecord } from "../registry/lifecycle/index.js";
import { hashPassword, passwordProblem } from "../registry/lifecycle/passwords.js";
import { commandOnStore, DB_OPTION_HELP, databaseLocation } from "../registry/open.js";
import type { Store } from "../registry/store.js";
import type { CliIO } from "./io.js";

/**
 * Accounts from the command line: the first admin is made here (`users add EMAIL --role admin
 * --password-stdin`), as are users, their entities and API tokens. The CLI acts as the registry
 * itself: its changes are audited with no user and "cli" as their way in. A password is read from
 * standard input only, never from an argument (which other users of the machine can see), and a
 * token is printed once, on its own line, and never again.
 */

interface DbFlags {
  db?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function role(value: string | undefined): Role | string {
  if (value === undefined) return "--role is required: admin, editor or viewer";
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : `--role must be one of ${ROLES.join(", ")}`;
}

async function readPassword(io: CliIO, command: string): Promise<string | { problem: string }> {
  if (!io.readStdin) return { problem: `mandates ${command}: no standard input to read the password from` };
  const password = (await io.readStdin()).replace(/\r?\n$/, "");
  const problem = passwordProblem(password);
  return problem ? { problem: `mandates ${command}: ${problem}` } : password;
}

function userLine(u: UserRecord): string {
  return `${u.email}  ${u.role}${u.entities.length ? `  ${u.entities.join("; ")}` : ""}${u.disabled ? "  (disabled)" : ""}\n`;
}

function tokenLine(t: TokenRecord): string {
  return `${t.id}  ${t.email}  created ${t.createdAt}${t.label ? `  "${t.label}"` : ""}${t.revokedAt ? `  revoked ${t.revokedAt}` : t.lastUsedAt ? `  last used ${t.lastUsedAt}` : ""}\n`;
}

/** A refused change: its message on stderr, exit code 2 (bad input) or 1 (nothing to change). */
function refused<T>(io: CliIO, command: string, done: Done<T>): done is Extract<Done<T>, { ok: false }> {
  if (done.ok) return false;
  io.stderr(`mandates ${command}: ${done.message}\n`);
  return true;
}

const exitOf = (status: number) => (status === 404 ? 1 : 2);

function onStore(command: string, flags: DbFlags, io: CliIO, work: (store: Store) => Promise<number>): Promise<number> {
  return commandOnStore(command, databaseLocation(flags.db, io.env), io.stderr, work);
}

export function registerAccounts(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const users = program.command("users").description("accounts: viewers, editors of entities, admins (the first admin is made here)");
  users
    .command("add <email>")
    .description("add a user; the password is read from standard input")
    .option("--db <location>", DB_OPTION_HELP)
    .option("--role <role>", "admin, editor or viewer")
    .option("--entity <name>", "an entity an editor records decisions for, as the registry names actors (UNIDO); repeat for several", collect)
    .option("--password-stdin", "read the password from standard input (required: a password is never an argument)")
    .option("--json", "print the user as JSON")
    .action(async (email: string, flags: DbFlags & { role?: string; entity?: string[]; passwordStdin?: boolean }) => {
      const r = role(flags.role);
      if (!(ROLES as readonly string[]).includes(r)) return setExit((io.stderr(`mandates users add: ${r}\n`), 2));
      if (!flags.passwordStdin) return setExit((io.stderr("mandates users add: give the password on standard input with --password-stdin\n"), 2));
      const password = await readPassword(io, "users add");
      if (typeof password !== "string") return setExit((io.stderr(`${password.problem}\n`), 2));
      setExit(
        await onStore("users add", flags, io, async (store) => {
          const done = await store.lifecycle.createUser({ email, role: r as Role, entities: flags.entity ?? [], passwordHash: await hashPassword(password) }, CLI_AUTHOR);
          if (refused(io, "users add", done)) return exitOf(done.status);
          io.stdout(flags.json ? `${JSON.stringify(done.value)}\n` : `added ${userLine(done.value)}`);
          return 0;
        }),
      );
    });
  users
    .command("list")
    .description("list the users, their roles and entities")
    .option("--db <location>", DB_OPTION_HELP)
    .option("--json", "print the users as JSON")
    .action(async (flags: DbFlags) =>
      setExit(
        await onStore("users list", flags, io, async (store) => {
          const list = await store.lifecycle.listUsers();
          io.stdout(flags.json ? `${JSON.stringify(list)}\n` : list.map(userLine).join("") || "no users\n");
          return 0;
        }),
      ),
    );
  const change = (name: string, description: string, make: (flags: DbFlags & { role?: string; entity?: string[]; passwordStdin?: boolean }) => Promise<Parameters<Store["lifecycle"]["updateUser"]>[1] | string>) =>
    users
      .command(`${name} <email>`)
      .description(description)
      .option("--db <location>", DB_OPTION_HELP)
      .option("--json", "print the user as JSON")
      .action(async (email: string, flags: DbFlags & { role?: string; entity?: string[]; passwordStdin?: boolean }) => {
        const what = await make(flags);
        if (typeof what === "string") return setExit((io.stderr(`mandates users ${name}: ${what}\n`), 2));
        setExit(
          await onStore(`users ${name}`, flags, io, async (store) => {
            const done = await store.lifecycle.updateUser(email, what, CLI_AUTHOR);
            if (refused(io, `users ${name}`, done)) return exitOf(done.status);
            io.stdout(flags.json ? `${JSON.stringify(done.value)}\n` : userLine(done.value));
            return 0;
          }),
        );
      });
  change("disable", "disable a user: their sessions end and their tokens stop working at once", async () => ({ disabled: true }));
  change("enable", "enable a disabled user again", async () => ({ disabled: false }));
  change("set", "change a user's role, entities (--entity, repeated, replaces them) or password (--password-stdin)", async (flags) => {
    const out: { role?: Role; entities?: string[]; passwordHash?: string } = {};
    if (flags.role !== undefined) {
      const r = role(flags.role);
      if (!(ROLES as readonly string[]).includes(r)) return r;
      out.role = r as Role;
    }
    if (flags.entity) out.entities = flags.entity;
    if (flags.passwordStdin) {
      const password = await readPassword(io, "users set");
      if (typeof password !== "string") return password.problem.replace(/^mandates users set: /, "");
      out.passwordHash = await hashPassword(password);
    }
    return Object.keys(out).length ? out : "nothing to change: give --role, --entity or --password-stdin";
  })
    .option("--role <role>", "admin, editor or viewer")
    .option("--entity <name>", "an entity the editor records decisions for; repeat for several", collect)
    .option("--password-stdin", "a new password, from standard input");

  const tokens = program.command("tokens").description("personal API tokens: created for a user, shown once, stored hashed, revocable at once");
  tokens
    .command("create <email>")
    .description("create an API token for a user and print it (once: the registry keeps only its hash)")
    .option("--db <location>", DB_OPTION_HELP)
    .option("--label <text>", "what the token is for", "")
    .option("--json", "print {id, token, ...} as JSON")
    .action(async (email: string, flags: DbFlags & { label: string }) =>
      setExit(
        await onStore("tokens create", flags, io, async (store) => {
          const done = await store.lifecycle.createToken(email, flags.label, CLI_AUTHOR);
          if (refused(io, "tokens create", done)) return exitOf(done.status);
          if (flags.json) io.stdout(`${JSON.stringify({ ...done.value.record, token: done.value.token })}\n`);
          else {
            io.stdout(`${done.value.token}\n`);
            io.stderr(`token ${done.value.record.id} for ${done.value.record.email}: send it as "Authorization: Bearer TOKEN"; it is not shown again (revoke it with mandates tokens revoke ${done.value.record.id})\n`);
          }
          return 0;
        }),
      ),
    );
  tokens
    .command("list [email]")
    .description("list API tokens (ids, owners, use; never the tokens themselves)")
    .option("--db <location>", DB_OPTION_HELP)
    .option("--json", "print the tokens as JSON")
    .action(async (email: string | undefined, flags: DbFlags) =>
      setExit(
        await onStore("tokens list", flags, io, async (store) => {
          const list = await store.lifecycle.listTokens(email);
          io.stdout(flags.json ? `${JSON.stringify(list)}\n` : list.map(tokenLine).join("") || "no tokens\n");
          return 0;
        }),
      ),
    );
  tokens
    .command("revoke <id>")
    .description("revoke an API token: it stops working at the next request")
    .option("--db <location>", DB_OPTION_HELP)
    .option("--json", "print the token as JSON")
    .action(async (id: string, flags: DbFlags) =>
      setExit(
        await onStore("tokens revoke", flags, io, async (store) => {
          const done = await store.lifecycle.revokeToken(id, CLI_AUTHOR);
          if (refused(io, "tokens revoke", done)) return exitOf(done.status);
          io.stdout(flags.json ? `${JSON.stringify(done.value)}\n` : `revoked ${tokenLine(done.value)}`);
          return 0;
        }),
      ),
    );

  program
    .command("audit")
    .description("the audit trail of changes: who, when, what, before and after")
    .command("export")
    .description("print the audit trail, newest first, as CSV (or JSON Lines with --json)")
    .option("--db <location>", DB_OPTION_HELP)
    .option("--csv", "CSV with a header line (the default)")
    .option("--json", "one JSON object per line")
    .option("--mandate <id>", "only the changes of one mandate")
    .option("--user <email>", "only the changes one user made")
    .action(async (flags: DbFlags & { csv?: boolean; mandate?: string; user?: string }) =>
      setExit(
        await onStore("audit export", flags, io, async (store) => {
          const filter = { ...(flags.mandate ? { mandate: flags.mandate } : {}), ...(flags.user ? { user: flags.user } : {}) };
          const PAGE = 5000;
          const entries = [];
          for (let offset = 0; ; offset += PAGE) {
            const page = await store.lifecycle.audit(filter, { limit: PAGE, offset });
            entries.push(...page.items);
            if (page.items.length < PAGE) break;
          }
          io.stdout(flags.json ? entries.map((e) => `${JSON.stringify(e)}\n`).join("") : auditCsv(entries));
          return 0;
        }),
      ),
    );
}
