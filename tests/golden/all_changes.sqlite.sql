-- Changeset all_changes.yaml::addColumn::t
ALTER TABLE t ADD c INTEGER;
-- Rollback all_changes.yaml::addColumn::t
ALTER TABLE t DROP COLUMN c;

-- Changeset all_changes.yaml::addDefaultValue::t
-- ERROR: all_changes.yaml:4:60: addDefaultValue: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback all_changes.yaml::addDefaultValue::t
-- ERROR: all_changes.yaml:4:60: dropDefaultValue: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)

-- Changeset all_changes.yaml::addForeignKeyConstraint::t
-- ERROR: all_changes.yaml:5:68: addForeignKeyConstraint: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback all_changes.yaml::addForeignKeyConstraint::t
-- ERROR: all_changes.yaml:5:68: dropForeignKeyConstraint: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)

-- Changeset all_changes.yaml::addNotNullConstraint::t
-- ERROR: all_changes.yaml:6:65: addNotNullConstraint: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback all_changes.yaml::addNotNullConstraint::t
-- ERROR: all_changes.yaml:6:65: dropNotNullConstraint: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)

-- Changeset all_changes.yaml::addUniqueConstraint::t
-- ERROR: all_changes.yaml:7:64: addUniqueConstraint: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback all_changes.yaml::addUniqueConstraint::t
-- ERROR: all_changes.yaml:7:64: dropUniqueConstraint: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)

-- Changeset all_changes.yaml::createIndex::t
CREATE INDEX i ON t(c);
-- Rollback all_changes.yaml::createIndex::t
DROP INDEX i;

-- Changeset all_changes.yaml::createTable::t
CREATE TABLE t (id INTEGER);
-- Rollback all_changes.yaml::createTable::t
DROP TABLE t;

-- Changeset all_changes.yaml::createView::t
CREATE VIEW v AS select 1;
-- Rollback all_changes.yaml::createView::t
DROP VIEW v;

-- Changeset all_changes.yaml::delete::t
DELETE FROM t WHERE id=1;
-- Rollback all_changes.yaml::delete::t
-- ERROR: all_changes.yaml:11:51: all_changes.yaml::delete::t: No inverse to liquibase.change.core.DeleteDataChange created

-- Changeset all_changes.yaml::dropColumn::t
ALTER TABLE t DROP COLUMN c;
-- Rollback all_changes.yaml::dropColumn::t
-- ERROR: all_changes.yaml:12:55: all_changes.yaml::dropColumn::t: No inverse to liquibase.change.core.DropColumnChange created

-- Changeset all_changes.yaml::dropDefaultValue::t
-- ERROR: all_changes.yaml:13:61: dropDefaultValue: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback all_changes.yaml::dropDefaultValue::t
-- ERROR: all_changes.yaml:13:61: all_changes.yaml::dropDefaultValue::t: No inverse to liquibase.change.core.DropDefaultValueChange created

-- Changeset all_changes.yaml::dropForeignKeyConstraint::t
-- ERROR: all_changes.yaml:14:69: dropForeignKeyConstraint: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback all_changes.yaml::dropForeignKeyConstraint::t
-- ERROR: all_changes.yaml:14:69: all_changes.yaml::dropForeignKeyConstraint::t: No inverse to liquibase.change.core.DropForeignKeyConstraintChange created

-- Changeset all_changes.yaml::dropIndex::t
DROP INDEX i;
-- Rollback all_changes.yaml::dropIndex::t
-- ERROR: all_changes.yaml:15:54: all_changes.yaml::dropIndex::t: No inverse to liquibase.change.core.DropIndexChange created

-- Changeset all_changes.yaml::dropNotNullConstraint::t
-- ERROR: all_changes.yaml:16:66: dropNotNullConstraint: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback all_changes.yaml::dropNotNullConstraint::t
-- ERROR: all_changes.yaml:16:66: addNotNullConstraint: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)

-- Changeset all_changes.yaml::dropTable::t
DROP TABLE t;
-- Rollback all_changes.yaml::dropTable::t
-- ERROR: all_changes.yaml:17:54: all_changes.yaml::dropTable::t: No inverse to liquibase.change.core.DropTableChange created

-- Changeset all_changes.yaml::dropUniqueConstraint::t
-- ERROR: all_changes.yaml:18:65: dropUniqueConstraint: table 't' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE t ADD c INTEGER: no such table: t); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback all_changes.yaml::dropUniqueConstraint::t
-- ERROR: all_changes.yaml:18:65: all_changes.yaml::dropUniqueConstraint::t: No inverse to liquibase.change.core.DropUniqueConstraintChange created

-- Changeset all_changes.yaml::dropView::t
DROP VIEW v;
-- Rollback all_changes.yaml::dropView::t
-- ERROR: all_changes.yaml:19:53: all_changes.yaml::dropView::t: No inverse to liquibase.change.core.DropViewChange created

-- Changeset all_changes.yaml::empty::t
-- Rollback all_changes.yaml::empty::t

-- Changeset all_changes.yaml::insert::t
INSERT INTO t (id) VALUES (1);
-- Rollback all_changes.yaml::insert::t
-- ERROR: all_changes.yaml:21:51: all_changes.yaml::insert::t: No inverse to liquibase.change.core.InsertDataChange created

-- Changeset all_changes.yaml::renameColumn::t
ALTER TABLE t RENAME COLUMN a TO b;
-- Rollback all_changes.yaml::renameColumn::t
ALTER TABLE t RENAME COLUMN b TO a;

-- Changeset all_changes.yaml::renameTable::t
ALTER TABLE a RENAME TO b;
-- Rollback all_changes.yaml::renameTable::t
ALTER TABLE b RENAME TO a;

-- Changeset all_changes.yaml::tagDatabase::t
-- Rollback all_changes.yaml::tagDatabase::t

-- Changeset all_changes.yaml::update::t
UPDATE t SET c = 'x' WHERE id=1;
-- Rollback all_changes.yaml::update::t
-- ERROR: all_changes.yaml:25:51: all_changes.yaml::update::t: No inverse to liquibase.change.core.UpdateDataChange created

-- Changeset all_changes.yaml::sql::t
insert into t values (1);
insert into t values ('a;b');
-- Rollback all_changes.yaml::sql::t
delete from t;

