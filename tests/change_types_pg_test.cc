// Every change type added for issue 3, applied through the strata binary on
// the real PostgreSQL server; the invertible ones are rolled back and the
// schema compared with the one before.
#include "e2e_scenarios.h"

namespace strata::test {
namespace {

const char* kSetup = R"y(databaseChangeLog:
  - changeSet:
      id: setup
      author: t
      changes:
        - createTable:
            tableName: authors
            columns:
              - column: {name: id, type: int, constraints: {primaryKey: true}}
              - column: {name: email, type: varchar(50)}
              - column: {name: first_name, type: varchar(20)}
              - column: {name: last_name, type: varchar(20)}
        - createTable:
            tableName: posts
            columns:
              # NOT NULL: a primary key makes it so, and dropping the key
              # (the rollback) does not undo that, in Liquibase either.
              - column: {name: id, type: int, constraints: {nullable: false}}
              - column: {name: author_id, type: int, constraints: {references: authors(id), foreignKeyName: fk_posts_authors}}
              - column: {name: title, type: varchar(20)}
        - createView: {viewName: author_view, selectQuery: "select id, email from authors"}
        - insert: {tableName: authors, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: email, value: a@x}}, {column: {name: first_name, value: Ada}}, {column: {name: last_name, value: Lovelace}}]}
        - insert: {tableName: authors, columns: [{column: {name: id, valueNumeric: 2}}, {column: {name: email, value: b@x}}, {column: {name: first_name, value: Bob}}, {column: {name: last_name, value: Ross}}]}
        - tagDatabase: {tag: base}
)y";

const char* kInvertible = R"y(
  - changeSet: {id: lookup, author: t, changes: [{addLookupTable: {existingTableName: authors, existingColumnName: email, newTableName: emails, newColumnName: address}}]}
  - changeSet: {id: pk, author: t, changes: [{addPrimaryKey: {tableName: posts, columnNames: id, constraintName: pk_posts}}]}
  - changeSet: {id: seq, author: t, changes: [{createSequence: {sequenceName: s1, startValue: 10, incrementBy: 5}}]}
  - changeSet: {id: seq_rename, author: t, changes: [{renameSequence: {oldSequenceName: s1, newSequenceName: s2}}]}
  - changeSet: {id: view_rename, author: t, changes: [{renameView: {oldViewName: author_view, newViewName: writer_view}}]}
  - changeSet: {id: upsert, author: t, changes: [{loadUpdateData: {tableName: authors, file: authors.csv, primaryKey: id, separator: ";", relativeToChangelogFile: true}}]}
  - changeSet: {id: hello, author: t, changes: [{output: {message: hello from output}}]}
)y";

