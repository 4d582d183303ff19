// Tandem's one error convention: library code throws tandem::Error; the CLI catches it at the
// edge, prints it on stderr and exits 1. Nothing in the libraries prints or exits.
//
// An error that comes from input carries where: the file, and a line and column (1-based) or a
// byte offset (0-based) when they are known, so a person can open the file at the right place.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tandem {

struct Location {
  std::string file;                          // empty when the input is not a file
  std::uint64_t line = 0;                    // 1-based; 0 = unknown
  std::uint64_t column = 0;                  // 1-based; 0 = unknown
  std::optional<std::uint64_t> byte_offset;  // 0-based, for binary-level problems

  static Location in_file(std::string path) { return {std::move(path), 0, 0, std::nullopt}; }
  static Location at(std::string path, std::uint64_t line, std::uint64_t column = 0) {
    return {std::move(path), line, column, std::nullopt};
  }
  static Location at_byte(std::string path, std::uint64_t offset) {
    return {std::move(path), 0, 0, offset};
  }

  // "file:line:column", "file: byte N" or "file"; empty when nothing is known.
  std::string to_string() const;
};

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
  Error(Location where, const std::string& message)
      : std::runtime_error(message), where_(std::move(where)) {}

  const Location& where() const { return where_; }
  // The message prefixed by its location, as printed by the CLI.
  std::string describe() const;

 private:
  Location where_;
};

}  // namespace tandem
