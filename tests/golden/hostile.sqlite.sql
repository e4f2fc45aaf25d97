-- Changeset hostile.yaml::hostile::mallory
CREATE TABLE "a""b" ("x'; DROP TABLE t; --" VARCHAR(20) DEFAULT 'x''; DROP TABLE t; --', "order" INTEGER, MixedCase INTEGER);
INSERT INTO "a""b" ("order") VALUES ('it''s');
-- Rollback hostile.yaml::hostile::mallory
-- ERROR: hostile.yaml:13:11: hostile.yaml::hostile::mallory: No inverse to liquibase.change.core.InsertDataChange created

