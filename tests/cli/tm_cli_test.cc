// End to end: the `tandem tm` commands as a user runs them, and the exported TMX checked by the
// real consumers (../shared/interop/check-tmx: DTD, TMX rules, translate-toolkit, OmegaT).
// Labelled "interop" in CMake: it needs Java/OmegaT and is skipped by the sanitizer pass.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/test_support.h"

namespace tandem {
namespace {

using testing::read_file;
using testing::run_tandem;
using testing::TempDir;
using testing::write_file;

// Runs check-tmx on a file; returns (exit code, output).
std::pair<int, std::string> check_tmx(const std::filesystem::path& tmx) {
  auto report = testing::run_program(testing::shared_path("interop/check-tmx").string(),
                                     {tmx.string(), "fr", "en"});
  return {report.exit_code, report.out + report.err};
}

TEST(TmCli, ExportOfUnitsAddedByHandPassesTheInteropChecksAndRoundTrips) {
  TempDir dir;
  std::string db = (dir / "ws.db").string();
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"La réunion commence à 9 h.", "The meeting starts at 9 am."},
      {"Merci de fermer la porte en sortant.", "Please close the door on your way out."},
      {"Le rapport sera publié « demain » & lu par tous.",
       "The report will be published \"tomorrow\" & read by all."},
  };
  for (const auto& [fr, en] : pairs) {
    auto added = run_tandem({"--db", db, "tm", "add", fr, en});
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }
  auto tmx = dir / "out.tmx";
  auto exported = run_tandem({"--db", db, "tm", "export", "-o", tmx.string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto [code, report] = check_tmx(tmx);
  EXPECT_EQ(code, 0) << report;
  EXPECT_NE(report.find("RESULT: PASS"), std::string::npos) << report;

  // Import the export into a fresh workspace and export again: same check, same units.
  std::string db2 = (dir / "ws2.db").string();
  auto imported = run_tandem({"--db", db2, "tm", "import", tmx.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto tmx2 = dir / "again.tmx";
  ASSERT_EQ(run_tandem({"--db", db2, "tm", "export", "-o", tmx2.string()}).exit_code, 0);
  auto [code2, report2] = check_tmx(tmx2);
  EXPECT_EQ(code2, 0) << report2;
  EXPECT_NE(report2.find("RESULT: PASS"), std::string::npos) << report2;
  auto tsv1 = dir / "one.tsv", tsv2 = dir / "two.tsv";
  ASSERT_EQ(run_tandem({"--db", db, "tm", "export", "-o", tsv1.string()}).exit_code, 0);
  ASSERT_EQ(run_tandem({"--db", db2, "tm", "export", "-o", tsv2.string()}).exit_code, 0);
  auto first_two_columns = [](const std::string& tsv) {
    std::string out;
    std::istringstream lines(tsv);
    for (std::string line; std::getline(lines, line);) {
      auto second_tab = line.find('\t', line.find('\t') + 1);
      out += line.substr(0, second_tab) + "\n";
    }
    return out;
  };
  EXPECT_EQ(first_two_columns(read_file(tsv1)), first_two_columns(read_file(tsv2)));
}

TEST(TmCli, LookupConcordanceAndStatsReadTheMemory) {
  TempDir dir;
  std::string db = (dir / "ws.db").string();
  ASSERT_EQ(run_tandem({"--db", db, "tm", "add", "Le musée ferme à 18 h le lundi.",
                        "The museum closes at 6 pm on Mondays."})
                .exit_code,
            0);
  auto lookup =
      run_tandem({"--db", db, "tm", "lookup", "--json", "Le musée ferme à 17 h le lundi."});
  ASSERT_EQ(lookup.exit_code, 0) << lookup.err;
  auto matches = nlohmann::json::parse(lookup.out);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_TRUE(matches[0]["numbers_differ"].get<bool>());
  EXPECT_EQ(matches[0]["en"], "The museum closes at 6 pm on Mondays.");

  auto batch = run_tandem({"--db", db, "tm", "lookup", "--batch"},
                          "Le musée ferme à 18 h le lundi.\nRien à voir ici.\n");
  ASSERT_EQ(batch.exit_code, 0) << batch.err;
  std::istringstream lines(batch.out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_TRUE(first.starts_with("1\t1\t100.0\t")) << first;
  EXPECT_TRUE(second.starts_with("2\t\t\t")) << second;

  auto concordance =
      run_tandem({"--db", db, "tm", "concordance", "--batch"}, "MUSEE\nlundi\" OR\n");
  ASSERT_EQ(concordance.exit_code, 0) << concordance.err;
  EXPECT_TRUE(concordance.out.starts_with("1\t1\t1\t")) << concordance.out;

  auto stats = run_tandem({"--db", db, "tm", "stats", "--json"});
  ASSERT_EQ(stats.exit_code, 0);
  auto counts = nlohmann::json::parse(stats.out);
  EXPECT_EQ(counts["units"], 1);
  EXPECT_EQ(counts["origin"]["manual"], 1);
}

TEST(TmCli, MalformedTmxFailsWithItsLineAndLeavesTheMemoryEmpty) {
  TempDir dir;
  std::string db = (dir / "ws.db").string();
  write_file(dir / "bad.tmx",
             "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\"/><body>\n"
             "<tu><tuv xml:lang=\"fr\"><seg>Bonjour.</seg></tuv>"
             "<tuv xml:lang=\"en\"><seg>Hello.</seg></tuv></tu>\n"
             "<tu><tuv xml:lang=\"fr\"><seg>Au revoir.</tuv></tu>\n</body></tmx>\n");
  auto result = run_tandem({"--db", db, "tm", "import", (dir / "bad.tmx").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("bad.tmx:4:"), std::string::npos) << result.err;
  auto stats = run_tandem({"--db", db, "tm", "stats", "--json"});
  EXPECT_EQ(nlohmann::json::parse(stats.out)["units"], 0);
}

}  // namespace
}  // namespace tandem
