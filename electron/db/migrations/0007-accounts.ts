import type { Migration } from './types';

/**
 * Issue 9, accounts and roles: the center's local users, and the user behind every audit row.
 *
 * - `users`: a login name (unique whatever its case), the name shown and written in records,
 *   one of the four roles, the scrypt hash of the password with its own salt (the password is
 *   never stored; NULL: no password, the account can only be used by a trusted local program),
 *   `must_change_password` after an administrator's reset, the wrong-password count and the
 *   lock it leads to, disabled instead of deleted (records keep naming their author).
 * - `audit_log.actor_login`: the account that did it. Rows written before accounts keep their
 *   actor text (the 填报人 setting of the time) and have no login; so do rows written by the
 *   command line or the demo seeding, whose actor text says who they were.
 */
export const m0007: Migration = {
  version: 7,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id                   INTEGER PRIMARY KEY,
        login                TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(login) BETWEEN 2 AND 32),
        display_name         TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
        role                 TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'reviewer', 'viewer')),
        password_hash        TEXT,
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        failed_count         INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
        locked_until         TEXT,
        disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at           TEXT NOT NULL,
        created_by           TEXT NOT NULL,
        last_sign_in_at      TEXT,
        password_changed_at  TEXT
      ) STRICT;

      ALTER TABLE audit_log ADD COLUMN actor_login TEXT;
    `);
  },
};
