import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { memoryIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import { openStore } from "../../src/registry/open.js";

/** Accounts from the command line: the first admin, an editor of UNIDO, tokens shown once and revoked, the audit trail as CSV. */

const dir = mkdtempSync(join(tmpdir(), "accounts-cli-"));
const db = join(dir, "registry.db");
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], stdin?: string) {
  const io = memoryIO({}, undefined, stdin);
  const code = await runCli([...args, "--db", db], io);
  return { code, out: io.out, err: io.err };
}

test("users add, tokens create and revoke, audit export: what the acceptance checks drive", async () => {
  const admin = await run(["users", "add", "Admin@Example.org", "--role", "admin", "--password-stdin"], "a long enough passphrase\n");
  assert.equal(admin.code, 0, admin.err);
  assert.match(admin.out, /^added admin@example\.org {2}admin/);
  const editor = await run(["users", "add", "ed@unido.org", "--role", "editor", "--entity", "UNIDO", "--password-stdin"], "another long passphrase");
  assert.equal(editor.code, 0, editor.err);
  assert.match(editor.out, /United Nations Industrial Development Organization/);

  // refused, each with a message and exit code 2
  for (const [args, stdin, message] of [
    [["users", "add", "x@un.org", "--role", "viewer", "--password-stdin"], "short", /at least 12 characters/],
    [["users", "add", "x@un.org", "--role", "king", "--password-stdin"], "a long enough passphrase", /--role must be one of viewer, editor, admin/],
    [["users", "add", "x@un.org", "--role", "viewer"], "a long enough passphrase", /--password-stdin/],
    [["users", "add", "x@un.org", "--role", "editor", "--password-stdin"], "a long enough passphrase", /at least one entity/],
    [["users", "add", "x@un.org", "--role", "editor", "--entity", "Ministry of Nowhere", "--password-stdin"], "a long enough passphrase", /unknown entity "Ministry of Nowhere"/],
    [["users", "add", "ed@unido.org", "--role", "viewer", "--password-stdin"], "a long enough passphrase", /exists already/],
    [["users", "add", "not-an-email", "--role", "viewer", "--password-stdin"], "a long enough passphrase", /is not an email address/],
  ] as const) {
    const r = await run([...args], stdin);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.err}`);
    assert.match(r.err, message);
  }

  const created = await run(["tokens", "create", "ed@unido.org"]);
  assert.equal(created.code, 0, created.err);
  const token = created.out.trim();
  assert.match(token, /^mrt_[A-Za-z0-9_-]{43}$/);
  const id = /token ([0-9a-f]{12}) for ed@unido\.org/.exec(created.err)![1]!;
  const listed = await run(["tokens", "list", "--json"]);
  assert.ok(!listed.out.includes(token), "a token is shown once, never listed");
  const store = await openStore(db);
  try {
    assert.equal((await store.lifecycle.principalOfToken(token))?.email, "ed@unido.org");
    assert.equal((await run(["tokens", "revoke", id])).code, 0);
    assert.equal(await store.lifecycle.principalOfToken(token), null, "revoked: it stops working at once");
  } finally {
    await store.close();
  }
  assert.equal((await run(["tokens", "revoke", "000000000000"])).code, 1);

  const audit = await run(["audit", "export", "--csv"]);
  assert.equal(audit.code, 0);
  const lines = audit.out.trim().split("\r\n");
  assert.equal(lines[0], "id,at,user,via,action,mandate,entity,subject,before,after");
  assert.deepEqual(lines.slice(1).map((l) => l.split(",")[4]), ["token.revoke", "token.create", "user.create", "user.create"]);
  for (const secret of [token, "argon2", "passphrase"]) assert.ok(!audit.out.includes(secret) && !listed.out.includes(secret), secret);

  const disabled = await run(["users", "disable", "ed@unido.org"]);
  assert.match(disabled.out, /\(disabled\)/);
  const users = JSON.parse((await run(["users", "list", "--json"])).out) as { email: string; disabled: boolean }[];
  assert.deepEqual(users.map((u) => [u.email, u.disabled]), [["admin@example.org", false], ["ed@unido.org", true]]);
  assert.ok(!JSON.stringify(users).includes("argon2"));
});
