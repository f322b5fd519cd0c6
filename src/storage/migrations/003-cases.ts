import type { Migration } from './types';

// Rumors and complaints ("Isu & Aduan"): cases with deadlines in working days, a timeline,
// evidence with hashes, links to clarifications, a holiday list and a similarity index.
export const migration003: Migration = {
  version: 3,
  name: 'cases',
  up: `
    CREATE TABLE cases (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('rumor', 'complaint')),
      status TEXT NOT NULL CHECK (status IN ('baru', 'verifikasi', 'perlu_klarifikasi', 'klarifikasi_terbit', 'diteruskan', 'ditindaklanjuti', 'selesai', 'ditutup')),
      title TEXT NOT NULL,
      details TEXT NOT NULL DEFAULT '',
      platforms TEXT NOT NULL DEFAULT '[]',
      source_urls TEXT NOT NULL DEFAULT '[]',
      first_seen_at TEXT,
      reported_by TEXT NOT NULL DEFAULT '',
      reach INTEGER,
      category TEXT NOT NULL,
      region TEXT NOT NULL DEFAULT '',
      opd TEXT NOT NULL DEFAULT '',
      severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
      severity_overridden INTEGER NOT NULL DEFAULT 0,
      assignee_id INTEGER REFERENCES users(id),
      ticket TEXT NOT NULL DEFAULT '',
      tags TEXT NOT NULL DEFAULT '[]',
      verdict TEXT CHECK (verdict IN ('HOAKS', 'DISINFORMASI', 'MISINFORMASI', 'FAKTA', 'BELUM TERVERIFIKASI')),
      close_reason TEXT CHECK (close_reason IN ('tidak_relevan', 'duplikat', 'di_luar_kewenangan')),
      merged_into INTEGER REFERENCES cases(id),
      due_at TEXT,
      norm TEXT NOT NULL DEFAULT '',
      created_by INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      closed_at TEXT
    ) STRICT;
    CREATE INDEX cases_status ON cases(status, due_at);
    -- Boards, tiles and deadlines read only open cases: a small index, however many are closed.
    CREATE INDEX cases_open ON cases(kind, due_at) WHERE status NOT IN ('selesai', 'ditutup') AND merged_into IS NULL;
    CREATE INDEX cases_created ON cases(created_at);
    CREATE INDEX cases_closed ON cases(closed_at);
    CREATE INDEX cases_kind_closed ON cases(kind, closed_at) WHERE closed_at IS NOT NULL;
    CREATE INDEX cases_assignee ON cases(assignee_id, status);

    CREATE TABLE case_events (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      actor_id INTEGER REFERENCES users(id),
      action TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT,
      note TEXT NOT NULL DEFAULT '',
      details TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX case_events_case ON case_events(case_id, id);

    CREATE TABLE case_evidence (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('file', 'url')),
      name TEXT NOT NULL,
      url TEXT,
      sha256 TEXT,
      size INTEGER,
      mime TEXT,
      added_by INTEGER NOT NULL REFERENCES users(id),
      added_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX case_evidence_case ON case_evidence(case_id);

    CREATE TABLE case_documents (
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      PRIMARY KEY (case_id, document_id)
    ) STRICT;
    CREATE INDEX case_documents_doc ON case_documents(document_id);

    CREATE TABLE holidays (
      day TEXT PRIMARY KEY,
      name TEXT NOT NULL
    ) STRICT;

    CREATE VIRTUAL TABLE cases_fts USING fts5(
      title, details, content = 'cases', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE cases_norm_fts USING fts5(norm, content = 'cases', content_rowid = 'id', tokenize = 'unicode61');
    CREATE VIRTUAL TABLE cases_norm_vocab USING fts5vocab(cases_norm_fts, 'row');
    CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
      INSERT INTO cases_fts (rowid, title, details) VALUES (new.id, new.title, new.details);
      INSERT INTO cases_norm_fts (rowid, norm) VALUES (new.id, new.norm);
    END;
    CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
      INSERT INTO cases_fts (cases_fts, rowid, title, details) VALUES ('delete', old.id, old.title, old.details);
      INSERT INTO cases_norm_fts (cases_norm_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
    END;
    CREATE TRIGGER cases_fts_update AFTER UPDATE OF title, details, norm ON cases BEGIN
      INSERT INTO cases_fts (cases_fts, rowid, title, details) VALUES ('delete', old.id, old.title, old.details);
      INSERT INTO cases_fts (rowid, title, details) VALUES (new.id, new.title, new.details);
      INSERT INTO cases_norm_fts (cases_norm_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
      INSERT INTO cases_norm_fts (rowid, norm) VALUES (new.id, new.norm);
    END;
  `,
};
