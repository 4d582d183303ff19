#include "corpus/database.h"

#include <gtest/gtest.h>

#include "corpus/error.h"

namespace tandem {
namespace {

TEST(Database, BindsAndReadsBackEveryType) {
  Database db(":memory:");
  db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT)");
  Statement insert(db, "INSERT INTO t VALUES (?, ?, ?, ?)");
  insert.bind(1, 42).bind(2, 0.5).bind(3, std::string_view("Élysée’s")).bind_null(4).run();
  Statement select(db, "SELECT i, r, s, n FROM t");
  ASSERT_TRUE(select.step());
  EXPECT_EQ(select.column_int(0), 42);
  EXPECT_DOUBLE_EQ(select.column_double(1), 0.5);
  EXPECT_EQ(select.column_text(2), "Élysée’s");
  EXPECT_TRUE(select.is_null(3));
  EXPECT_EQ(select.column_optional_string(3), std::nullopt);
  EXPECT_FALSE(select.step());
}

TEST(Database, InvalidSqlThrowsWithSqliteMessage) {
  Database db(":memory:");
  try {
    Statement bad(db, "SELEC nothing");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("syntax error"), std::string::npos) << e.what();
  }
}

TEST(Transaction, RollsBackWhenNotCommitted) {
  Database db(":memory:");
  db.exec("CREATE TABLE t (x INTEGER)");
  try {
    Transaction tx(db);
    db.exec("INSERT INTO t VALUES (1)");
    throw Error("input went bad half way");
  } catch (const Error&) {
  }
  Statement count(db, "SELECT count(*) FROM t");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.column_int(0), 0);
}

TEST(Transaction, KeepsWritesWhenCommitted) {
  Database db(":memory:");
  db.exec("CREATE TABLE t (x INTEGER)");
  {
    Transaction tx(db);
    db.exec("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)");
    tx.commit();
  }
  Statement count(db, "SELECT count(*) FROM t");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.column_int(0), 2);
}

TEST(Location, FormatsLineColumnOrByteOffset) {
  EXPECT_EQ(Location::at("a.tmx", 3, 7).to_string(), "a.tmx:3:7");
  EXPECT_EQ(Location::at_byte("a.txt", 17).to_string(), "a.txt: byte 17");
  EXPECT_EQ(Error(Location::at("f.txt", 2), "bad").describe(), "f.txt:2: bad");
  EXPECT_EQ(Error("plain").describe(), "plain");
}

}  // namespace
}  // namespace tandem
