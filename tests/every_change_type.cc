// The change type matrix and its runner (declared in every_change_type.h),
// compiled once into the test helper library rather than into both engines'
// test files.
#include "every_change_type.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace strata::test {
namespace {

// ---- setup fragments (8-space indented change items) ----------------------

const std::string kPerson = R"y(        - createTable:
            tableName: person
            columns:
              - column: {name: id, type: int, constraints: {primaryKey: true, primaryKeyName: pk_person}}
              - column: {name: name, type: varchar(50), constraints: {nullable: false}}
              - column: {name: age, type: int}
        - insert: {tableName: person, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: name, value: Ada}}, {column: {name: age, valueNumeric: 36}}]}
)y";

// pet.owner_id -> person.id, declared inside CREATE TABLE (SQLite can do that).
const std::string kPetWithFk = R"y(        - createTable:
            tableName: pet
            columns:
              - column: {name: id, type: int}
              - column: {name: owner_id, type: int, constraints: {references: person(id), foreignKeyName: fk_pet_owner}}
        - insert: {tableName: pet, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: owner_id, valueNumeric: 1}}]}
)y";

const std::string kPetNoFk = R"y(        - createTable:
            tableName: pet
            columns:
              - column: {name: id, type: int}
              - column: {name: owner_id, type: int}
        - insert: {tableName: pet, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: owner_id, valueNumeric: 1}}]}
)y";

const std::string kEvent = R"y(        - createTable:
            tableName: event
            columns:
              - column: {name: id, type: int, constraints: {primaryKey: true, primaryKeyName: pk_event}}
              - column: {name: title, type: varchar(40)}
              - column: {name: happened_on, type: date}
              - column: {name: ok, type: boolean}
              - column: {name: amount, type: "decimal(8,2)"}
        - insert: {tableName: event, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: title, value: launch}}, {column: {name: happened_on, valueDate: "2024-05-16"}}, {column: {name: ok, valueBoolean: true}}, {column: {name: amount, valueNumeric: 12.5}}]}
)y";

// SQLite's addAutoIncrement needs the column to be the primary key already.
const std::string kCounterWithKey = kPerson + R"y(        - createTable:
            tableName: counter
            columns:
              - column: {name: id, type: int, constraints: {primaryKey: true, primaryKeyName: pk_counter}}
              - column: {name: label, type: varchar(10)}
        - insert: {tableName: counter, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: label, value: a}}]}
)y";

// ---- Liquibase Pro fragments ------------------------------------------------

const std::string kAgeCheck =
    "        - addCheckConstraint: {tableName: person, constraintName: ck_age, constraintBody: \"age >= 0\"}\n";

const std::string kAddOne =
    "        - createFunction: {functionName: add_one, functionBody: \"CREATE FUNCTION add_one(i int) "
    "RETURNS int AS $$ SELECT i + 1 $$ LANGUAGE sql\"}\n";

// PostgreSQL's guard: a trigger function refusing persons under 18.
const std::string kNoMinorsFn = R"y(        - createFunction:
            functionName: no_minors
            functionBody: "CREATE FUNCTION no_minors() RETURNS trigger AS $$ BEGIN IF NEW.age < 18 THEN RAISE EXCEPTION 'no minors'; END IF; RETURN NEW; END; $$ LANGUAGE plpgsql"
)y";
const std::string kGuardPg =
    "        - createTrigger: {triggerName: person_guard, tableName: person, triggerBody: \"CREATE "
    "TRIGGER person_guard BEFORE INSERT ON person FOR EACH ROW EXECUTE FUNCTION no_minors()\"}\n";
// SQLite's guard, the same rule in a trigger body.
const std::string kGuardSqlite =
    "        - createTrigger: {triggerName: person_guard, tableName: person, triggerBody: \"CREATE "
    "TRIGGER person_guard BEFORE INSERT ON person WHEN NEW.age < 18 BEGIN SELECT RAISE(ABORT, "
    "'no minors'); END\"}\n";
const std::string kPersonGuardedSqlite = kPerson + kGuardSqlite;

const std::string kPair =
    "        - createCompositeType: {typeName: pair, typeAttributes: [{typeAttribute: {name: a, "
    "type: int}}, {typeAttribute: {name: b, type: int}}]}\n";

// ---- the matrix -------------------------------------------------------------

}  // namespace

