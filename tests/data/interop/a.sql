--liquibase formatted sql

--changeset dave:f1 labels:core
CREATE TABLE t1 (id int);
--rollback DROP TABLE t1;

--changeset dave:f2 context:main
-- a plain comment stays part of the body
INSERT INTO t1 VALUES (1);
INSERT INTO t1 VALUES (2);
--rollback DELETE FROM t1;
