import type { Migration } from "./index.js";

/**
 * The registry's tables. Documents are (symbol, language); versions keep every source ever
 * stored (hash, format, the model as deflated JSON); paragraphs, citations, mandates and SDG
 * links describe the current version. Flags are SMALLINT 0/1 in both databases.
 */
export const schema: Migration = {
  id: 1,
  name: "documents, versions, paragraphs, citations, mandates, SDG links, series",
  statements: () => [
    `CREATE TABLE documents (
      id {id},
      symbol TEXT NOT NULL,
      language TEXT NOT NULL,
      body TEXT NOT NULL,
      session INTEGER,
      year INTEGER,
      number INTEGER,
      title TEXT,
      title_key TEXT,
      committee TEXT,
      committee_report TEXT,
      agenda_item TEXT,
      adoption_date TEXT,
      plenary_meeting INTEGER,
      format TEXT NOT NULL,
      problems INTEGER NOT NULL DEFAULT 0,
      current_version INTEGER NOT NULL DEFAULT 0,
      version_count INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL,
      UNIQUE (symbol, language)
    )`,
    "CREATE INDEX documents_session ON documents (session, number)",
    "CREATE INDEX documents_title_key ON documents (title_key)",
    `CREATE TABLE versions (
      id {id},
      document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      number INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      format TEXT NOT NULL,
      source_name TEXT,
      byte_length INTEGER NOT NULL,
      ingested_at TEXT NOT NULL,
      model {blob} NOT NULL,
      UNIQUE (document_id, number),
      UNIQUE (document_id, sha256)
    )`,
    "CREATE INDEX versions_sha256 ON versions (sha256)",
    `CREATE TABLE paragraphs (
      id {key} PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      language TEXT NOT NULL,
      ordinal INTEGER NOT NULL,
      ref TEXT NOT NULL,
      kind TEXT NOT NULL,
      number INTEGER,
      phrase TEXT,
      part TEXT,
      text TEXT NOT NULL,
      text_hash TEXT NOT NULL,
      start_offset INTEGER NOT NULL,
      end_offset INTEGER NOT NULL
    )`,
    "CREATE INDEX paragraphs_text_hash ON paragraphs (text_hash)",
    `CREATE TABLE citations (
      id {id},
      document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      paragraph_id {key},
      ref TEXT NOT NULL,
      symbol TEXT NOT NULL,
      kind TEXT NOT NULL,
      text TEXT NOT NULL
    )`,
    "CREATE INDEX citations_document ON citations (document_id)",
    "CREATE INDEX citations_symbol ON citations (symbol)",
    `CREATE TABLE mandates (
      id {id},
      document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      paragraph_id {key} NOT NULL,
      ref TEXT NOT NULL,
      paragraph_number INTEGER NOT NULL,
      sub TEXT,
      actor TEXT NOT NULL,
      actor_canonical TEXT,
      actor_key TEXT NOT NULL,
      actor_type TEXT NOT NULL,
      verb TEXT NOT NULL,
      category TEXT NOT NULL,
      force INTEGER NOT NULL,
      action TEXT NOT NULL,
      report SMALLINT NOT NULL,
      report_to TEXT,
      deliverable TEXT,
      due_session INTEGER,
      deadline TEXT,
      recurrence TEXT,
      has_review_or_end SMALLINT NOT NULL
    )`,
    "CREATE INDEX mandates_document ON mandates (document_id)",
    "CREATE INDEX mandates_paragraph ON mandates (paragraph_id)",
    "CREATE INDEX mandates_actor ON mandates (actor_key)",
    "CREATE INDEX mandates_due ON mandates (due_session)",
    `CREATE TABLE sdg_links (
      id {id},
      document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      paragraph_id {key},
      goal TEXT NOT NULL,
      target TEXT,
      origin TEXT NOT NULL
    )`,
    "CREATE INDEX sdg_links_document ON sdg_links (document_id)",
    "CREATE INDEX sdg_links_goal ON sdg_links (goal, document_id)",
    `CREATE TABLE series (
      id {id},
      key TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      language TEXT NOT NULL
    )`,
    `CREATE TABLE series_members (
      series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      PRIMARY KEY (series_id, document_id)
    )`,
    "CREATE INDEX series_members_document ON series_members (document_id)",
    // Flags the writers leave for later passes: "series_dirty" = documents changed since series were computed.
    "CREATE TABLE registry_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
  ],
};
