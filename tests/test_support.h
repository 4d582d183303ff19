// Helpers shared by the test programs: where the shared data is, temporary folders, and running
// the `tandem` binary as a user would.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tandem::testing {

// A file under ../shared (the seeds, the dev sets). Fails the calling test (via an exception
// GoogleTest reports) when the folder is missing: tests on real text are never skipped.
std::filesystem::path shared_path(const std::string& relative);

// Reads a whole file; throws if it cannot.
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

// A fresh directory, removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a program (no shell) with these arguments, feeding `input` on stdin.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::string& input = "");
// Runs the tandem binary under test.
RunResult run_tandem(const std::vector<std::string>& args, const std::string& input = "");

}  // namespace tandem::testing
