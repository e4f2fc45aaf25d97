-- Changeset sqlite_limits.yaml::1::a
CREATE TABLE team (id INTEGER NOT NULL, CONSTRAINT PK_TEAM PRIMARY KEY (id));
CREATE TABLE person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, team_id INTEGER, email VARCHAR(255) NOT NULL, CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE, UNIQUE (email));
CREATE INDEX ix_person_team ON person(team_id);
-- Rollback sqlite_limits.yaml::1::a
DROP INDEX ix_person_team;
DROP TABLE person;
DROP TABLE team;

-- Changeset sqlite_limits.yaml::2::a
CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, team_id INTEGER, email VARCHAR(255) NOT NULL, UNIQUE (email), CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE, CONSTRAINT fk2 FOREIGN KEY (team_id) REFERENCES team(id));
INSERT INTO strata_new_person (id, team_id, email) SELECT id, team_id, email FROM person;
DELETE FROM sqlite_sequence WHERE name = 'strata_new_person';
INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_person', seq FROM sqlite_sequence WHERE name = 'person';
DROP TABLE person;
PRAGMA legacy_alter_table = ON;
ALTER TABLE strata_new_person RENAME TO person;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX ix_person_team ON person(team_id);
PRAGMA foreign_key_check(person);
CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, team_id INTEGER NOT NULL, email VARCHAR(255) NOT NULL, UNIQUE (email), CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE, CONSTRAINT fk2 FOREIGN KEY (team_id) REFERENCES team(id));
INSERT INTO strata_new_person (id, team_id, email) SELECT id, team_id, email FROM person;
DELETE FROM sqlite_sequence WHERE name = 'strata_new_person';
INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_person', seq FROM sqlite_sequence WHERE name = 'person';
DROP TABLE person;
PRAGMA legacy_alter_table = ON;
ALTER TABLE strata_new_person RENAME TO person;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX ix_person_team ON person(team_id);
PRAGMA foreign_key_check(person);
CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, team_id INTEGER DEFAULT 1 NOT NULL, email VARCHAR(255) NOT NULL, UNIQUE (email), CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE, CONSTRAINT fk2 FOREIGN KEY (team_id) REFERENCES team(id));
INSERT INTO strata_new_person (id, team_id, email) SELECT id, team_id, email FROM person;
DELETE FROM sqlite_sequence WHERE name = 'strata_new_person';
INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_person', seq FROM sqlite_sequence WHERE name = 'person';
DROP TABLE person;
PRAGMA legacy_alter_table = ON;
ALTER TABLE strata_new_person RENAME TO person;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX ix_person_team ON person(team_id);
PRAGMA foreign_key_check(person);
DROP VIEW IF EXISTS v;
CREATE VIEW v AS select id from person;
-- Rollback sqlite_limits.yaml::2::a
DROP VIEW v;
CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, team_id INTEGER NOT NULL, email VARCHAR(255) NOT NULL, UNIQUE (email), CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE, CONSTRAINT fk2 FOREIGN KEY (team_id) REFERENCES team(id));
INSERT INTO strata_new_person (id, team_id, email) SELECT id, team_id, email FROM person;
DELETE FROM sqlite_sequence WHERE name = 'strata_new_person';
INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_person', seq FROM sqlite_sequence WHERE name = 'person';
DROP TABLE person;
PRAGMA legacy_alter_table = ON;
ALTER TABLE strata_new_person RENAME TO person;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX ix_person_team ON person(team_id);
PRAGMA foreign_key_check(person);
CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, team_id INTEGER, email VARCHAR(255) NOT NULL, UNIQUE (email), CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE, CONSTRAINT fk2 FOREIGN KEY (team_id) REFERENCES team(id));
INSERT INTO strata_new_person (id, team_id, email) SELECT id, team_id, email FROM person;
DELETE FROM sqlite_sequence WHERE name = 'strata_new_person';
INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_person', seq FROM sqlite_sequence WHERE name = 'person';
DROP TABLE person;
PRAGMA legacy_alter_table = ON;
ALTER TABLE strata_new_person RENAME TO person;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX ix_person_team ON person(team_id);
PRAGMA foreign_key_check(person);
CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, team_id INTEGER, email VARCHAR(255) NOT NULL, UNIQUE (email), CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE);
INSERT INTO strata_new_person (id, team_id, email) SELECT id, team_id, email FROM person;
DELETE FROM sqlite_sequence WHERE name = 'strata_new_person';
INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_person', seq FROM sqlite_sequence WHERE name = 'person';
DROP TABLE person;
PRAGMA legacy_alter_table = ON;
ALTER TABLE strata_new_person RENAME TO person;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX ix_person_team ON person(team_id);
PRAGMA foreign_key_check(person);

-- Changeset sqlite_limits.yaml::3::a
CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, team_id INTEGER DEFAULT 1 NOT NULL, email VARCHAR(255) NOT NULL, UNIQUE (email), CONSTRAINT uq_team_email UNIQUE (team_id, email), CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE, CONSTRAINT fk2 FOREIGN KEY (team_id) REFERENCES team(id));
INSERT INTO strata_new_person (id, team_id, email) SELECT id, team_id, email FROM person;
DELETE FROM sqlite_sequence WHERE name = 'strata_new_person';
INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_person', seq FROM sqlite_sequence WHERE name = 'person';
DROP TABLE person;
PRAGMA legacy_alter_table = ON;
ALTER TABLE strata_new_person RENAME TO person;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX ix_person_team ON person(team_id);
PRAGMA foreign_key_check(person);
CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, team_id INTEGER DEFAULT 1 NOT NULL, email VARCHAR(320) NOT NULL, UNIQUE (email), CONSTRAINT uq_team_email UNIQUE (team_id, email), CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE, CONSTRAINT fk2 FOREIGN KEY (team_id) REFERENCES team(id));
INSERT INTO strata_new_person (id, team_id, email) SELECT id, team_id, email FROM person;
DELETE FROM sqlite_sequence WHERE name = 'strata_new_person';
INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_person', seq FROM sqlite_sequence WHERE name = 'person';
DROP TABLE person;
PRAGMA legacy_alter_table = ON;
ALTER TABLE strata_new_person RENAME TO person;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX ix_person_team ON person(team_id);
PRAGMA foreign_key_check(person);
CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, email VARCHAR(320) NOT NULL, UNIQUE (email));
INSERT INTO strata_new_person (id, email) SELECT id, email FROM person;
DELETE FROM sqlite_sequence WHERE name = 'strata_new_person';
INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_person', seq FROM sqlite_sequence WHERE name = 'person';
DROP TABLE person;
PRAGMA legacy_alter_table = ON;
ALTER TABLE strata_new_person RENAME TO person;
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_key_check(person);
-- Rollback sqlite_limits.yaml::3::a
-- ERROR: sqlite_limits.yaml:35:11: sqlite_limits.yaml::3::a: No inverse to liquibase.change.core.DropColumnChange created

-- Changeset sqlite_limits.yaml::4::a
-- ERROR: sqlite_limits.yaml:40:11: dropDefaultValue: table 'ghost' is unknown to Strata; SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback sqlite_limits.yaml::4::a
-- ERROR: sqlite_limits.yaml:40:11: sqlite_limits.yaml::4::a: No inverse to liquibase.change.core.DropDefaultValueChange created

