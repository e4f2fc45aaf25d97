-- Changeset more_changes.yaml::ai::t
CREATE SEQUENCE  IF NOT EXISTS "Orders_id_seq" START WITH 100 INCREMENT BY 2;
ALTER TABLE "Orders" ALTER COLUMN  id SET NOT NULL;
ALTER TABLE "Orders" ALTER COLUMN  id SET DEFAULT nextval('"Orders_id_seq"');
ALTER SEQUENCE "Orders_id_seq" OWNED BY "Orders".id;
-- Rollback more_changes.yaml::ai::t
-- ERROR: more_changes.yaml:2:47: more_changes.yaml::ai::t: No inverse to liquibase.change.core.AddAutoIncrementChange created

-- Changeset more_changes.yaml::lookup::t
CREATE TABLE states AS SELECT DISTINCT state AS code FROM orders WHERE state IS NOT NULL;
ALTER TABLE states ALTER COLUMN  code SET NOT NULL;
ALTER TABLE states ADD PRIMARY KEY (code);
ALTER TABLE orders ADD CONSTRAINT FK_ORDERS_STATES FOREIGN KEY (state) REFERENCES states (code);
-- Rollback more_changes.yaml::lookup::t
ALTER TABLE orders DROP CONSTRAINT FK_ORDERS_STATES;
DROP TABLE states;

-- Changeset more_changes.yaml::pk::t
ALTER TABLE orders ADD CONSTRAINT pk_orders PRIMARY KEY (id, line);
-- Rollback more_changes.yaml::pk::t
ALTER TABLE orders DROP CONSTRAINT pk_orders;

-- Changeset more_changes.yaml::dpk::t
DO $$ DECLARE constraint_name varchar;
BEGIN
  SELECT tc.CONSTRAINT_NAME into strict constraint_name
    FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
    WHERE CONSTRAINT_TYPE = 'PRIMARY KEY'
      AND TABLE_NAME = 'orders' AND TABLE_SCHEMA = current_schema();
    EXECUTE 'alter table orders drop constraint "' || constraint_name || '"';
END $$;
-- Rollback more_changes.yaml::dpk::t
-- ERROR: more_changes.yaml:5:48: more_changes.yaml::dpk::t: No inverse to liquibase.change.core.DropPrimaryKeyChange created

-- Changeset more_changes.yaml::dfks::t
DO $$ DECLARE r record;
BEGIN
  FOR r IN SELECT con.conname FROM pg_catalog.pg_constraint con
    WHERE con.contype = 'f' AND con.conrelid = 'orders'::regclass
  LOOP
    EXECUTE 'alter table orders drop constraint ' || quote_ident(r.conname);
  END LOOP;
END $$;
-- Rollback more_changes.yaml::dfks::t
-- ERROR: more_changes.yaml:6:49: more_changes.yaml::dfks::t: No inverse to liquibase.change.core.DropAllForeignKeyConstraintsChange created

-- Changeset more_changes.yaml::seq::t
CREATE SEQUENCE  IF NOT EXISTS order_seq AS int START WITH 1 INCREMENT BY 1 MINVALUE 1;
ALTER SEQUENCE order_seq NO CYCLE;
-- Rollback more_changes.yaml::seq::t
-- ERROR: more_changes.yaml:7:152: more_changes.yaml::seq::t: No inverse to liquibase.change.core.AlterSequenceChange created

-- Changeset more_changes.yaml::seq2::t
ALTER SEQUENCE order_seq RENAME TO order_no_seq;
-- Rollback more_changes.yaml::seq2::t
ALTER SEQUENCE order_no_seq RENAME TO order_seq;

-- Changeset more_changes.yaml::seq3::t
DROP SEQUENCE order_no_seq CASCADE;
-- Rollback more_changes.yaml::seq3::t
-- ERROR: more_changes.yaml:9:49: more_changes.yaml::seq3::t: No inverse to liquibase.change.core.DropSequenceChange created

-- Changeset more_changes.yaml::proc::t
CREATE OR REPLACE PROCEDURE p()
LANGUAGE plpgsql
AS $$
BEGIN
END
$$;
DROP PROCEDURE p;
-- Rollback more_changes.yaml::proc::t
-- ERROR: more_changes.yaml:10:179: more_changes.yaml::proc::t: No inverse to liquibase.change.core.DropProcedureChange created

-- Changeset more_changes.yaml::view::t
ALTER TABLE v1 RENAME TO v2;
-- Rollback more_changes.yaml::view::t
ALTER TABLE v2 RENAME TO v1;

-- Changeset more_changes.yaml::merge::t
ALTER TABLE people ADD full_name VARCHAR(100);
UPDATE people SET full_name = first || ' ' || last;
ALTER TABLE people DROP COLUMN first;
ALTER TABLE people DROP COLUMN last;
-- Rollback more_changes.yaml::merge::t
-- ERROR: more_changes.yaml:12:50: more_changes.yaml::merge::t: No inverse to liquibase.change.core.MergeColumnChange created

-- Changeset more_changes.yaml::type::t
ALTER TABLE people ALTER COLUMN age TYPE BIGINT USING (age::BIGINT);
-- Rollback more_changes.yaml::type::t
-- ERROR: more_changes.yaml:13:49: more_changes.yaml::type::t: No inverse to liquibase.change.core.ModifyDataTypeChange created

-- Changeset more_changes.yaml::remarks::t
COMMENT ON TABLE people IS 'it''s people';
COMMENT ON COLUMN people.age IS 'years';
-- Rollback more_changes.yaml::remarks::t
-- ERROR: more_changes.yaml:14:116: more_changes.yaml::remarks::t: No inverse to liquibase.change.core.SetColumnRemarksChange created

-- Changeset more_changes.yaml::out::t
-- output to STDERR: done
-- stop: Stop command in changelog file
-- Rollback more_changes.yaml::out::t
-- ERROR: more_changes.yaml:15:75: more_changes.yaml::out::t: No inverse to liquibase.change.core.StopChange created

