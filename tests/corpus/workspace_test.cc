#include "corpus/workspace.h"

#include <gtest/gtest.h>

#include "corpus/error.h"
#include "tests/test_support.h"

namespace tandem {
namespace {

TEST(Workspace, NewWorkspaceIsAtCurrentSchemaVersion) {
  Workspace ws(":memory:");
  EXPECT_EQ(ws.schema_version(), Workspace::current_schema_version());
  EXPECT_GE(Workspace::current_schema_version(), 1);
}

TEST(Workspace, ReopeningKeepsDataAndVersion) {
  testing::TempDir dir;
  auto path = (dir / "w.db").string();
  {
    Workspace ws(path);
    ws.db().exec(
        "INSERT INTO documents (path, content_hash, lang, lang_confidence, encoding, added_at)"
        " VALUES ('a.txt', 'h1', 'fr', 0.9, 'UTF-8', '2026-01-01T00:00:00Z')");
  }
  Workspace again(path);
  Statement count(again.db(), "SELECT count(*) FROM documents");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.column_int(0), 1);
  EXPECT_EQ(again.schema_version(), Workspace::current_schema_version());
}

TEST(Workspace, UsesWalAndForeignKeys) {
  testing::TempDir dir;
  Workspace ws((dir / "w.db").string());
  Statement mode(ws.db(), "PRAGMA journal_mode");
  ASSERT_TRUE(mode.step());
  EXPECT_EQ(mode.column_text(0), "wal");
  Statement fk(ws.db(), "PRAGMA foreign_keys");
  ASSERT_TRUE(fk.step());
  EXPECT_EQ(fk.column_int(0), 1);
}

TEST(Workspace, RefusesSchemaFromTheFuture) {
  testing::TempDir dir;
  auto path = (dir / "w.db").string();
  {
    Database db(path);
    db.exec("PRAGMA user_version = 999");
  }
  EXPECT_THROW(Workspace{path}, Error);
}

TEST(Workspace, RefusesAFileThatIsNotADatabase) {
  testing::TempDir dir;
  auto path = dir / "notes.txt";
  testing::write_file(path, std::string(4096, 'x'));
  EXPECT_THROW(Workspace{path.string()}, Error);
}

TEST(Workspace, TimestampsAreIso8601Utc) {
  std::string now = utc_now_iso8601();
  ASSERT_EQ(now.size(), 20u) << now;
  const std::string shape = "dddd-dd-ddTdd:dd:ddZ";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 'd') {
      EXPECT_TRUE(now[i] >= '0' && now[i] <= '9') << now;
    } else {
      EXPECT_EQ(now[i], shape[i]) << now;
    }
  }
  EXPECT_EQ(now.substr(0, 2), "20");
}

}  // namespace
}  // namespace tandem
