// SQLite's table rebuild on real database files, through the strata binary:
// each rebuilt change and its rollback keep the rows, recreate indexes and
// triggers, keep foreign keys enforced, and rollback restores the schema;
// update-sql prints exactly what update runs; a failure mid-rebuild leaves
// the table as it was.
#include <filesystem>

#include "e2e_scenarios.h"

namespace strata::test {
namespace {

namespace fs = std::filesystem;

const char* kSetup = R"y(databaseChangeLog:
  - changeSet:
      id: setup
      author: t
      changes:
        - createTable:
            tableName: team
            columns:
              - column: {name: id, type: int, constraints: {primaryKey: true}}
              - column: {name: name, type: varchar(20)}
        - createTable:
            tableName: person
            columns:
              - column: {name: id, type: int, autoIncrement: true, constraints: {primaryKey: true}}
              - column: {name: team_id, type: int, constraints: {references: team(id), foreignKeyName: fk_person_team, deleteCascade: true}}
              - column: {name: email, type: varchar(50), constraints: {unique: true, uniqueConstraintName: uq_email}}
              - column: {name: note, type: varchar(20)}
              - column: {name: code, type: varchar(10)}
        - createIndex: {tableName: person, indexName: ix_person_code, columns: [{column: {name: code}}]}
        - createTable:
            tableName: audit
            columns:
              - column: {name: what, type: varchar(50)}
        - sql:
            splitStatements: false
            sql: "CREATE TRIGGER tr_person AFTER INSERT ON person BEGIN INSERT INTO audit (what) VALUES ('person ' || NEW.email); END"
        - createView: {viewName: v_person, selectQuery: "select id, email from person"}
        - insert: {tableName: team, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: name, value: red}}]}
        - insert: {tableName: team, columns: [{column: {name: id, valueNumeric: 2}}, {column: {name: name, value: blue}}]}
        - insert: {tableName: person, columns: [{column: {name: team_id, valueNumeric: 1}}, {column: {name: email, value: a@x}}, {column: {name: note, value: n1}}, {column: {name: code, value: c1}}]}
        - insert: {tableName: person, columns: [{column: {name: team_id, valueNumeric: 2}}, {column: {name: email, value: b@x}}, {column: {name: code, value: c2}}]}
)y";

// Everything about the user's tables that pragmas report, plus the stored
// SQL of indexes, triggers and views: equal lists mean equal schemas (the
// CREATE TABLE text itself is rewritten by a rebuild).
std::vector<std::string> Structure(const std::string& url) {
  auto c = Open(url);
  std::vector<std::string> out;
  if (!c) return out;
  for (const std::string& t : QueryLines(*c,
           "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
           "AND lower(name) NOT IN ('databasechangelog', 'databasechangeloglock') ORDER BY name")) {
    std::string name = t.substr(0, t.size() - 1);
    for (const auto& l : QueryLines(*c, "SELECT * FROM pragma_table_xinfo('" + name + "')"))
      out.push_back(name + " column " + l);
    for (const auto& l : QueryLines(*c,
             "SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM "
             "pragma_foreign_key_list('" + name + "') ORDER BY 1, 2"))
      out.push_back(name + " fk " + l);
    for (const auto& l : QueryLines(*c,
             "SELECT l.\"unique\", l.origin, group_concat(i.name) FROM pragma_index_list('" +
                 name + "') l, pragma_index_info(l.name) i GROUP BY l.name ORDER BY 1, 2, 3"))
      out.push_back(name + " index " + l);
  }
  for (const auto& l : QueryLines(*c,
           "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN "
           "('index', 'trigger', 'view') AND sql IS NOT NULL ORDER BY type, name"))
    out.push_back(l);
  return out;
}

std::vector<std::string> Rows(const std::string& url) {
  auto c = Open(url);
  if (!c) return {};
  auto rows = QueryLines(*c, "SELECT id, team_id, email, note, code FROM person ORDER BY id");
  for (const auto& l : QueryLines(*c, "SELECT id, name FROM team ORDER BY id"))
    rows.push_back("team " + l);
  return rows;
}

struct Fixture {
  std::string dir = TempDir();
  std::string db = dir + "/t.db";
  std::string url = "sqlite:" + db;
  std::vector<std::string> base_schema, base_rows;

  Fixture() {
    WriteFile(dir, "c.yaml", kSetup);
    CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    base_schema = Structure(url);
    base_rows = Rows(url);
  }

  // setup + one changeset "c<n>" holding `change`.
  void Write(int n, const std::string& change) {
    WriteFile(dir, "c.yaml", std::string(kSetup) + "  - changeSet:\n      id: c" +
                                 std::to_string(n) + "\n      author: t\n      changes:\n" +
                                 change);
  }
};

