--liquibase formatted sql

--changeset dave:f1
CREATE TABLE t1 (id int);
--rollback DROP TABLE t1;

--changeset dave:f2
-- a plain comment
CREATE TABLE t2 (
   id int
);
INSERT INTO t2 VALUES (1);

--changeset dave:f3 splitStatements:false endDelimiter:/
CREATE TABLE t3 (id int)
/
