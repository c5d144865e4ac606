import type { Migration } from "./index.js";

/**
 * Accounts (src/registry/lifecycle/accounts.ts): users with a role and the entities an editor
 * answers for (canonical actor names, keyed at run time so that a new actor-key rule needs no
 * rewrite), personal API tokens and web sessions. Secrets are never stored: a password as its
 * Argon2id hash, a token and a session as the SHA-256 of their random bytes. Users are disabled,
 * never deleted, so that the audit trail's authors stay known.
 */
export const accounts: Migration = {
  id: 18,
  name: "users, their entities, API tokens and web sessions",
  statements: () => [
    `CREATE TABLE users (
      id {id},
      email TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
      password_hash TEXT NOT NULL,
      disabled SMALLINT NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    `CREATE TABLE user_entities (
      user_id INTEGER NOT NULL REFERENCES users (id),
      entity TEXT NOT NULL,
      PRIMARY KEY (user_id, entity)
    )`,
    `CREATE TABLE api_tokens (
      id TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users (id),
      token_hash TEXT NOT NULL UNIQUE,
      label TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      last_used_at TEXT,
      revoked_at TEXT
    )`,
    "CREATE INDEX api_tokens_user ON api_tokens (user_id)",
    `CREATE TABLE web_sessions (
      token_hash TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    )`,
    "CREATE INDEX web_sessions_user ON web_sessions (user_id)",
  ],
};