const std::vector<ChangeTypeCase>& EveryChangeType() {
  static const auto* cases = new std::vector<ChangeTypeCase>{
      {.type = "createTable",
       .setup = kPerson,
       .change = R"y(        - createTable:
            tableName: item
            remarks: things we sell
            columns:
              - column: {name: id, type: int, autoIncrement: true, constraints: {primaryKey: true}}
              - column: {name: code, type: varchar(10), defaultValue: x, constraints: {nullable: false, unique: true, uniqueConstraintName: uq_item_code}}
              - column: {name: price, type: "decimal(10,2)", defaultValueNumeric: 9.5, remarks: in euros}
              - column: {name: active, type: boolean, defaultValueBoolean: true}
              - column: {name: owner_id, type: int, constraints: {references: person(id), foreignKeyName: fk_item_owner}}
)y",
       .probe = "INSERT INTO item (code) VALUES (NULL)",
       .pg = {.check = "SELECT column_name, data_type, character_maximum_length, is_nullable, "
                       "column_default, numeric_precision, numeric_scale, is_identity, "
                       "col_description('item'::regclass, ordinal_position::int) FROM "
                       "information_schema.columns WHERE table_name = 'item' ORDER BY ordinal_position",
              .expect = "id|integer|NULL|NO|NULL|32|0|YES|NULL|\n"
                        "code|character varying|10|NO|'x'::character varying|NULL|NULL|NO|NULL|\n"
                        "price|numeric|NULL|YES|9.5|10|2|NO|in euros|\n"
                        "active|boolean|NULL|YES|true|NULL|NULL|NO|NULL|\n"
                        "owner_id|integer|NULL|YES|NULL|32|0|NO|NULL|"},
       .sqlite = {.check = "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('item')",
                  .expect = "id|INTEGER|1|NULL|1|\ncode|VARCHAR(10)|1|'x'|0|\n"
                            "price|DECIMAL(10, 2)|0|9.5|0|\nactive|BOOLEAN|0|1|0|\nowner_id|INTEGER|0|NULL|0|"}},
      {.type = "dropTable",
       .setup = kPerson + kPetNoFk,
       .change = "        - dropTable: {tableName: pet}\n",
       .rollback = R"y(        - createTable:
            tableName: pet
            columns:
              - column: {name: id, type: int}
              - column: {name: owner_id, type: int}
        - insert: {tableName: pet, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: owner_id, valueNumeric: 1}}]}
)y",
       .pg = {.check = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'pet'",
              .expect = "0|"},
       .sqlite = {.check = "SELECT count(*) FROM sqlite_master WHERE name = 'pet'", .expect = "0|"}},
      {.type = "addColumn",
       .setup = kPerson,
       .change = "        - addColumn: {tableName: person, columns: [{column: {name: email, type: varchar(100), defaultValue: none, constraints: {nullable: false}}}, {column: {name: born, type: date, defaultValueDate: \"2020-01-02\"}}, {column: {name: vip, type: boolean, defaultValueBoolean: false}}]}\n",
       .probe = "INSERT INTO person (id, name, email) VALUES (2, 'Bob', NULL)",
       .pg = {.check = "SELECT p.email, c.data_type, c.character_maximum_length, c.is_nullable, "
                       "c.column_default FROM person p, information_schema.columns c "
                       "WHERE c.table_name = 'person' AND c.column_name = 'email'",
              .expect = "none|character varying|100|NO|'none'::character varying|"},
       // (born and vip are checked by the snapshots: rollback drops them.)
       .sqlite = {.check = "SELECT p.email, c.type, c.\"notnull\", c.dflt_value FROM person p, "
                           "pragma_table_info('person') c WHERE c.name = 'email'",
                  .expect = "none|VARCHAR(100)|1|'none'|"}},
      {.type = "dropColumn",
       .setup = kPerson,
       .change = "        - dropColumn: {tableName: person, columnName: age}\n",
       .rollback = R"y(        - addColumn: {tableName: person, columns: [{column: {name: age, type: int}}]}
        - update: {tableName: person, columns: [{column: {name: age, valueNumeric: 36}}], where: "id = 1"}
)y",
       .pg = {.check = "SELECT count(*) FROM information_schema.columns WHERE table_name = 'person' "
                       "AND column_name = 'age'",
              .expect = "0|"},
       .sqlite = {.check = "SELECT count(*) FROM pragma_table_info('person') WHERE name = 'age'",
                  .expect = "0|"}},
      {.type = "renameColumn",
       .setup = kPerson,
       .change = "        - renameColumn: {tableName: person, oldColumnName: name, newColumnName: full_name, columnDataType: varchar(50)}\n",
       .pg = {.check = "SELECT full_name FROM person", .expect = "Ada|"},
       .sqlite = {.check = "SELECT full_name FROM person", .expect = "Ada|"}},
      {.type = "renameTable",
       .setup = kPerson,
       .change = "        - renameTable: {oldTableName: person, newTableName: people}\n",
       .pg = {.check = "SELECT id, name FROM people", .expect = "1|Ada|"},
       .sqlite = {.check = "SELECT id, name FROM people", .expect = "1|Ada|"}},
      {.type = "createIndex",
       .setup = kPerson,
       .change = "        - createIndex: {tableName: person, indexName: idx_person_age, unique: true, columns: [{column: {name: age, descending: true}}, {column: {name: name}}]}\n",
       .probe = "INSERT INTO person (id, name, age) VALUES (2, 'Ada', 36)",
       .pg = {.check = "SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_person_age'",
              .expect = "CREATE UNIQUE INDEX idx_person_age ON public.person USING btree (age DESC, name)|"},
       .sqlite = {.check = "SELECT sql FROM sqlite_master WHERE name = 'idx_person_age'",
                  .expect = "CREATE UNIQUE INDEX idx_person_age ON person(age DESC, name)|"}},
      {.type = "dropIndex",
       .setup = kPerson + "        - createIndex: {tableName: person, indexName: idx_person_name, columns: [{column: {name: name}}]}\n",
       .change = "        - dropIndex: {tableName: person, indexName: idx_person_name}\n",
       .rollback = "        - createIndex: {tableName: person, indexName: idx_person_name, columns: [{column: {name: name}}]}\n",
       .pg = {.check = "SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_person_name'",
              .expect = "0|"},
       .sqlite = {.check = "SELECT count(*) FROM sqlite_master WHERE name = 'idx_person_name'",
                  .expect = "0|"}},
      {.type = "addForeignKeyConstraint",
       .setup = kPerson + kPetNoFk,
       .change = "        - addForeignKeyConstraint: {baseTableName: pet, baseColumnNames: owner_id, constraintName: fk_pet_owner, referencedTableName: person, referencedColumnNames: id, onDelete: CASCADE, onUpdate: RESTRICT, deferrable: true}\n",
       .probe = "INSERT INTO pet (id, owner_id) VALUES (2, 99)",
       .pg = {.check = "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'fk_pet_owner'",
              .expect = "FOREIGN KEY (owner_id) REFERENCES person(id) ON UPDATE RESTRICT ON DELETE CASCADE DEFERRABLE|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('pet')",
                  .expect = "person|owner_id|id|CASCADE|"}},
      {.type = "dropForeignKeyConstraint",
       .setup = kPerson + kPetWithFk,
       .change = "        - dropForeignKeyConstraint: {baseTableName: pet, constraintName: fk_pet_owner}\n",
       .rollback = "        - addForeignKeyConstraint: {baseTableName: pet, baseColumnNames: owner_id, constraintName: fk_pet_owner, referencedTableName: person, referencedColumnNames: id}\n",
       .probe = "INSERT INTO pet (id, owner_id) VALUES (2, 99)",
       .probe_ok_after = true,
       .pg = {.check = "SELECT count(*) FROM pg_constraint WHERE conname = 'fk_pet_owner'",
              .expect = "0|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT count(*) FROM pragma_foreign_key_list('pet')",
                  .expect = "0|"}},
      {.type = "addUniqueConstraint",
       .setup = kPerson,
       .change = "        - addUniqueConstraint: {tableName: person, columnNames: name, constraintName: uq_person_name}\n",
       .probe = "INSERT INTO person (id, name) VALUES (2, 'Ada')",
       .pg = {.check = "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'uq_person_name'",
              .expect = "UNIQUE (name)|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT \"unique\" FROM pragma_index_list('person') WHERE origin = 'u'",
                  .expect = "1|"}},
      {.type = "dropUniqueConstraint",
       .setup = kPerson + R"y(        - createTable:
            tableName: tag
            columns:
              - column: {name: id, type: int}
              - column: {name: label, type: varchar(20), constraints: {unique: true, uniqueConstraintName: uq_tag_label}}
)y",
       .change = "        - dropUniqueConstraint: {tableName: tag, constraintName: uq_tag_label}\n",
       .rollback = "        - addUniqueConstraint: {tableName: tag, columnNames: label, constraintName: uq_tag_label}\n",
       .probe = "INSERT INTO tag (id, label) VALUES (1, 'a'), (2, 'a')",
       .probe_ok_after = true,
       .pg = {.check = "SELECT count(*) FROM pg_constraint WHERE conname = 'uq_tag_label'",
              .expect = "0|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT count(*) FROM pragma_index_list('tag') WHERE origin = 'u'",
                  .expect = "0|"}},
      {.type = "addNotNullConstraint",
       .setup = kPerson,
       .change = "        - addNotNullConstraint: {tableName: person, columnName: age, columnDataType: int}\n",
       .probe = "INSERT INTO person (id, name, age) VALUES (2, 'Bob', NULL)",
       .pg = {.check = "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'person' "
                       "AND column_name = 'age'",
              .expect = "NO|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT \"notnull\" FROM pragma_table_info('person') WHERE name = 'age'",
                  .expect = "1|"}},
      {.type = "dropNotNullConstraint",
       .setup = kPerson,
       .change = "        - dropNotNullConstraint: {tableName: person, columnName: name, columnDataType: varchar(50)}\n",
       .probe = "INSERT INTO person (id, name) VALUES (2, NULL)",
       .probe_ok_after = true,
       .pg = {.check = "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'person' "
                       "AND column_name = 'name'",
              .expect = "YES|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT \"notnull\" FROM pragma_table_info('person') WHERE name = 'name'",
                  .expect = "0|"}},
      {.type = "addDefaultValue",
       .setup = kPerson,
       .change = "        - addDefaultValue: {tableName: person, columnName: age, defaultValueNumeric: 18}\n",
       .pg = {.check = "SELECT column_default FROM information_schema.columns WHERE table_name = 'person' "
                       "AND column_name = 'age'",
              .expect = "18|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT dflt_value FROM pragma_table_info('person') WHERE name = 'age'",
                  .expect = "18|"}},
      {.type = "dropDefaultValue",
       .setup = kPerson + R"y(        - createTable:
            tableName: setting
            columns:
              - column: {name: id, type: int}
              - column: {name: val, type: varchar(20), defaultValue: "on"}
)y",
       .change = "        - dropDefaultValue: {tableName: setting, columnName: val}\n",
       .rollback = "        - addDefaultValue: {tableName: setting, columnName: val, defaultValue: \"on\"}\n",
       .pg = {.check = "SELECT column_default FROM information_schema.columns WHERE table_name = 'setting' "
                       "AND column_name = 'val'",
              .expect = "NULL|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT dflt_value FROM pragma_table_info('setting') WHERE name = 'val'",
                  .expect = "NULL|"}},
      {.type = "createView",
       .setup = kPerson,
       .change = "        - createView: {viewName: person_names, selectQuery: \"SELECT id, name FROM person\"}\n",
       .pg = {.check = "SELECT id, name FROM person_names", .expect = "1|Ada|"},
       .sqlite = {.check = "SELECT id, name FROM person_names", .expect = "1|Ada|"}},
      {.type = "dropView",
       .setup = kPerson + "        - createView: {viewName: adults, selectQuery: \"SELECT id, name FROM person WHERE age >= 18\"}\n",
       .change = "        - dropView: {viewName: adults}\n",
       .rollback = "        - createView: {viewName: adults, selectQuery: \"SELECT id, name FROM person WHERE age >= 18\"}\n",
       .pg = {.check = "SELECT count(*) FROM information_schema.views WHERE table_name = 'adults'",
              .expect = "0|"},
       .sqlite = {.check = "SELECT count(*) FROM sqlite_master WHERE name = 'adults'", .expect = "0|"}},
      {.type = "sql",
       .setup = kPerson,
       .change = "        - sql: \"CREATE TABLE raw_t (id int); INSERT INTO raw_t VALUES (7)\"\n",
       .rollback = "        - sql: DROP TABLE raw_t\n",
       .pg = {.check = "SELECT id FROM raw_t", .expect = "7|"},
       .sqlite = {.check = "SELECT id FROM raw_t", .expect = "7|"}},
      {.type = "insert",
       .setup = kPerson + kEvent,
       .change = R"y(        - insert: {tableName: person, columns: [{column: {name: id, valueNumeric: 2}}, {column: {name: name, value: "Bob's"}}, {column: {name: age, valueNumeric: 40}}]}
        - insert: {tableName: event, columns: [{column: {name: id, valueNumeric: 2}}, {column: {name: title, value: "it's \"quoted\""}}, {column: {name: happened_on, valueDate: "2025-01-31"}}, {column: {name: ok, valueBoolean: false}}, {column: {name: amount, valueNumeric: -0.25}}]}
)y",
       .rollback = "        - delete: {tableName: person, where: \"id = 2\"}\n        - delete: {tableName: event, where: \"id = 2\"}\n",
       .pg = {.check = "SELECT p.name, p.age, e.title, e.happened_on, e.ok, e.amount FROM person p, event e "
                       "WHERE p.id = 2 AND e.id = 2",
              .expect = "Bob's|40|it's \"quoted\"|2025-01-31|f|-0.25|"},
       .sqlite = {.check = "SELECT p.name, p.age, e.title, e.happened_on, e.ok, e.amount FROM person p, event e "
                           "WHERE p.id = 2 AND e.id = 2",
                  .expect = "Bob's|40|it's \"quoted\"|2025-01-31|0|-0.25|"}},
      {.type = "update",
       .setup = kPerson + kEvent,
       .change = R"y(        - update: {tableName: person, columns: [{column: {name: age, valueNumeric: 37}}], where: "id = 1"}
        - update: {tableName: event, columns: [{column: {name: title, value: "re-launch"}}, {column: {name: happened_on, valueDate: "2024-06-01"}}, {column: {name: ok, valueBoolean: false}}, {column: {name: amount, valueComputed: "amount * 2"}}], where: "title = 'launch'"}
)y",
       .rollback = R"y(        - update: {tableName: person, columns: [{column: {name: age, valueNumeric: 36}}], where: "id = 1"}
        - update: {tableName: event, columns: [{column: {name: title, value: launch}}, {column: {name: happened_on, valueDate: "2024-05-16"}}, {column: {name: ok, valueBoolean: true}}, {column: {name: amount, valueNumeric: 12.5}}], where: "id = 1"}
)y",
       .pg = {.check = "SELECT p.age, e.title, e.happened_on, e.ok, e.amount FROM person p, event e",
              .expect = "37|re-launch|2024-06-01|f|25.00|"},
       .sqlite = {.check = "SELECT p.age, e.title, e.happened_on, e.ok, e.amount FROM person p, event e",
                  .expect = "37|re-launch|2024-06-01|0|25|"}},
      {.type = "delete",
       .setup = kPerson,
       .change = "        - delete: {tableName: person, where: \"name = 'Ada'\"}\n",
       .rollback = "        - insert: {tableName: person, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: name, value: Ada}}, {column: {name: age, valueNumeric: 36}}]}\n",
       .pg = {.check = "SELECT count(*) FROM person", .expect = "0|"},
       .sqlite = {.check = "SELECT count(*) FROM person", .expect = "0|"}},
      {.type = "tagDatabase",
       .setup = kPerson,
       .change = "        - tagDatabase: {tag: v2}\n",
       .pg = {.check = "SELECT tag FROM databasechangelog WHERE id = 'change'", .expect = "v2|"},
       .sqlite = {.check = "SELECT tag FROM databasechangelog WHERE id = 'change'", .expect = "v2|"}},
      {.type = "empty",
       .setup = kPerson,
       .change = "        - empty: {}\n",
       .pg = {.check = "SELECT exectype, description FROM databasechangelog WHERE id = 'change'",
              .expect = "EXECUTED|empty|"},
       .sqlite = {.check = "SELECT exectype, description FROM databasechangelog WHERE id = 'change'",
                  .expect = "EXECUTED|empty|"}},
      {.type = "addAutoIncrement",
       .setup = kPerson + R"y(        - createTable:
            tableName: counter
            columns:
              - column: {name: id, type: int, constraints: {nullable: false}}
              - column: {name: label, type: varchar(10)}
)y",
       .change = "        - addAutoIncrement: {tableName: counter, columnName: id, columnDataType: int, startWith: 100}\n",
       // No automatic rollback; SQLite's is a rebuild back to a plain id column.
       .rollback = R"y(        - sql: {dbms: postgresql, sql: "ALTER TABLE counter ALTER COLUMN id DROP DEFAULT; DROP SEQUENCE counter_id_seq"}
        - sql: {dbms: sqlite, sql: "CREATE TABLE counter_plain (id INTEGER NOT NULL, label VARCHAR(10), CONSTRAINT pk_counter PRIMARY KEY (id)); INSERT INTO counter_plain SELECT id, label FROM counter; DROP TABLE counter; ALTER TABLE counter_plain RENAME TO counter"}
)y",
       .pg = {.check = "SELECT column_default, (SELECT start_value FROM pg_sequences WHERE "
                       "sequencename = 'counter_id_seq') FROM information_schema.columns WHERE "
                       "table_name = 'counter' AND column_name = 'id'",
              .expect = "nextval('counter_id_seq'::regclass)|100|"},
       // SQLite: through the table rebuild, which needs id to be the primary
       // key already (INTEGER PRIMARY KEY AUTOINCREMENT); the row survives.
       .sqlite = {.check = "SELECT sql LIKE '%AUTOINCREMENT%', (SELECT group_concat(id || label) "
                           "FROM counter) FROM sqlite_master WHERE name = 'counter'",
                  .expect = "1|1a|",
                  .setup = kCounterWithKey.c_str()}},
      {.type = "addLookupTable",
       .setup = kPerson + kPetNoFk + "        - addColumn: {tableName: pet, columns: [{column: {name: kind, type: varchar(10), value: cat}}]}\n",
       .change = "        - addLookupTable: {existingTableName: pet, existingColumnName: kind, newTableName: kind, newColumnName: name, newColumnDataType: varchar(10), constraintName: fk_pet_kind}\n",
       .probe = "INSERT INTO pet (id, owner_id, kind) VALUES (2, 1, 'dog')",
       .pg = {.check = "SELECT k.name, pg_get_constraintdef(c.oid) FROM kind k, pg_constraint c "
                       "WHERE c.conname = 'fk_pet_kind'",
              .expect = "cat|FOREIGN KEY (kind) REFERENCES kind(name)|"},
       // The SQLite table rebuild does not cover addLookupTable (yet).
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "addPrimaryKey",
       // box.id is NOT NULL already: adding a key makes a column NOT NULL and
       // dropping the key does not undo that (in Liquibase either).
       .setup = kPerson + R"y(        - createTable:
            tableName: box
            columns:
              - column: {name: id, type: int, constraints: {nullable: false}}
              - column: {name: label, type: varchar(10)}
        - insert: {tableName: box, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: label, value: a}}]}
)y",
       .change = "        - addPrimaryKey: {tableName: box, columnNames: id, constraintName: pk_box}\n",
       .probe = "INSERT INTO box (id, label) VALUES (1, 'b')",
       .pg = {.check = "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_box'",
              .expect = "PRIMARY KEY (id)|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT name FROM pragma_table_info('box') WHERE pk = 1",
                  .expect = "id|"}},
      {.type = "dropPrimaryKey",
       .setup = kPerson,
       .change = "        - dropPrimaryKey: {tableName: person, constraintName: pk_person}\n",
       .rollback = "        - addPrimaryKey: {tableName: person, columnNames: id, constraintName: pk_person}\n",
       .probe = "INSERT INTO person (id, name) VALUES (1, 'Twin')",
       .probe_ok_after = true,
       .pg = {.check = "SELECT count(*) FROM pg_constraint WHERE conname = 'pk_person'",
              .expect = "0|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT count(*) FROM pragma_table_info('person') WHERE pk > 0",
                  .expect = "0|"}},
      {.type = "dropAllForeignKeyConstraints",
       .setup = kPerson + kPetWithFk,
       .change = "        - dropAllForeignKeyConstraints: {baseTableName: pet}\n",
       .rollback = "        - addForeignKeyConstraint: {baseTableName: pet, baseColumnNames: owner_id, constraintName: fk_pet_owner, referencedTableName: person, referencedColumnNames: id}\n",
       .probe = "INSERT INTO pet (id, owner_id) VALUES (2, 99)",
       .probe_ok_after = true,
       .pg = {.check = "SELECT count(*) FROM pg_constraint WHERE contype = 'f'", .expect = "0|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT count(*) FROM pragma_foreign_key_list('pet')",
                  .expect = "0|"}},
      {.type = "createSequence",
       .setup = kPerson,
       .change = "        - createSequence: {sequenceName: seq_order, startValue: 100, incrementBy: 5, maxValue: 10000, cycle: true}\n",
       .pg = {.check = "SELECT start_value, increment_by, max_value, cycle, nextval('seq_order') "
                       "FROM pg_sequences WHERE sequencename = 'seq_order'",
              .expect = "100|5|10000|t|100|"},
       // SQLite has no sequences: as Liquibase 4.28, nothing runs.
       .sqlite = {.outcome = Outcome::kRunsNothing}},
      {.type = "alterSequence",
       .setup = kPerson + "        - createSequence: {sequenceName: seq_a}\n",
       .change = "        - alterSequence: {sequenceName: seq_a, incrementBy: 10, minValue: 1, maxValue: 500}\n",
       .rollback = "        - sql: ALTER SEQUENCE seq_a INCREMENT BY 1 MAXVALUE 9223372036854775807\n",
       .pg = {.check = "SELECT increment_by, min_value, max_value FROM pg_sequences WHERE sequencename = 'seq_a'",
              .expect = "10|1|500|"},
       // SQLite has no sequences: as Liquibase 4.28, nothing runs (its
       // rollback's ALTER SEQUENCE would fail; nothing to undo).
       .sqlite = {.outcome = Outcome::kRunsNothing, .setup = kPerson.c_str(),
                  .rollback = "        - empty: {}\n"}},
      {.type = "dropSequence",
       .setup = kPerson + "        - createSequence: {sequenceName: seq_d, startValue: 7}\n",
       .change = "        - dropSequence: {sequenceName: seq_d}\n",
       .rollback = "        - createSequence: {sequenceName: seq_d, startValue: 7}\n",
       .pg = {.check = "SELECT count(*) FROM pg_class WHERE relname = 'seq_d'", .expect = "0|"},
       // SQLite has no sequences: as Liquibase 4.28, nothing runs.
       .sqlite = {.outcome = Outcome::kRunsNothing, .setup = kPerson.c_str()}},
      {.type = "renameSequence",
       .setup = kPerson + "        - createSequence: {sequenceName: seq_r, startValue: 3}\n",
       .change = "        - renameSequence: {oldSequenceName: seq_r, newSequenceName: seq_r2}\n",
       .pg = {.check = "SELECT sequencename, start_value FROM pg_sequences WHERE sequencename LIKE 'seq_r%'",
              .expect = "seq_r2|3|"},
       // SQLite has no sequences.
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
      {.type = "createProcedure",
       .setup = kPerson,
       .change = "        - createProcedure: {procedureName: bump_age, procedureText: \"CREATE OR REPLACE PROCEDURE bump_age() LANGUAGE sql AS $$ UPDATE person SET age = age + 1 $$\"}\n",
       .rollback = "        - dropProcedure: {procedureName: bump_age}\n",
       .pg = {.check = "SELECT proname, prokind FROM pg_proc WHERE proname = 'bump_age'",
              .expect = "bump_age|p|"},
       // SQLite has no stored procedures.
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "dropProcedure",
       .setup = kPerson + "        - createProcedure: {procedureText: \"CREATE PROCEDURE bump_age() LANGUAGE sql AS $$ UPDATE person SET age = age + 1 $$\"}\n",
       .change = "        - dropProcedure: {procedureName: bump_age}\n",
       .rollback = "        - createProcedure: {procedureText: \"CREATE PROCEDURE bump_age() LANGUAGE sql AS $$ UPDATE person SET age = age + 1 $$\"}\n",
       .pg = {.check = "SELECT count(*) FROM pg_proc WHERE proname = 'bump_age'", .expect = "0|"},
       // SQLite has no stored procedures.
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
      {.type = "renameView",
       .setup = kPerson + "        - createView: {viewName: v_old, selectQuery: \"SELECT name FROM person\"}\n",
       .change = "        - renameView: {oldViewName: v_old, newViewName: v_new}\n",
       .pg = {.check = "SELECT name FROM v_new", .expect = "Ada|"},
       // SQLite's ALTER TABLE cannot rename a view.
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "mergeColumns",
       .setup = kPerson + R"y(        - createTable:
            tableName: fullname
            columns:
              - column: {name: id, type: int}
              - column: {name: fname, type: varchar(20)}
              - column: {name: lname, type: varchar(20)}
        - insert: {tableName: fullname, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: fname, value: Ada}}, {column: {name: lname, value: Lovelace}}]}
)y",
       .change = "        - mergeColumns: {tableName: fullname, column1Name: fname, column2Name: lname, finalColumnName: whole, finalColumnType: varchar(50), joinString: \" \"}\n",
       .rollback = R"y(        - addColumn: {tableName: fullname, columns: [{column: {name: fname, type: varchar(20)}}, {column: {name: lname, type: varchar(20)}}]}
        - sql: {dbms: postgresql, sql: "UPDATE fullname SET fname = split_part(whole, ' ', 1), lname = split_part(whole, ' ', 2)"}
        - sql: {dbms: sqlite, sql: "UPDATE fullname SET fname = substr(whole, 1, instr(whole, ' ') - 1), lname = substr(whole, instr(whole, ' ') + 1)"}
        - dropColumn: {tableName: fullname, columnName: whole}
)y",
       .pg = {.check = "SELECT * FROM fullname", .expect = "1|Ada Lovelace|"},
       .sqlite = {.check = "SELECT * FROM fullname", .expect = "1|Ada Lovelace|"}},
      {.type = "modifyDataType",
       .setup = kPerson,
       .change = "        - modifyDataType: {tableName: person, columnName: age, newDataType: bigint}\n",
       .rollback = "        - modifyDataType: {tableName: person, columnName: age, newDataType: int}\n",
       .pg = {.check = "SELECT data_type FROM information_schema.columns WHERE table_name = 'person' "
                       "AND column_name = 'age'",
              .expect = "bigint|"},
       // SQLite: through the table rebuild.
       .sqlite = {.check = "SELECT type FROM pragma_table_info('person') WHERE name = 'age'",
                  .expect = "BIGINT|"}},
      {.type = "setColumnRemarks",
       .setup = kPerson,
       .change = "        - setColumnRemarks: {tableName: person, columnName: name, remarks: \"it's the name\"}\n",
       .rollback = "        - sql: COMMENT ON COLUMN person.name IS NULL\n",
       .pg = {.check = "SELECT col_description('person'::regclass, 2)", .expect = "it's the name|"},
       // SQLite has no comments.
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "setTableRemarks",
       .setup = kPerson,
       .change = "        - setTableRemarks: {tableName: person, remarks: everyone}\n",
       .rollback = "        - sql: COMMENT ON TABLE person IS NULL\n",
       .pg = {.check = "SELECT obj_description('person'::regclass)", .expect = "everyone|"},
       // SQLite has no comments.
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "output",
       .setup = kPerson,
       .change = "        - output: {message: hello from the matrix}\n",
       .message = "hello from the matrix",
       .pg = {.check = "SELECT exectype FROM databasechangelog WHERE id = 'change'", .expect = "EXECUTED|"},
       .sqlite = {.check = "SELECT exectype FROM databasechangelog WHERE id = 'change'",
                  .expect = "EXECUTED|"}},
      {.type = "stop",
       .setup = kPerson,
       .change = "        - stop: {message: halt here}\n",
       .message = "halt here",
       .pg = {.outcome = Outcome::kStops},
       .sqlite = {.outcome = Outcome::kStops}},
      {.type = "loadData",
       .setup = kPerson + kEvent,
       .change = "        - loadData: {tableName: event, file: events.csv, relativeToChangelogFile: true, columns: [{column: {name: id, type: NUMERIC}}, {column: {name: happened_on, type: DATE}}, {column: {name: ok, type: BOOLEAN}}, {column: {name: amount, type: NUMERIC}}]}\n",
       .rollback = "        - delete: {tableName: event, where: \"id IN (2, 3)\"}\n",
       .file_name = "events.csv",
       .file_content = "id,title,happened_on,ok,amount\n2,\"party, with comma\",2024-12-31,true,NULL\n"
                       "# a comment\n3,it's,2025-02-28,false,3.75\n",
       .pg = {.check = "SELECT * FROM event ORDER BY id",
              .expect = "1|launch|2024-05-16|t|12.50|\n2|party, with comma|2024-12-31|t|NULL|\n"
                        "3|it's|2025-02-28|f|3.75|"},
       .sqlite = {.check = "SELECT * FROM event ORDER BY id",
                  .expect = "1|launch|2024-05-16|1|12.5|\n2|party, with comma|2024-12-31|1|NULL|\n"
                            "3|it's|2025-02-28|0|3.75|"}},
      {.type = "loadUpdateData",
       .setup = kPerson,
       .change = "        - loadUpdateData: {tableName: person, file: people.csv, primaryKey: id, separator: \";\", relativeToChangelogFile: true}\n",
       .file_name = "people.csv",
       .file_content = "id;name;age\n2;Bob;40\n3;Cy;51\n",
       .pg = {.check = "SELECT id, name, age FROM person ORDER BY id",
              .expect = "1|Ada|36|\n2|Bob|40|\n3|Cy|51|"},
       .sqlite = {.check = "SELECT id, name, age FROM person ORDER BY id",
                  .expect = "1|Ada|36|\n2|Bob|40|\n3|Cy|51|"}},
      {.type = "sqlFile",
       .setup = kPerson,
       .change = "        - sqlFile: {path: f.sql, relativeToChangelogFile: true}\n",
       .rollback = "        - sql: DROP TABLE from_file\n",
       .file_name = "f.sql",
       .file_content = "CREATE TABLE from_file (id int, note varchar(20));\n"
                       "INSERT INTO from_file VALUES (1, 'semi;colon');\n",
       .pg = {.check = "SELECT id, note FROM from_file", .expect = "1|semi;colon|"},
       .sqlite = {.check = "SELECT id, note FROM from_file", .expect = "1|semi;colon|"}},
      {.type = "executeCommand",
       .setup = kPerson,
       .change = "        - executeCommand: {executable: /bin/sh, args: [{arg: {value: \"-c\"}}, {arg: {value: \"echo ran > matrix.txt\"}}]}\n",
       .rollback = "        - executeCommand: {executable: /bin/rm, args: [{arg: {value: matrix.txt}}]}\n",
       .writes_file = "matrix.txt",
       .writes_content = "ran\n",
       .pg = {.check = "SELECT exectype FROM databasechangelog WHERE id = 'change'", .expect = "EXECUTED|"},
       .sqlite = {.check = "SELECT exectype FROM databasechangelog WHERE id = 'change'",
                  .expect = "EXECUTED|"}},
      {.type = "customChange",
       .setup = kPerson,
       .change = "        - customChange: {class: com.example.MyChange}\n",
       .message = "customChange 'com.example.MyChange'",
       .pg = {.outcome = Outcome::kLoadError},
       .sqlite = {.outcome = Outcome::kLoadError}},
      // ---- Liquibase Pro change types ----
      {.type = "addCheckConstraint",
       .setup = kPerson,
       .change = "        - addCheckConstraint: {tableName: person, constraintName: ck_age, constraintBody: \"age >= 0\"}\n",
       .probe = "INSERT INTO person (id, name, age) VALUES (2, 'Neg', -1)",
       .pg = {.check = "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ck_age'",
              .expect = "CHECK ((age >= 0))|"},
       // A check constraint cannot be added to an existing SQLite table.
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "dropCheckConstraint",
       .setup = kPerson + kAgeCheck,
       .change = "        - dropCheckConstraint: {tableName: person, constraintName: ck_age}\n",
       .rollback = kAgeCheck.c_str(),
       .probe = "INSERT INTO person (id, name, age) VALUES (2, 'Neg', -1)",
       .probe_ok_after = true,
       .pg = {.check = "SELECT count(*) FROM pg_constraint WHERE conname = 'ck_age'", .expect = "0|"},
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
      {.type = "enableCheckConstraint",
       .setup = kPerson,
       .change = "        - enableCheckConstraint: {tableName: person, constraintName: ck_age}\n",
       // PostgreSQL cannot disable a check constraint, so cannot enable one.
       .pg = {.outcome = Outcome::kUnsupported},
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "disableCheckConstraint",
       .setup = kPerson,
       .change = "        - disableCheckConstraint: {tableName: person, constraintName: ck_age}\n",
       .pg = {.outcome = Outcome::kUnsupported},
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "createFunction",
       .setup = kPerson,
       .change = kAddOne,
       .pg = {.check = "SELECT add_one(41)", .expect = "42|"},
       // SQLite has no stored functions.
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "dropFunction",
       .setup = kPerson + kAddOne,
       .change = "        - dropFunction: {functionName: add_one}\n",
       .rollback = kAddOne.c_str(),
       .pg = {.check = "SELECT count(*) FROM pg_proc WHERE proname = 'add_one'", .expect = "0|"},
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
      // The guard trigger refuses minors: the probe shows it firing.
      {.type = "createTrigger",
       .setup = kPerson + kNoMinorsFn,
       .change = kGuardPg,
       .probe = "INSERT INTO person (id, name, age) VALUES (2, 'Kid', 5)",
       .pg = {.check = "SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'person'::regclass "
                       "AND NOT tgisinternal",
              .expect = "person_guard|O|"},
       .sqlite = {.check = "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'",
                  .expect = "person_guard|person|",
                  .setup = kPerson.c_str(),
                  .change = kGuardSqlite.c_str()}},
      {.type = "dropTrigger",
       .setup = kPerson + kNoMinorsFn + kGuardPg,
       .change = "        - dropTrigger: {triggerName: person_guard, tableName: person}\n",
       .rollback = kGuardPg.c_str(),
       .probe = "INSERT INTO person (id, name, age) VALUES (2, 'Kid', 5)",
       .probe_ok_after = true,
       .pg = {.check = "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'person'::regclass "
                       "AND NOT tgisinternal",
              .expect = "0|"},
       .sqlite = {.check = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'",
                  .expect = "0|",
                  .setup = kPersonGuardedSqlite.c_str(),
                  .rollback = kGuardSqlite.c_str()}},
      {.type = "enableTrigger",
       .setup = kPerson + kNoMinorsFn + kGuardPg +
                "        - disableTrigger: {triggerName: person_guard, tableName: person}\n",
       .change = "        - enableTrigger: {triggerName: person_guard, tableName: person}\n",
       .probe = "INSERT INTO person (id, name, age) VALUES (2, 'Kid', 5)",
       .pg = {.check = "SELECT tgenabled FROM pg_trigger WHERE tgname = 'person_guard'",
              .expect = "O|"},
       // SQLite cannot enable or disable a trigger.
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
      {.type = "disableTrigger",
       .setup = kPerson + kNoMinorsFn + kGuardPg,
       .change = "        - disableTrigger: {triggerName: person_guard, tableName: person}\n",
       .probe = "INSERT INTO person (id, name, age) VALUES (2, 'Kid', 5)",
       .probe_ok_after = true,
       .pg = {.check = "SELECT tgenabled FROM pg_trigger WHERE tgname = 'person_guard'",
              .expect = "D|"},
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
      {.type = "renameTrigger",
       .setup = kPerson + kNoMinorsFn + kGuardPg,
       .change = "        - renameTrigger: {tableName: person, oldTriggerName: person_guard, newTriggerName: person_guard2}\n",
       .pg = {.check = "SELECT tgname FROM pg_trigger WHERE tgrelid = 'person'::regclass "
                       "AND NOT tgisinternal",
              .expect = "person_guard2|"},
       // SQLite cannot rename a trigger.
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
      // Neither engine has synonyms.
      {.type = "createSynonym",
       .setup = kPerson,
       .change = "        - createSynonym: {synonymName: people, objectName: person}\n",
       .pg = {.outcome = Outcome::kUnsupported},
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "dropSynonym",
       .setup = kPerson,
       .change = "        - dropSynonym: {synonymName: people}\n",
       .pg = {.outcome = Outcome::kUnsupported},
       .sqlite = {.outcome = Outcome::kUnsupported}},
      // Package text runs as written on every engine, as in Liquibase.
      {.type = "createPackage",
       .setup = kPerson,
       .change = "        - createPackage: {packageName: pkg, packageText: \"CREATE VIEW pkg_v AS SELECT 1 AS one\"}\n",
       .rollback = "        - dropView: {viewName: pkg_v}\n",
       .pg = {.check = "SELECT one FROM pkg_v", .expect = "1|"},
       .sqlite = {.check = "SELECT one FROM pkg_v", .expect = "1|"}},
      {.type = "createPackageBody",
       .setup = kPerson,
       .change = "        - createPackageBody: {packageBodyName: pkg, packageBodyText: \"CREATE VIEW pkg_body_v AS SELECT 2 AS two\"}\n",
       .rollback = "        - dropView: {viewName: pkg_body_v}\n",
       .pg = {.check = "SELECT two FROM pkg_body_v", .expect = "2|"},
       .sqlite = {.check = "SELECT two FROM pkg_body_v", .expect = "2|"}},
      // Neither engine has packages to drop.
      {.type = "dropPackage",
       .setup = kPerson,
       .change = "        - dropPackage: {packageName: pkg}\n",
       .pg = {.outcome = Outcome::kUnsupported},
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "dropPackageBody",
       .setup = kPerson,
       .change = "        - dropPackageBody: {packageBodyName: pkg}\n",
       .pg = {.outcome = Outcome::kUnsupported},
       .sqlite = {.outcome = Outcome::kUnsupported}},
      // Composite types are PostgreSQL's; SQLite has none.
      {.type = "createCompositeType",
       .setup = kPerson,
       .change = "        - createCompositeType: {typeName: tagged, typeAttributes: [{typeAttribute: {name: n, type: int}}, {typeAttribute: {name: label, type: text, collation: C}}]}\n",
       .pg = {.check = "SELECT (ROW(3, 'p')::tagged).label", .expect = "p|"},
       .sqlite = {.outcome = Outcome::kUnsupported}},
      {.type = "dropCompositeType",
       .setup = kPerson + kPair,
       .change = "        - dropCompositeType: {typeName: pair}\n",
       .rollback = kPair.c_str(),
       .pg = {.check = "SELECT count(*) FROM pg_type WHERE typname = 'pair'", .expect = "0|"},
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
      {.type = "alterCompositeTypeAttributes",
       .setup = kPerson + kPair,
       .change = "        - alterCompositeTypeAttributes: {typeName: pair, addAttributes: [{addAttribute: {name: c, type: text}}], alterAttributes: [{alterAttribute: {name: a, newType: bigint}}], dropAttributes: [{dropAttribute: {name: b}}]}\n",
       .rollback = "        - alterCompositeTypeAttributes: {typeName: pair, addAttributes: [{addAttribute: {name: b, type: int}}], alterAttributes: [{alterAttribute: {name: a, newType: int}}], dropAttributes: [{dropAttribute: {name: c}}]}\n",
       .pg = {.check = "SELECT (ROW(9000000000, 'x')::pair).c", .expect = "x|"},
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
      {.type = "changeCompositeTypeOwner",
       .setup = kPerson + kPair,
       // The test server's only role: the owner stays, the change runs.
       .change = "        - changeCompositeTypeOwner: {typeName: pair, newOwner: CURRENT_USER}\n",
       .rollback = "        - changeCompositeTypeOwner: {typeName: pair, newOwner: CURRENT_USER}\n",
       .pg = {.check = "SELECT pg_get_userbyid(typowner) = current_user FROM pg_type WHERE typname = 'pair'",
              .expect = "t|"},
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
      {.type = "renameCompositeType",
       .setup = kPerson + kPair,
       .change = "        - renameCompositeType: {oldTypeName: pair, newTypeName: couple}\n",
       .pg = {.check = "SELECT (ROW(3, 4)::couple).b", .expect = "4|"},
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
      {.type = "renameCompositeTypeAttribute",
       .setup = kPerson + kPair,
       .change = "        - renameCompositeTypeAttribute: {typeName: pair, oldAttributeName: a, newAttributeName: first}\n",
       .pg = {.check = "SELECT (ROW(3, 4)::pair).first", .expect = "3|"},
       .sqlite = {.outcome = Outcome::kUnsupported, .setup = kPerson.c_str()}},
  };
  return *cases;
}

namespace {

// ---- the runner ---------------------------------------------------------------

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

// SQLite's schema through its pragmas rather than sqlite_master's text,
// which keeps ALTER TABLE's edits verbatim (a column added back after a
// drop is appended after the table constraints).
std::vector<std::string> SqliteSchema(Connection& c) {
  std::vector<std::string> lines;
  for (std::string t : QueryLines(c,
           "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
           "AND lower(name) NOT IN ('databasechangelog', 'databasechangeloglock') ORDER BY 1")) {
    t.pop_back();
    for (const auto& l : QueryLines(c,
             "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('" + t +
             "') ORDER BY cid"))
      lines.push_back("column " + t + " " + l);
    for (const auto& l : QueryLines(c,
             "SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM "
             "pragma_foreign_key_list('" + t + "') ORDER BY 1, 2"))
      lines.push_back("fk " + t + " " + l);
    for (const auto& l : QueryLines(c,
             "SELECT il.name, il.\"unique\", il.origin, (SELECT group_concat(name) FROM "
             "pragma_index_info(il.name)) FROM pragma_index_list('" + t + "') il ORDER BY 1"))
      lines.push_back("index " + t + " " + l);
  }
  for (const auto& l : QueryLines(c,
           "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'view', 'trigger') "
           "AND sql IS NOT NULL ORDER BY 1, 2"))
    lines.push_back("object " + l);
  return lines;
}

// PostgreSQL's schema as e2e_util.h's Schema() describes it, on `c`.
std::vector<std::string> PgSchema(Connection& c) {
  std::vector<std::string> lines;
  const std::string skip = "('databasechangelog', 'databasechangeloglock')";
  for (const auto& l : QueryLines(c,
           "SELECT table_name, column_name, data_type, character_maximum_length, "
           "numeric_precision, numeric_scale, is_nullable, column_default, is_identity "
           "FROM information_schema.columns WHERE table_schema = current_schema() "
           "AND table_name NOT IN " + skip + " ORDER BY table_name, column_name"))
    lines.push_back("column " + l);
  for (const auto& l : QueryLines(c,
           "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
           "FROM pg_constraint WHERE connamespace = current_schema()::regnamespace "
           "AND conrelid::regclass::text NOT IN " + skip + " ORDER BY 1, 2"))
    lines.push_back("constraint " + l);
  for (const auto& l : QueryLines(c,
           "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
           "AND tablename NOT IN " + skip + " ORDER BY 1"))
    lines.push_back("index " + l);
  for (const auto& l : QueryLines(c,
           "SELECT table_name, view_definition FROM information_schema.views "
           "WHERE table_schema = current_schema() ORDER BY 1"))
    lines.push_back("view " + l);
  for (const auto& l : QueryLines(c,
           "SELECT t.tgrelid::regclass::text, t.tgname, t.tgenabled, pg_get_triggerdef(t.oid) "
           "FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid "
           "WHERE NOT t.tgisinternal AND r.relnamespace = current_schema()::regnamespace "
           "ORDER BY 1, 2"))
    lines.push_back("trigger " + l);
  for (const auto& l : QueryLines(c,
           "SELECT t.typname, pg_get_userbyid(t.typowner), a.attname, "
           "format_type(a.atttypid, a.atttypmod), coalesce(co.collname, '') FROM pg_type t "
           "JOIN pg_class r ON r.oid = t.typrelid JOIN pg_attribute a ON a.attrelid = r.oid "
           "AND a.attnum > 0 AND NOT a.attisdropped LEFT JOIN pg_collation co "
           "ON co.oid = a.attcollation AND a.attcollation <> 100 WHERE t.typtype = 'c' "
           "AND r.relkind = 'c' AND t.typnamespace = current_schema()::regnamespace "
           "ORDER BY 1, a.attnum"))
    lines.push_back("type " + l);
  return lines;
}

// Schema, data and history seen through `conn`, as text lines.
std::vector<std::string> Snapshot(Connection& c) {
  const bool pg = c.dialect().engine != Engine::kSqlite;
  std::vector<std::string> lines = pg ? PgSchema(c) : SqliteSchema(c);
  if (pg) {
    for (const auto& l : QueryLines(c,
             "SELECT sequencename, data_type, start_value, min_value, max_value, increment_by, "
             "cycle, cache_size FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1"))
      lines.push_back("sequence " + l);
    for (const auto& l : QueryLines(c,
             "SELECT proname, prokind, pg_get_function_identity_arguments(oid), prosrc "
             "FROM pg_proc WHERE pronamespace = current_schema()::regnamespace ORDER BY 1"))
      lines.push_back("routine " + l);
    for (const auto& l : QueryLines(c,
             "SELECT c.relname, d.objsubid, d.description FROM pg_description d "
             "JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass "
             "WHERE c.relnamespace = current_schema()::regnamespace ORDER BY 1, 2"))
      lines.push_back("comment " + l);
  }
  std::vector<std::string> tables = QueryLines(c,
      pg ? "SELECT table_name FROM information_schema.tables WHERE table_schema = "
           "current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
         : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
           "ORDER BY 1");
  for (std::string t : tables) {
    t.pop_back();  // the cell's '|'
    std::string lower = t;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower == "databasechangeloglock") continue;
    // History: every column but the run-specific DATEEXECUTED/DEPLOYMENT_ID.
    std::string sql = lower == "databasechangelog"
                          ? "SELECT ID, AUTHOR, FILENAME, ORDEREXECUTED, EXECTYPE, MD5SUM, "
                            "DESCRIPTION, COMMENTS, TAG, LIQUIBASE, CONTEXTS, LABELS "
                            "FROM databasechangelog ORDER BY ORDEREXECUTED"
                          : "SELECT * FROM \"" + t + "\" ORDER BY 1";
    for (const auto& l : QueryLines(c, sql)) lines.push_back("row " + t + " " + l);
  }
  return lines;
}

// Runs `sql` in a transaction that is rolled back; true when it succeeded.
bool Succeeds(Connection& c, const std::string& sql) {
  EXPECT_TRUE(c.Execute("BEGIN").ok());
  bool ok = c.Execute(sql).ok();
  EXPECT_TRUE(c.Execute("ROLLBACK").ok());
  return ok;
}

std::string SetupLog(const std::string& setup) {
  return "databaseChangeLog:\n  - changeSet:\n      id: setup\n      author: t\n      changes:\n" +
         setup;
}

}  // namespace

void RunChangeTypeCase(const ChangeTypeCase& c, const EngineSpec& e,
                              const std::string& url, const std::string& dir) {
  if (e.skip) GTEST_SKIP() << e.skip;
  if (c.file_name) WriteFile(dir, c.file_name, c.file_content);
  const std::string setup_log = SetupLog(e.setup ? std::string(e.setup) : c.setup);
  WriteFile(dir, "c.yaml", setup_log);
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << "setup failed\n" << r.err << r.out;
  // One connection serves every look; it is idle (no transaction, no lock)
  // whenever strata runs.
  std::unique_ptr<Connection> conn = Open(url);
  ASSERT_TRUE(conn);
  const std::vector<std::string> before = Snapshot(*conn);
  const bool probe_before = c.probe && Succeeds(*conn, c.probe);

  std::string log = setup_log + "  - changeSet:\n      id: change\n      author: t\n      changes:\n";
  // 1-based line of the first change item; items start at column 11.
  const std::string change_at =
      "c.yaml:" + std::to_string(std::count(log.begin(), log.end(), '\n') + 1) + ":11:";
  log += e.change ? std::string(e.change) : c.change;
  const std::string log_without_rollback = log;
  const char* rollback = e.rollback ? e.rollback : c.rollback;
  if (rollback) log += std::string("      rollback:\n") + rollback;
  WriteFile(dir, "c.yaml", log);

  if (e.outcome == Outcome::kUnsupported || e.outcome == Outcome::kLoadError) {
    r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    std::string expected = change_at + " ";
    expected += e.outcome == Outcome::kUnsupported
                    ? std::string(c.type) + " is not supported on " +
                          (conn->dialect().engine == Engine::kSqlite ? "SQLite" : "PostgreSQL")
                    : "error: " + std::string(c.message ? c.message : c.type);
    EXPECT_NE(r.err.find(expected), std::string::npos) << "expected: " << expected << "\n" << r.err;
    EXPECT_EQ(Snapshot(*conn), before) << "a refused change touched the database";
    return;
  }

  if (e.outcome == Outcome::kRunsNothing) {
    const std::string warning = "WARNING: " + change_at + " " + c.type + " is not supported on " +
                                (conn->dialect().engine == Engine::kSqlite ? "SQLite" : "PostgreSQL");
    CmdResult sql = RunStrata(Args(url, "c.yaml", {"update-sql"}), dir);
    EXPECT_EQ(sql.exit_code, 0) << sql.err;
    EXPECT_NE(sql.out.find("-- output to STDERR: " + warning), std::string::npos) << sql.out;
    r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.err.find(warning), std::string::npos) << "expected: " << warning << "\n" << r.err;
    auto user = [](std::vector<std::string> lines) {  // the history row set apart
      std::erase_if(lines, [](const std::string& l) {
        return l.starts_with("row DATABASECHANGELOG ");
      });
      return lines;
    };
    EXPECT_EQ(user(Snapshot(*conn)), user(before))
        << "a change that runs nothing touched the database";
    EXPECT_EQ(QueryLines(*conn, "SELECT EXECTYPE FROM DATABASECHANGELOG WHERE ID = 'change'"),
              std::vector<std::string>{"EXECUTED|"});
    r = RunStrata(Args(url, "c.yaml", {"rollback-count", "--count=1"}), dir);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(Snapshot(*conn), before);
    EXPECT_EQ(QueryLines(*conn, "SELECT count(*) FROM DATABASECHANGELOG WHERE ID = 'change'"),
              std::vector<std::string>{"0|"});
    return;
  }

  CmdResult sql = RunStrata(Args(url, "c.yaml", {"update-sql"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_EQ(Snapshot(*conn), before) << "update-sql changed the database";
  const std::vector<std::string> script = ScriptStatements(sql.out);

  r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  if (e.outcome == Outcome::kStops) {
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_NE(sql.out.find(std::string("-- stop: ") + c.message), std::string::npos) << sql.out;
    EXPECT_EQ(Snapshot(*conn), before);
    return;
  }
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  if (c.message) {
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  EXPECT_EQ(Joined(QueryLines(*conn, e.check)), e.expect) << e.check;
  if (c.probe) {
    EXPECT_EQ(Succeeds(*conn, c.probe), c.probe_ok_after) << "after the change: " << c.probe;
  }
  const std::vector<std::string> after = Snapshot(*conn);
  EXPECT_NE(after, before);

  if (c.writes_file) {
    EXPECT_EQ(ReadFile(dir + "/" + c.writes_file), c.writes_content) << c.writes_file;
  }
  if (rollback) {
    // The rollback block is needed: without it there is no inverse, as in
    // Liquibase. (Rollback blocks are not part of the checksum.)
    WriteFile(dir, "c.yaml", log_without_rollback);
    r = RunStrata(Args(url, "c.yaml", {"rollback-count-sql", "--count=1"}), dir);
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.err.find("No inverse to"), std::string::npos) << r.err;
    WriteFile(dir, "c.yaml", log);
  }
  CmdResult rollback_sql = RunStrata(Args(url, "c.yaml", {"rollback-count-sql", "--count=1"}), dir);
  ASSERT_EQ(rollback_sql.exit_code, 0) << rollback_sql.err;
  EXPECT_EQ(Snapshot(*conn), after) << "rollback-count-sql changed the database";

  r = RunStrata(Args(url, "c.yaml", {"rollback-count", "--count=1"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(Snapshot(*conn), before) << "rollback did not restore the schema/data";
  if (c.writes_file) {
    EXPECT_FALSE(std::filesystem::exists(dir + "/" + c.writes_file)) << "the rollback left it";
  }
  if (c.probe) {
    EXPECT_EQ(Succeeds(*conn, c.probe), probe_before) << "after the rollback: " << c.probe;
  }

  // The update-sql script, run by hand, does what update did.
  for (const auto& s : script) ASSERT_TRUE(conn->Execute(s).ok()) << s << "\n" << sql.out;
  EXPECT_EQ(Snapshot(*conn), after) << "update-sql printed:\n" << sql.out;

  // And the rollback-count-sql script, run by hand, does what rollback did.
  for (const auto& s : ScriptStatements(rollback_sql.out))
    ASSERT_TRUE(conn->Execute(s).ok()) << s << "\n" << rollback_sql.out;
  EXPECT_EQ(Snapshot(*conn), before) << "rollback-count-sql printed:\n" << rollback_sql.out;
}

}  // namespace strata::test
