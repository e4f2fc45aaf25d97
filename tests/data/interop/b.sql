--liquibase formatted sql

--changeset dave:bf1
CREATE TABLE bt (id int, v varchar(10));
INSERT INTO bt VALUES (1, 'x');
--rollback DROP TABLE bt;

--changeset dave:bf2 dbms:postgresql splitStatements:false
CREATE FUNCTION bf2() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
--rollback DROP FUNCTION bf2();
