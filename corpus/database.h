// RAII wrappers over the SQLite C API: a connection, a prepared statement and a transaction.
// Every failure throws tandem::Error with SQLite's message. Not thread-safe: one Database per
// thread, as SQLite connections are meant to be used.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tandem {

class Database;

// A prepared statement. Bind parameters by 1-based index, call step() until it returns false,
// read columns by 0-based index. reset() makes it reusable with new bindings.
class Statement {
 public:
  Statement(Database& db, std::string_view sql);

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind_blob(int index, const void* data, std::size_t size);
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Runs one step: true while a row is available, false when done.
  bool step();
  // Runs a statement that returns no rows.
  void run();
  Statement& reset();

  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  double column_double(int column) const;
  // Valid until the next step(), reset() or destruction.
  std::string_view column_text(int column) const;
  std::string column_string(int column) const { return std::string(column_text(column)); }
  std::optional<std::string> column_optional_string(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  Database* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

class Database {
 public:
  enum class Mode { ReadWrite, ReadOnly };
  // Opens (creating in ReadWrite mode) the file; ":memory:" for a private in-memory database.
  explicit Database(const std::string& path, Mode mode = Mode::ReadWrite);

  // Runs one or more statements that return no rows.
  void exec(std::string_view sql);
  std::int64_t last_insert_id() const;
  int changes() const;
  sqlite3* handle() const { return db_.get(); }
  const std::string& path() const { return path_; }

  [[noreturn]] void fail(std::string_view what) const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called. So a
// multi-row write either lands whole or not at all, whatever exception passes through.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace tandem
