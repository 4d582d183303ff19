#include <gtest/gtest.h>

#include <sstream>

#include "tests/test_support.h"

namespace tandem {
namespace {

std::vector<std::vector<std::string>> rows(const std::string& out) {
  std::vector<std::vector<std::string>> result;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream cells_in(line);
    for (std::string cell; std::getline(cells_in, cell, '\t');) cells.push_back(cell);
    result.push_back(cells);
  }
  return result;
}

TEST(MineCli, PrintsTranslationPairsBestFirstWithScores) {
  testing::TempDir dir;
  testing::write_file(dir / "fr.txt",
                      "Le musée expose trois cents tableaux anciens.\n"
                      "Mon voisin répare sa voiture rouge chaque dimanche.\n"
                      "La bibliothèque ouvrira une nouvelle salle de lecture en mars 2031.\n");
  testing::write_file(dir / "en.txt",
                      "The library will open a new reading room in March 2031.\n"
                      "A storm closed the mountain road for two days.\n"
                      "The museum is showing three hundred old paintings.\n");
  auto run =
      testing::run_tandem({"-q", "mine", (dir / "fr.txt").string(), (dir / "en.txt").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto lines = rows(run.out);
  ASSERT_GE(lines.size(), 2u);
  bool library = false, museum = false;
  for (const auto& r : lines) {
    ASSERT_EQ(r.size(), 3u);
    library |= r[0] == "2" && r[1] == "0";
    museum |= r[0] == "0" && r[1] == "2";
    EXPECT_NE(r[0], "1");  // the neighbour's car has no translation in the pool
  }
  EXPECT_TRUE(library);
  EXPECT_TRUE(museum);
  EXPECT_GE(std::stod(lines[0][2]), std::stod(lines[1][2]));
}

TEST(MineCli, BestPrintsOneLinePerFrenchSentence) {
  testing::TempDir dir;
  testing::write_file(dir / "fr.txt", "Je bois du café le matin.\nIl pleut sur la ville.\n");
  testing::write_file(dir / "en.txt",
                      "It is raining on the city.\nI drink coffee in the morning.\n");
  auto run = testing::run_tandem(
      {"-q", "mine", "--best", (dir / "fr.txt").string(), (dir / "en.txt").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto lines = rows(run.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0][1], "1");
  EXPECT_EQ(lines[1][1], "0");
}

TEST(MineCli, MissingFileIsARuntimeError) {
  testing::TempDir dir;
  auto run = testing::run_tandem({"mine", (dir / "nope.fr").string(), (dir / "nope.en").string()});
  EXPECT_NE(run.exit_code, 0);
}

}  // namespace
}  // namespace tandem