// Applies `change` (update-sql first, whose script must do on a copy of the
// file exactly what update then does), checks the rows and that the index,
// trigger and foreign keys still work, rolls it back and checks the schema
// is as before.
void ApplyAndRollBack(Fixture& f, int n, const std::string& change,
                      const std::vector<std::string>& expect_rows = {}) {
  SCOPED_TRACE(change);
  f.Write(n, change);
  CmdResult sql = RunStrata(Args(f.url, "c.yaml", {"update-sql"}), f.dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  std::string copy = f.dir + "/copy" + std::to_string(n) + ".db";
  fs::copy_file(f.db, copy, fs::copy_options::overwrite_existing);
  {
    auto c = Open("sqlite:" + copy);
    ASSERT_TRUE(c);
    for (const std::string& st : ScriptStatements(sql.out))
      ASSERT_TRUE(c->Execute(st).ok()) << st;
  }
  CmdResult r = RunStrata(Args(f.url, "c.yaml", {"update"}), f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Structure("sqlite:" + copy), Structure(f.url));
  EXPECT_EQ(Rows("sqlite:" + copy), Rows(f.url));
  EXPECT_EQ(Rows(f.url), expect_rows.empty() ? f.base_rows : expect_rows);
  EXPECT_FALSE(HasTable(f.url, "strata_new_person"));

  auto c = Open(f.url);
  // The trigger and the index survived, the view still reads the table.
  auto triggers = QueryLines(*c, "SELECT name FROM sqlite_master WHERE type = 'trigger'");
  EXPECT_EQ(triggers, std::vector<std::string>{"tr_person|"});
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM v_person"), std::vector<std::string>{"2|"});

  r = RunStrata(Args(f.url, "c.yaml", {"rollback-count", "--count=1"}), f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Structure(f.url), f.base_schema);
  EXPECT_EQ(Rows(f.url), f.base_rows);
  // Foreign keys are enforced on the rebuilt table and still cascade from
  // its parent: checked on a copy, so the next change starts from the base.
  std::string probe = f.dir + "/probe" + std::to_string(n) + ".db";
  fs::copy_file(f.db, probe, fs::copy_options::overwrite_existing);
  auto p = Open("sqlite:" + probe);
  EXPECT_FALSE(p->Execute("INSERT INTO person (team_id, email) VALUES (9, 'z@x')").ok());
  EXPECT_TRUE(p->Execute("INSERT INTO person (team_id, email) VALUES (1, 'y@x')").ok());
  EXPECT_EQ(QueryLines(*p, "SELECT what FROM audit ORDER BY rowid DESC LIMIT 1"),
            std::vector<std::string>{"person y@x|"});
  EXPECT_TRUE(p->Execute("DELETE FROM team WHERE id = 1").ok());
  EXPECT_EQ(QueryLines(*p, "SELECT count(*) FROM person"), std::vector<std::string>{"1|"});
}

TEST(SqliteRebuild, EachChangeAndItsRollback) {
  Fixture f;
  ASSERT_FALSE(f.base_rows.empty());
  int n = 0;
  ApplyAndRollBack(f, ++n, "        - addDefaultValue: {tableName: person, columnName: note, defaultValue: none}\n");
  ApplyAndRollBack(f, ++n,
                   "        - addNotNullConstraint: {tableName: person, columnName: note, defaultNullValue: x}\n"
                   "      rollback:\n"
                   "        - dropNotNullConstraint: {tableName: person, columnName: note}\n"
                   "        - update: {tableName: person, columns: [{column: {name: note, valueComputed: \"NULL\"}}], where: \"note = 'x'\"}\n",
                   {"1|1|a@x|n1|c1|", "2|2|b@x|x|c2|", "team 1|red|", "team 2|blue|"});
  ApplyAndRollBack(f, ++n, "        - addUniqueConstraint: {tableName: person, columnNames: code, constraintName: uq_code}\n");
  ApplyAndRollBack(f, ++n,
                   "        - addForeignKeyConstraint: {baseTableName: team, baseColumnNames: id, "
                   "constraintName: fk_team_self, referencedTableName: team, referencedColumnNames: id}\n");
  ApplyAndRollBack(f, ++n,
                   "        - dropForeignKeyConstraint: {baseTableName: person, constraintName: fk_person_team}\n"
                   "      rollback:\n"
                   "        - addForeignKeyConstraint: {baseTableName: person, baseColumnNames: team_id, "
                   "constraintName: fk_person_team, referencedTableName: team, referencedColumnNames: id, onDelete: CASCADE}\n");
  ApplyAndRollBack(f, ++n,
                   "        - dropUniqueConstraint: {tableName: person, constraintName: uq_email}\n"
                   "      rollback:\n"
                   "        - addUniqueConstraint: {tableName: person, columnNames: email, constraintName: uq_email}\n");
  ApplyAndRollBack(f, ++n,
                   "        - modifyDataType: {tableName: person, columnName: code, newDataType: varchar(40)}\n"
                   "      rollback:\n"
                   "        - modifyDataType: {tableName: person, columnName: code, newDataType: varchar(10)}\n");
  ApplyAndRollBack(f, ++n,
                   "        - dropNotNullConstraint: {tableName: team, columnName: id}\n"
                   "      rollback:\n"
                   "        - addNotNullConstraint: {tableName: team, columnName: id}\n");
}

TEST(SqliteRebuild, PrimaryKeyAutoIncrementAndDropColumn) {
  Fixture f;
  std::string dir = f.dir;
  WriteFile(dir, "c.yaml", std::string(kSetup) + R"y(
  - changeSet:
      id: k1
      author: t
      changes:
        - createTable:
            tableName: tag
            columns:
              - column: {name: id, type: int}
              - column: {name: label, type: varchar(20)}
        - insert: {tableName: tag, columns: [{column: {name: id, valueNumeric: 5}}, {column: {name: label, value: five}}]}
        - addPrimaryKey: {tableName: tag, columnNames: id, constraintName: pk_tag}
        - addAutoIncrement: {tableName: tag, columnName: id, startWith: 100}
        - insert: {tableName: tag, columns: [{column: {name: label, value: next}}]}
  - changeSet:
      id: k2
      author: t
      changes:
        - dropColumn: {tableName: person, columnName: code}
        - dropColumn: {tableName: person, columnName: team_id}
      rollback:
        - sql: {sql: "select 1"}
)y");
  CmdResult r = RunStrata(Args(f.url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = Open(f.url);
  EXPECT_EQ(QueryLines(*c, "SELECT id, label FROM tag ORDER BY id"),
            (std::vector<std::string>{"5|five|", "100|next|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT name, pk FROM pragma_table_info('tag') ORDER BY cid"),
            (std::vector<std::string>{"id|1|", "label|0|"}));
  // Indexed and foreign-key columns are gone, and with them their index and key.
  EXPECT_EQ(QueryLines(*c, "SELECT name FROM pragma_table_info('person') ORDER BY cid"),
            (std::vector<std::string>{"id|", "email|", "note|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM pragma_foreign_key_list('person')"),
            std::vector<std::string>{"0|"});
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM sqlite_master WHERE name = 'ix_person_code'"),
            std::vector<std::string>{"0|"});
  EXPECT_EQ(QueryLines(*c, "SELECT id, email, note FROM person ORDER BY id"),
            (std::vector<std::string>{"1|a@x|n1|", "2|b@x|NULL|"}));
  // The AUTOINCREMENT counter of person survived both rebuilds.
  EXPECT_EQ(QueryLines(*c, "SELECT seq FROM sqlite_sequence WHERE name = 'person'"),
            std::vector<std::string>{"2|"});
}

TEST(SqliteRebuild, FailureMidRebuildLeavesTheTableUntouched) {
  Fixture f;
  // NULLs in note: copying into NOT NULL fails after CREATE TABLE ran.
  f.Write(1, "        - addNotNullConstraint: {tableName: person, columnName: note}\n");
  CmdResult r = RunStrata(Args(f.url, "c.yaml", {"update"}), f.dir);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("NOT NULL constraint failed"), std::string::npos) << r.err;
  EXPECT_EQ(Structure(f.url), f.base_schema);
  EXPECT_EQ(Rows(f.url), f.base_rows);
  EXPECT_FALSE(HasTable(f.url, "strata_new_person"));

  // Rows that break the new foreign key: PRAGMA foreign_key_check fails the
  // changeset before COMMIT.
  f.Write(2, "        - addForeignKeyConstraint: {baseTableName: person, baseColumnNames: note, "
             "constraintName: fk_note, referencedTableName: team, referencedColumnNames: id}\n");
  r = RunStrata(Args(f.url, "c.yaml", {"update"}), f.dir);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("PRAGMA foreign_key_check(person) returned"), std::string::npos) << r.err;
  EXPECT_EQ(Structure(f.url), f.base_schema);
  EXPECT_EQ(Rows(f.url), f.base_rows);

  // A table nobody created: an error naming it and the change, before
  // anything runs.
  f.Write(3, "        - dropDefaultValue: {tableName: ghost, columnName: x}\n");
  r = RunStrata(Args(f.url, "c.yaml", {"update"}), f.dir);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find(":11: dropDefaultValue: table 'ghost' is unknown to Strata"),
            std::string::npos)
      << r.err;
}

// Offline, rollback-sql knows the tables the whole changelog creates, and
// online rollback-sql prints what rollback then runs.
TEST(SqliteRebuild, RollbackSqlOfflineAndOnline) {
  Fixture f;
  f.Write(1, "        - addDefaultValue: {tableName: person, columnName: note, defaultValue: none}\n");
  CmdResult r = RunStrata(Args("offline:sqlite", "c.yaml", {"rollback-count-sql", "--count=1"}), f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY "
                       "KEY AUTOINCREMENT NOT NULL, team_id INTEGER, email VARCHAR(50), note "
                       "VARCHAR(20), code VARCHAR(10), "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("PRAGMA foreign_keys = OFF;"), std::string::npos);

  r = RunStrata(Args(f.url, "c.yaml", {"update"}), f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> after_update = Structure(f.url);
  CmdResult script = RunStrata(Args(f.url, "c.yaml", {"rollback-count-sql", "--count=1"}), f.dir);
  ASSERT_EQ(script.exit_code, 0) << script.err;
  EXPECT_EQ(Structure(f.url), after_update);  // rollback-sql changes nothing
  std::string copy = f.dir + "/copy.db";
  fs::copy_file(f.db, copy, fs::copy_options::overwrite_existing);
  {
    auto c = Open("sqlite:" + copy);
    for (const std::string& st : ScriptStatements(script.out))
      ASSERT_TRUE(c->Execute(st).ok()) << st;
  }
  r = RunStrata(Args(f.url, "c.yaml", {"rollback-count", "--count=1"}), f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Structure("sqlite:" + copy), Structure(f.url));
  EXPECT_EQ(Structure(f.url), f.base_schema);
  EXPECT_EQ(Rows("sqlite:" + copy), f.base_rows);
}

// A rebuild that cannot be planned (a second primary key) belongs to its
// changeset: when preconditions skip it (MARK_RAN, CONTINUE) the update
// goes on; when they let it run, the error stops the update before that
// changeset; update-sql, printing it as if its block passed, shows the
// error as it did before.
TEST(SqliteRebuild, UnplannableRebuildWaitsForPreconditions) {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/app.db";
  auto add_pk = [](const std::string& id, const std::string& on_fail,
                   const std::string& condition) {
    return "  - changeSet:\n      id: " + id + "\n      author: t\n"
           "      preConditions:\n        - onFail: " + on_fail + "\n        - " + condition +
           "\n      changes:\n        - addPrimaryKey: {tableName: keyed, columnNames: code}\n";
  };
  const std::string head =
      "databaseChangeLog:\n  - changeSet:\n      id: table\n      author: t\n      changes:\n"
      "        - createTable:\n            tableName: keyed\n            columns:\n"
      "              - column: {name: id, type: int, constraints: {primaryKey: true}}\n"
      "              - column: {name: code, type: int}\n";
  const std::string no_pk = "not: [{primaryKeyExists: {tableName: keyed}}]";
  WriteFile(dir, "c.yaml",
            head + add_pk("mark", "MARK_RAN", no_pk) + add_pk("skip", "CONTINUE", no_pk));

  CmdResult r = RunStrata(Args(url, "c.yaml", {"update-sql"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("table 'keyed' already has a primary key"), std::string::npos) << r.err;

  r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  {
    auto c = Open(url);
    ASSERT_TRUE(c);
    EXPECT_EQ(QueryLines(*c, "SELECT ID, EXECTYPE FROM databasechangelog ORDER BY ORDEREXECUTED"),
              (std::vector<std::string>{"table|EXECUTED|", "mark|MARK_RAN|"}));
  }
  // Preconditions that hold let it run: the error stands, nothing of it
  // is recorded.
  WriteFile(dir, "c.yaml",
            head + add_pk("mark", "MARK_RAN", no_pk) + add_pk("skip", "CONTINUE", no_pk) +
                add_pk("run", "HALT", "tableExists: {tableName: keyed}"));
  r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("table 'keyed' already has a primary key"), std::string::npos) << r.err;
  auto c = Open(url);
  ASSERT_TRUE(c);
  EXPECT_EQ(QueryLines(*c, "SELECT ID FROM databasechangelog ORDER BY ORDEREXECUTED"),
            (std::vector<std::string>{"table|", "mark|"}));
}

}  // namespace
}  // namespace strata::test
