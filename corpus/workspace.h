// The workspace: one SQLite file holding the corpus, the translation memory and the glossary.
//
// Opening a workspace creates it if needed and migrates its schema to the current version
// (PRAGMA user_version), each migration in its own transaction. WAL journal, foreign keys on.
// The schema itself, one migration per step, is in workspace.cc and described in
// docs/ARCHITECTURE.md.
#pragma once

#include <string>

#include "corpus/database.h"

namespace tandem {

class Workspace {
 public:
  static constexpr const char* kDefaultPath = "tandem.db";

  // Opens or creates the workspace at `path` (":memory:" for tests).
  explicit Workspace(const std::string& path);

  Database& db() { return db_; }
  int schema_version();
  static int current_schema_version();

 private:
  void migrate();
  Database db_;
};

// Now as an ISO 8601 UTC timestamp, "2026-11-21T09:30:00Z", as every table stores dates.
std::string utc_now_iso8601();

}  // namespace tandem
