-- Changeset more_changes.yaml::ai::t
-- ERROR: more_changes.yaml:2:47: addAutoIncrement is not supported on SQLite: AUTOINCREMENT always increments by 1
-- Rollback more_changes.yaml::ai::t
-- ERROR: more_changes.yaml:2:47: more_changes.yaml::ai::t: No inverse to liquibase.change.core.AddAutoIncrementChange created

-- Changeset more_changes.yaml::lookup::t
-- ERROR: more_changes.yaml:3:51: addLookupTable is not supported on SQLite: ALTER TABLE cannot add the lookup table's primary key and foreign key; create the table with createTable and load it with sql
-- Rollback more_changes.yaml::lookup::t
-- ERROR: more_changes.yaml:3:51: dropForeignKeyConstraint: table 'orders' is unknown to Strata; SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
DROP TABLE states;

-- Changeset more_changes.yaml::pk::t
-- ERROR: more_changes.yaml:4:47: addPrimaryKey: table 'orders' is unknown to Strata; SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback more_changes.yaml::pk::t
-- ERROR: more_changes.yaml:4:47: dropPrimaryKey: table 'orders' is unknown to Strata; SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)

-- Changeset more_changes.yaml::dpk::t
-- ERROR: more_changes.yaml:5:48: dropPrimaryKey: table 'orders' is unknown to Strata; SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback more_changes.yaml::dpk::t
-- ERROR: more_changes.yaml:5:48: more_changes.yaml::dpk::t: No inverse to liquibase.change.core.DropPrimaryKeyChange created

-- Changeset more_changes.yaml::dfks::t
-- ERROR: more_changes.yaml:6:49: dropAllForeignKeyConstraints: table 'orders' is unknown to Strata; SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback more_changes.yaml::dfks::t
-- ERROR: more_changes.yaml:6:49: more_changes.yaml::dfks::t: No inverse to liquibase.change.core.DropAllForeignKeyConstraintsChange created

-- Changeset more_changes.yaml::seq::t
-- output to STDERR: WARNING: more_changes.yaml:7:48: createSequence is not supported on SQLite (the engine has no sequences): it runs nothing, as in Liquibase 4.28
-- output to STDERR: WARNING: more_changes.yaml:7:152: alterSequence is not supported on SQLite (the engine has no sequences): it runs nothing, as in Liquibase 4.28
-- Rollback more_changes.yaml::seq::t
-- ERROR: more_changes.yaml:7:152: more_changes.yaml::seq::t: No inverse to liquibase.change.core.AlterSequenceChange created

-- Changeset more_changes.yaml::seq2::t
-- ERROR: more_changes.yaml:8:49: renameSequence is not supported on SQLite: the engine has no sequences
-- Rollback more_changes.yaml::seq2::t
-- ERROR: more_changes.yaml:8:49: renameSequence is not supported on SQLite: the engine has no sequences

-- Changeset more_changes.yaml::seq3::t
-- output to STDERR: WARNING: more_changes.yaml:9:49: dropSequence is not supported on SQLite (the engine has no sequences): it runs nothing, as in Liquibase 4.28
-- Rollback more_changes.yaml::seq3::t
-- ERROR: more_changes.yaml:9:49: more_changes.yaml::seq3::t: No inverse to liquibase.change.core.DropSequenceChange created

-- Changeset more_changes.yaml::proc::t
-- ERROR: more_changes.yaml:10:49: createProcedure is not supported on SQLite: the engine has no stored procedures
-- ERROR: more_changes.yaml:10:179: dropProcedure is not supported on SQLite: the engine has no stored procedures
-- Rollback more_changes.yaml::proc::t
-- ERROR: more_changes.yaml:10:179: more_changes.yaml::proc::t: No inverse to liquibase.change.core.DropProcedureChange created

-- Changeset more_changes.yaml::view::t
-- ERROR: more_changes.yaml:11:49: renameView is not supported on SQLite: a view cannot be renamed; drop it and create it again
-- Rollback more_changes.yaml::view::t
-- ERROR: more_changes.yaml:11:49: renameView is not supported on SQLite: a view cannot be renamed; drop it and create it again

-- Changeset more_changes.yaml::merge::t
ALTER TABLE people ADD full_name VARCHAR(100);
UPDATE people SET full_name = first || ' ' || last;
ALTER TABLE people DROP COLUMN first;
ALTER TABLE people DROP COLUMN last;
-- Rollback more_changes.yaml::merge::t
-- ERROR: more_changes.yaml:12:50: more_changes.yaml::merge::t: No inverse to liquibase.change.core.MergeColumnChange created

-- Changeset more_changes.yaml::type::t
-- ERROR: more_changes.yaml:13:49: modifyDataType: table 'people' is unknown: an earlier statement of the plan failed on a scratch copy of the schema (ALTER TABLE people ADD full_name VARCHAR(100): no such table: people); SQLite cannot make this change in place, and rebuilding the table needs its current definition (create it in the database or earlier in the changelog)
-- Rollback more_changes.yaml::type::t
-- ERROR: more_changes.yaml:13:49: more_changes.yaml::type::t: No inverse to liquibase.change.core.ModifyDataTypeChange created

-- Changeset more_changes.yaml::remarks::t
-- ERROR: more_changes.yaml:14:52: setTableRemarks is not supported on SQLite: the engine has no table comments
-- ERROR: more_changes.yaml:14:116: setColumnRemarks is not supported on SQLite: the engine has no column comments
-- Rollback more_changes.yaml::remarks::t
-- ERROR: more_changes.yaml:14:116: more_changes.yaml::remarks::t: No inverse to liquibase.change.core.SetColumnRemarksChange created

-- Changeset more_changes.yaml::out::t
-- output to STDERR: done
-- stop: Stop command in changelog file
-- Rollback more_changes.yaml::out::t
-- ERROR: more_changes.yaml:15:75: more_changes.yaml::out::t: No inverse to liquibase.change.core.StopChange created

