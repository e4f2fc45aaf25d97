-- Changeset sqlite_limits.yaml::1::a
CREATE TABLE person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, team_id INTEGER, email VARCHAR(255) NOT NULL, CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE, UNIQUE (email));
-- Rollback sqlite_limits.yaml::1::a
DROP TABLE person;

-- Changeset sqlite_limits.yaml::2::a
-- ERROR: sqlite_limits.yaml:17:11: addForeignKeyConstraint is not supported on SQLite: ALTER TABLE cannot add constraints; declare the foreign key in createTable (references/foreignKeyName)
-- ERROR: sqlite_limits.yaml:18:11: addNotNullConstraint is not supported on SQLite: ALTER TABLE cannot change a column's nullability; declare nullable: false in createTable
-- ERROR: sqlite_limits.yaml:19:11: addDefaultValue is not supported on SQLite: ALTER TABLE cannot change a column's default; declare the default in createTable or addColumn
DROP VIEW IF EXISTS v;
CREATE VIEW v AS select id from person;
-- Rollback sqlite_limits.yaml::2::a
DROP VIEW v;
-- ERROR: sqlite_limits.yaml:19:11: dropDefaultValue is not supported on SQLite: ALTER TABLE cannot change a column's default
-- ERROR: sqlite_limits.yaml:18:11: dropNotNullConstraint is not supported on SQLite: ALTER TABLE cannot change a column's nullability
-- ERROR: sqlite_limits.yaml:17:11: dropForeignKeyConstraint is not supported on SQLite: ALTER TABLE cannot drop constraints; the table would have to be rebuilt

