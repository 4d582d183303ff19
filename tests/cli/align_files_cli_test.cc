// End to end: `tandem align-files` on a dev-set document, scored against its gold alignment.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "tests/test_support.h"

namespace tandem {
namespace {

// The links (beads with both sides non-empty) of a gold or predicted file, as "FR|EN" strings.
std::set<std::string> links(const std::string& beads) {
  std::set<std::string> out;
  std::istringstream in(beads);
  for (std::string line; std::getline(in, line);) {
    std::size_t tab1 = line.find('\t');
    if (tab1 == std::string::npos) continue;
    std::size_t tab2 = line.find('\t', tab1 + 1);
    std::string fr = line.substr(0, tab1);
    std::string en =
        line.substr(tab1 + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1);
    if (!fr.empty() && !en.empty()) out.insert(fr + "|" + en);
  }
  return out;
}

TEST(AlignFilesCli, FloresDocumentReachesStrictF1) {
  const std::string base = "dev/align/parallel/flores_devtest_0000-0043";
  auto fr = testing::shared_path(base + ".fr").string();
  auto en = testing::shared_path(base + ".en").string();
  auto result = testing::run_tandem({"align-files", fr, en});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::set<std::string> predicted = links(result.out);
  std::set<std::string> gold = links(testing::read_file(testing::shared_path(base + ".gold")));
  std::size_t correct = 0;
  for (const auto& l : predicted) correct += gold.count(l);
  double precision = double(correct) / double(predicted.size());
  double recall = double(correct) / double(gold.size());
  double f1 = 2 * precision * recall / (precision + recall);
  EXPECT_GE(f1, 0.93) << "strict P " << precision << " R " << recall;
  // Every output line has three columns and a score in [0, 1].
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    std::size_t tab2 = line.rfind('\t');
    ASSERT_NE(tab2, std::string::npos);
    double score = std::stod(line.substr(tab2 + 1));
    EXPECT_GE(score, 0.0);
    EXPECT_LE(score, 1.0);
  }
}

TEST(AlignFilesCli, EmptyFileWarnsAndPrintsOmissions) {
  testing::TempDir dir;
  testing::write_file(dir / "fr.txt", "");
  testing::write_file(dir / "en.txt", "One line.\nTwo lines.\n");
  auto result =
      testing::run_tandem({"align-files", (dir / "fr.txt").string(), (dir / "en.txt").string()});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "\t0\t0.00\n\t1\t0.00\n");
  EXPECT_NE(result.err.find("warning"), std::string::npos);
}

TEST(AlignFilesCli, MissingFileIsAUsageError) {
  auto result = testing::run_tandem({"align-files", "/no/such/fr.txt", "/no/such/en.txt"});
  EXPECT_EQ(result.exit_code, 2);
}

}  // namespace
}  // namespace tandem
