// End-to-end tests of `tandem segment` and `tandem corpus ...`, run as a user would.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace tandem {
namespace {

using ::testing::HasSubstr;
using testing::run_tandem;

std::string seed(const std::string& name) { return testing::shared_path("seeds/" + name).string(); }

std::vector<std::string> all_seeds() {
  return {seed("000_8fca94e8e463837d.txt"), seed("001_28478a00887480cc.txt"),
          seed("002_9e0a7987417c006f.txt"), seed("003_ce2aef6978b8f79b.txt"),
          seed("004_d110b3afd0e57c97.txt")};
}

nlohmann::json list_json(const std::string& db) {
  auto listed = run_tandem({"--db", db, "corpus", "list", "--json"});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  return nlohmann::json::parse(listed.out);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0, end;
  while ((end = text.find('\n', start)) != std::string::npos) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TEST(Cli, HelpExitsZero) {
  auto help = run_tandem({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("corpus"));
  EXPECT_THAT(help.out, HasSubstr("segment"));
}

TEST(Cli, HelpListsEveryCommand) {
  auto help = run_tandem({"--help"});
  ASSERT_EQ(help.exit_code, 0);
  for (const char* command : {"segment", "detect", "corpus", "align-files", "mine", "align",
                              "related", "tm", "terms", "glossary"})
    EXPECT_THAT(help.out, HasSubstr(std::string("\n  ") + command + " ")) << command;
}

// main.cc builds only the command named on the line: global options before it, even a --db
// value that is itself a command's name, must not hide it.
TEST(Cli, GlobalOptionsBeforeTheCommand) {
  testing::TempDir dir;
  std::string db = (dir / "tm").string();
  auto listed = run_tandem({"-q", "--db", db, "corpus", "list"});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  auto unknown = run_tandem({"-q", "--db", db, "no-such-command"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("no-such-command"));
}

TEST(Cli, UnknownOptionIsAUsageError) {
  auto bad = run_tandem({"--no-such-option"});
  EXPECT_EQ(bad.exit_code, 2);
  auto missing = run_tandem({"corpus", "add"});
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(CliSegment, OneSentencePerLineAndNoBreakInMonsieurKirby) {
  auto result = run_tandem({"segment", "--lang", "fr", seed("001_28478a00887480cc.txt")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto lines = lines_of(result.out);
  EXPECT_GT(lines.size(), 10u);
  for (const std::string& line : lines) {
    EXPECT_THAT(line, ::testing::Not(::testing::EndsWith(" M."))) << line;
    EXPECT_THAT(line, ::testing::Not(HasSubstr("Image:")));
  }
  EXPECT_THAT(result.out, HasSubstr("a ajouté M. Kirby."));
}

TEST(CliSegment, ReadsStandardInput) {
  auto result = run_tandem({"segment", "--lang", "en", "-"},
                           "Dr. Lane arrived at 3.5 km from St. Anne. She left at noon.\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "Dr. Lane arrived at 3.5 km from St. Anne.\nShe left at noon.\n");
}

TEST(CliCorpus, AddListShowRemoveOnTheSeeds) {
  testing::TempDir dir;
  std::string db = (dir / "w.db").string();
  std::vector<std::string> args{"--db", db, "corpus", "add"};
  for (auto& s : all_seeds()) args.push_back(s);
  auto added = run_tandem(args);
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(lines_of(added.out).size(), 5u);

  auto listed = list_json(db);
  ASSERT_EQ(listed.size(), 5u);
  std::string langs;
  for (const auto& doc : listed) {
    ASSERT_TRUE(doc.contains("id") && doc.contains("path") && doc.contains("sentences"));
    EXPECT_GT(doc["sentences"].get<int>(), 5);
    langs += doc["lang"].get<std::string>() + " ";
  }
  EXPECT_EQ(langs, "fr fr en fr fr ");

  // The same content again changes nothing.
  auto again = run_tandem({"--db", db, "corpus", "add", seed("002_9e0a7987417c006f.txt")});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("unchanged"));
  EXPECT_EQ(list_json(db).size(), 5u);

  int english_id = listed[2]["id"].get<int>();
  auto shown = run_tandem({"--db", db, "corpus", "show", std::to_string(english_id)});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("met Turkish contacts"));
  EXPECT_THAT(shown.out, HasSubstr("dropped (byline): By John"));

  auto removed = run_tandem({"--db", db, "corpus", "remove", std::to_string(english_id)});
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(list_json(db).size(), 4u);
  auto gone = run_tandem({"--db", db, "corpus", "show", std::to_string(english_id)});
  EXPECT_EQ(gone.exit_code, 1);
  EXPECT_THAT(gone.err, HasSubstr("no document"));
}

struct BadInput {
  std::string name;
  std::string content;
  std::string expected_error;
  friend void PrintTo(const BadInput& input, std::ostream* os) { *os << input.name; }
};

class CliCorpusBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(CliCorpusBadInput, ClearErrorAndWorkspaceUnchanged) {
  testing::TempDir dir;
  std::string db = (dir / "w.db").string();
  testing::write_file(dir / "good.txt", "Le conseil municipal a voté le budget mardi soir.\n");
  ASSERT_EQ(run_tandem({"--db", db, "corpus", "add", (dir / "good.txt").string()}).exit_code, 0);

  const BadInput& bad = GetParam();
  auto path = dir / bad.name;
  testing::write_file(path, bad.content);
  testing::write_file(dir / "other.txt", "The council voted the budget on Tuesday evening.\n");
  auto result =
      run_tandem({"--db", db, "corpus", "add", (dir / "other.txt").string(), path.string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr(path.string()));
  EXPECT_THAT(result.err, HasSubstr(bad.expected_error));
  EXPECT_EQ(list_json(db).size(), 1u) << "a failing file must add nothing, not even the good one";

  // --skip-bad adds the good file, still reports the bad one and exits 1.
  auto skipped = run_tandem(
      {"--db", db, "corpus", "add", "--skip-bad", (dir / "other.txt").string(), path.string()});
  EXPECT_EQ(skipped.exit_code, 1);
  EXPECT_THAT(skipped.err, HasSubstr(path.string()));
  EXPECT_EQ(list_json(db).size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, CliCorpusBadInput,
    ::testing::Values(BadInput{"empty.txt", "", "empty"},
                      BadInput{"blank.txt", "  \n\n \n", "empty"},
                      BadInput{"binary.bin",
                               std::string("\x7f"
                                           "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                                           16) +
                                   std::string(200, '\0'),
                               "binary"},
                      // Valid UTF-8 elsewhere, so this cannot pass for legacy 8-bit text.
                      BadInput{"broken.txt",
                               "Une phrase très correcte.\nPuis un octet \xC3( cassé.\n",
                               "byte 41"}),
    [](const auto& info) {
      std::string name = info.param.name;
      return name.substr(0, name.find('.'));
    });

TEST(CliCorpus, MissingFileIsARuntimeError) {
  testing::TempDir dir;
  auto result =
      run_tandem({"--db", (dir / "w.db").string(), "corpus", "add", (dir / "nope.txt").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("nope.txt"));
}

TEST(CliCorpus, ReplaceInvalidKeepsTheFileWithAWarning) {
  testing::TempDir dir;
  auto path = dir / "broken.txt";
  testing::write_file(path, "Une phrase très correcte.\nPuis un octet \xC3( cassé mais gardé.\n");
  auto result = run_tandem({"--db", (dir / "w.db").string(), "corpus", "add", "--lang", "fr",
                            "--replace-invalid", path.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.err, HasSubstr("warning"));
}

}  // namespace
}  // namespace tandem