TEST(ChangeTypesPg, InvertibleTypesApplyAndRollBackToTheSameSchema) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "authors.csv", "id;email;first_name;last_name\n2;b@x;Bobby;Ross\n3;a@x;Cy;Young\n");
  WriteFile(dir, "c.yaml", kSetup);
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> before = Schema(url);
  auto c = Open(url);
  std::vector<std::string> rows_before =
      QueryLines(*c, "SELECT id, email, first_name FROM authors ORDER BY id");

  WriteFile(dir, "c.yaml", std::string(kSetup) + kInvertible);
  r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("hello from output"), std::string::npos) << r.err;
  EXPECT_EQ(QueryLines(*c, "SELECT address FROM emails ORDER BY 1"),
            (std::vector<std::string>{"a@x|", "b@x|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT nextval('s2')"), (std::vector<std::string>{"10|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM writer_view"), (std::vector<std::string>{"3|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT id, email, first_name FROM authors ORDER BY id"),
            (std::vector<std::string>{"1|a@x|Ada|", "2|b@x|Bobby|", "3|a@x|Cy|"}));
  EXPECT_NE(Schema(url), before);

  r = RunStrata(Args(url, "c.yaml", {"rollback", "--tag=base"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Schema(url), before);
  // loadUpdateData's rollback deletes every row of the file by key (as
  // Liquibase does), so row 2 is gone, not restored.
  EXPECT_EQ(QueryLines(*c, "SELECT id, email, first_name FROM authors ORDER BY id"),
            (std::vector<std::string>{rows_before[0]}));
}

TEST(ChangeTypesPg, OtherTypesApply) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "posts.csv",
            "id,author_id,title,skip\n10,1,\"Hello, world\",x\n# comment\n11,2,NULL,y\n");
  WriteFile(dir, "f.sql", "insert into posts (id, title) values (20, '${title}');\n"
                          "insert into posts (id, title) values (21, 'two');\n");
  WriteFile(dir, "p.sql", "CREATE OR REPLACE PROCEDURE touch_${suffix}()\nLANGUAGE plpgsql\n"
                          "AS $$\nBEGIN\nEND\n$$");
  std::string log = std::string(kSetup) + R"y(
  - property: {name: title, value: from-file}
  - property: {name: suffix, value: it}
  - changeSet: {id: load, author: t, changes: [{loadData: {tableName: posts, file: posts.csv, columns: [{column: {name: id, type: NUMERIC}}, {column: {name: skip, type: SKIP}}]}}]}
  - changeSet: {id: sqlfile, author: t, changes: [{sqlFile: {path: f.sql}}]}
  - changeSet: {id: ai, author: t, changes: [{addAutoIncrement: {tableName: posts, columnName: id, startWith: 100}}]}
  - changeSet: {id: seq, author: t, changes: [{createSequence: {sequenceName: s3}}, {alterSequence: {sequenceName: s3, incrementBy: 7}}]}
  - changeSet: {id: seq_drop, author: t, changes: [{dropSequence: {sequenceName: s3}}]}
  - changeSet: {id: proc, author: t, changes: [{createProcedure: {path: p.sql}}]}
  - changeSet: {id: proc_call, author: t, changes: [{sql: "CALL touch_it()"}, {dropProcedure: {procedureName: touch_it}}]}
  - changeSet: {id: fks, author: t, changes: [{dropAllForeignKeyConstraints: {baseTableName: posts}}]}
  - changeSet: {id: pk, author: t, changes: [{dropPrimaryKey: {tableName: authors}}]}
  - changeSet: {id: merge, author: t, changes: [{mergeColumns: {tableName: authors, column1Name: first_name, column2Name: last_name, finalColumnName: full_name, finalColumnType: varchar(50), joinString: " "}}]}
  - changeSet: {id: type, author: t, changes: [{modifyDataType: {tableName: posts, columnName: author_id, newDataType: bigint}}]}
  - changeSet: {id: remarks, author: t, changes: [{setTableRemarks: {tableName: posts, remarks: "all posts"}}, {setColumnRemarks: {tableName: posts, columnName: title, remarks: "it's a title"}}]}
)y";
  WriteFile(dir, "c.yaml", log);
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = Open(url);
  EXPECT_EQ(QueryLines(*c, "SELECT id, author_id, title FROM posts ORDER BY id"),
            (std::vector<std::string>{"10|1|Hello, world|", "11|2|NULL|", "20|NULL|from-file|",
                                      "21|NULL|two|"}));
  EXPECT_EQ(QueryLines(*c, "INSERT INTO posts (title) VALUES ('auto') RETURNING id"),
            (std::vector<std::string>{"100|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM pg_class WHERE relname = 's3'"),
            (std::vector<std::string>{"0|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM pg_proc WHERE proname = 'touch_it'"),
            (std::vector<std::string>{"0|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT conname FROM pg_constraint WHERE conrelid IN "
                           "('posts'::regclass, 'authors'::regclass) ORDER BY 1"),
            (std::vector<std::string>{}));
  EXPECT_EQ(QueryLines(*c, "SELECT full_name FROM authors ORDER BY id"),
            (std::vector<std::string>{"Ada Lovelace|", "Bob Ross|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT data_type FROM information_schema.columns WHERE "
                           "table_name = 'posts' AND column_name = 'author_id'"),
            (std::vector<std::string>{"bigint|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT obj_description('posts'::regclass), "
                           "col_description('posts'::regclass, 3)"),
            (std::vector<std::string>{"all posts|it's a title|"}));
  // Checksums as Liquibase stores them (sqlFile hashes the unexpanded file).
  auto history = QueryLines(*c, "SELECT ID, MD5SUM FROM databasechangelog WHERE ID IN "
                                "('sqlfile', 'load') ORDER BY ID");
  ASSERT_EQ(history.size(), 2u);
  r = RunStrata(Args(url, "c.yaml", {"rollback-count", "--count=1"}), dir);
  EXPECT_NE(r.exit_code, 0);
  // Inverted newest change first, as Liquibase does.
  EXPECT_NE(r.err.find("c.yaml::remarks::t: No inverse to "
                       "liquibase.change.core.SetColumnRemarksChange created"),
            std::string::npos)
      << r.err;
}

TEST(ChangeTypesPg, StopEndsUpdateWithItsMessage) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", std::string(kSetup) + R"y(
  - changeSet: {id: before, author: t, changes: [{output: {message: before stop, target: STDOUT}}]}
  - changeSet: {id: stop, author: t, changes: [{stop: {message: bye}}]}
  - changeSet: {id: after, author: t, changes: [{sql: "create table after_stop (id int)"}]}
)y");
  CmdResult sql = RunStrata(Args(url, "c.yaml", {"update-sql"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_NE(sql.out.find("-- output to STDOUT: before stop\n"), std::string::npos) << sql.out;
  EXPECT_NE(sql.out.find("-- stop: bye\n"), std::string::npos) << sql.out;
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("before stop"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("StopChangeException: bye"), std::string::npos) << r.err;
  EXPECT_FALSE(HasTable(url, "after_stop"));
  auto c = Open(url);
  EXPECT_EQ(QueryLines(*c, "SELECT ID FROM databasechangelog ORDER BY ORDEREXECUTED"),
            (std::vector<std::string>{"setup|", "before|"}));
}

}  // namespace
}  // namespace strata::test
