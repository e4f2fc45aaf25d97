--liquibase formatted sql
--property name:tbl value:people
--property name:local value:x global:false context:dev
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM ${tbl}
--changeset alice:1 runOnChange:true context:"dev and !prod" labels:a,b dbms:postgresql,sqlite splitStatements:true endDelimiter:; stripComments:false
--comment: creates ${tbl}
CREATE TABLE ${tbl} (id INT PRIMARY KEY, name VARCHAR(20) DEFAULT 'a;b--c');
/* block; comment */
INSERT INTO ${tbl} VALUES (1, '${local}');
--rollback DROP TABLE ${tbl};
--changeset bob:2 runInTransaction:false failOnError:false runAlways:true
--precondition-table-exists table:people schema:public
--precondition-view-exists view:v
--validCheckSum: 9:0123456789abcdef0123456789abcdef
--validCheckSum: ANY
CREATE INDEX CONCURRENTLY i ON people(name)
--rollback not required
--changeset "carol":"3" endDelimiter:GO ignore:false
SELECT 1
GO
SELECT 2
GO
