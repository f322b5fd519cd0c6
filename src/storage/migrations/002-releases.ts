import type { Migration } from './types';

// Press releases, clarifications and hak jawab: documents with versions, a timeline, comments with
// mentions, per-user autosaves, yearly numbering, attachments and full-text search.
export const migration002: Migration = {
  version: 2,
  name: 'releases',
  up: `
    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('siaran_pers', 'klarifikasi', 'hak_jawab')),
      status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'changes_requested', 'approved', 'published', 'withdrawn')),
      number TEXT UNIQUE,
      title TEXT NOT NULL,
      fields TEXT NOT NULL,
      body TEXT NOT NULL,
      body_text TEXT NOT NULL,
      word_count INTEGER NOT NULL,
      author_id INTEGER NOT NULL REFERENCES users(id),
      version INTEGER NOT NULL,
      version_author_id INTEGER NOT NULL REFERENCES users(id),
      is_correction INTEGER NOT NULL DEFAULT 0,
      correction_note TEXT,
      published_url TEXT,
      published_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX documents_updated ON documents(updated_at DESC);
    CREATE INDEX documents_status_updated ON documents(status, updated_at DESC);
    CREATE INDEX documents_kind_updated ON documents(kind, updated_at DESC);
    CREATE INDEX documents_author_updated ON documents(author_id, updated_at DESC);
    CREATE INDEX documents_created ON documents(created_at DESC);

    CREATE TABLE document_versions (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      title TEXT NOT NULL,
      fields TEXT NOT NULL,
      body TEXT NOT NULL,
      body_text TEXT NOT NULL,
      word_count INTEGER NOT NULL,
      author_id INTEGER NOT NULL REFERENCES users(id),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      UNIQUE (document_id, version)
    ) STRICT;

    CREATE TABLE document_events (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      actor_id INTEGER NOT NULL REFERENCES users(id),
      action TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT,
      version INTEGER,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX document_events_doc ON document_events(document_id, id);

    CREATE TABLE document_comments (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      author_id INTEGER NOT NULL REFERENCES users(id),
      body TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX document_comments_doc ON document_comments(document_id, id);

    CREATE TABLE mentions (
      comment_id INTEGER NOT NULL REFERENCES document_comments(id) ON DELETE CASCADE,
      user_id INTEGER NOT NULL REFERENCES users(id),
      done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
      PRIMARY KEY (comment_id, user_id)
    ) STRICT;
    CREATE INDEX mentions_open ON mentions(user_id, done);

    CREATE TABLE autosaves (
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      user_id INTEGER NOT NULL REFERENCES users(id),
      base_version INTEGER NOT NULL,
      title TEXT NOT NULL,
      fields TEXT NOT NULL,
      body TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      PRIMARY KEY (document_id, user_id)
    ) STRICT;

    CREATE TABLE number_sequences (
      year INTEGER PRIMARY KEY,
      last INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE attachments (
      sha256 TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      mime TEXT NOT NULL,
      original_name TEXT NOT NULL,
      created_by INTEGER REFERENCES users(id),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, body_text, content = 'documents', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
      INSERT INTO documents_fts (rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text);
    END;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body_text ON documents BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text);
      INSERT INTO documents_fts (rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
    END;
  `,
};
