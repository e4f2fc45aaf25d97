-- Changeset example.yaml::1::alice
CREATE TABLE person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, name VARCHAR(50) NOT NULL);
-- Rollback example.yaml::1::alice
DROP TABLE person;

-- Changeset example.yaml::2::alice
ALTER TABLE person ADD email VARCHAR(255);
-- Rollback example.yaml::2::alice
ALTER TABLE person DROP COLUMN email;

-- Changeset example.yaml::3::bob
CREATE UNIQUE INDEX idx_person_email ON person(email);
-- Rollback example.yaml::3::bob
DROP INDEX idx_person_email;

-- Changeset example.yaml::4::bob
-- Rollback example.yaml::4::bob

-- Changeset example.yaml::5::bob
ALTER TABLE person ADD age INTEGER DEFAULT 0;
-- Rollback example.yaml::5::bob
ALTER TABLE person DROP COLUMN age;

