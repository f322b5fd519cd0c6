import type { Migration } from './types';

// Publikasi: channels (credentials sealed by the SecretBox, never in plain text), and the outbox:
// one row per publication to one channel, with every attempt on record.
export const migration006: Migration = {
  version: 6,
  name: 'publishing',
  up: `
    CREATE TABLE channels (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('wordpress', 'facebook', 'instagram', 'x', 'telegram', 'mastodon')),
      name TEXT NOT NULL,
      base_url TEXT NOT NULL,
      account TEXT NOT NULL DEFAULT '',
      sealed_secret TEXT,
      settings TEXT NOT NULL DEFAULT '{}',
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      token_expires_at TEXT,
      last_success_at TEXT,
      last_error TEXT,
      last_error_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE publications (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id),
      version INTEGER NOT NULL,
      channel_id INTEGER NOT NULL REFERENCES channels(id),
      action TEXT NOT NULL CHECK (action IN ('publish', 'correct', 'withdraw')),
      status TEXT NOT NULL CHECK (status IN ('queued', 'scheduled', 'sending', 'sent', 'failed', 'unknown', 'cancelled')),
      variant TEXT NOT NULL,
      scheduled_at TEXT,
      next_attempt_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      remote_id TEXT,
      remote_url TEXT,
      -- What a multi-step send already did (media uploaded, thread parts posted), so a retry resumes.
      progress TEXT NOT NULL DEFAULT '{}',
      -- Sent as Idempotency-Key, and the unique marker the website post carries (its slug).
      marker TEXT NOT NULL UNIQUE,
      -- Social posts that link to the website wait for the website's publication.
      after_id INTEGER REFERENCES publications(id),
      created_by INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      sent_at TEXT
    ) STRICT;
    CREATE INDEX publications_due ON publications(next_attempt_at) WHERE status IN ('queued', 'scheduled');
    CREATE INDEX publications_document ON publications(document_id);
    CREATE INDEX publications_channel ON publications(channel_id, status);

    CREATE TABLE publication_attempts (
      id INTEGER PRIMARY KEY,
      publication_id INTEGER NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
      channel_id INTEGER NOT NULL REFERENCES channels(id),
      at TEXT NOT NULL,
      outcome TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX publication_attempts_channel ON publication_attempts(channel_id, at);
    CREATE INDEX publication_attempts_publication ON publication_attempts(publication_id);
  `,
};
