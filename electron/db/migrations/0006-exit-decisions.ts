import type { Migration } from './types';

/**
 * S11a: the decisions (留用说明) that close an S11 exit trigger without an exit — unauthorised
 * absence of 30 days in a year (S11-absence) or two failed assessments in a year (S11-assessment,
 * P5). One per person, rule and trigger year; the reason is required. Written by the people
 * services with its audit row and a line in the person's 变更记录.
 */
export const m0006: Migration = {
  version: 6,
  name: 'exit-decisions',
  up(db) {
    db.exec(`
      CREATE TABLE exit_decisions (
        id           INTEGER PRIMARY KEY,
        person_id    INTEGER NOT NULL REFERENCES people(id),
        rule         TEXT NOT NULL CHECK (rule IN ('S11-absence', 'S11-assessment')),
        trigger_year INTEGER NOT NULL CHECK (trigger_year BETWEEN 1900 AND 2999),
        decided_on   TEXT NOT NULL CHECK (decided_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        created_by   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        UNIQUE (person_id, rule, trigger_year)
      ) STRICT;
    `);
  },
};
