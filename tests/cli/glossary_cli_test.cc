// End-to-end tests of `tandem terms` and `tandem glossary ...`, run as a user would.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/test_support.h"

namespace tandem {
namespace {

using ::testing::HasSubstr;
using testing::run_tandem;

testing::RunResult ok(const std::vector<std::string>& args) {
  auto r = run_tandem(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r;
}

TEST(TermsCli, PrintsRankedTermsWithScores) {
  testing::TempDir dir;
  auto file = dir / "notes.txt";
  testing::write_file(file,
                      "The pitch bearing of the second turbine failed in March.\n"
                      "A new pitch bearing was fitted and the yaw drive was checked.\n"
                      "Engineers now inspect every pitch bearing and yaw drive twice a year.\n");
  auto r = ok({"terms", "--lang", "en", file.string()});
  std::istringstream lines(r.out);
  std::string line;
  double previous = 1e9;
  bool found = false;
  while (std::getline(lines, line)) {
    auto tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    double score = std::stod(line.substr(tab + 1));
    EXPECT_LE(score, previous);
    previous = score;
    found = found || line.substr(0, tab) == "pitch bearing";
  }
  EXPECT_TRUE(found) << r.out;
  EXPECT_EQ(run_tandem({"terms", "--lang", "de", file.string()}).exit_code, 2);
}

TEST(TermsCli, BackgroundTextsLendEvidenceButNeverTerms) {
  testing::TempDir dir;
  auto notes = dir / "notes.txt";
  auto background = dir / "background.txt";
  testing::write_file(notes, "The pitch bearing of the second turbine failed in March.\n");
  testing::write_file(background,
                      "Every gearbox oil sample goes to the laboratory.\n"
                      "A gearbox oil sample showed metal and a pitch bearing was replaced.\n"
                      "The pitch bearing grease and the gearbox oil sample are logged.\n");
  auto alone = ok({"terms", "--lang", "en", "--threshold", "-100", notes.string()});
  auto helped = ok({"terms", "--lang", "en", "--threshold", "-100", notes.string(), "--background",
                    background.string()});
  EXPECT_THAT(helped.out, ::testing::Not(HasSubstr("gearbox")));
  auto score_of = [](const std::string& out, const std::string& term) {
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
      if (line.substr(0, line.find('\t')) == term) return std::stod(line.substr(line.find('\t')));
    return -1e9;
  };
  // Seen again in the background, "pitch bearing" is judged on more evidence.
  EXPECT_GT(score_of(alone.out, "pitch bearing"), -1e9);
  EXPECT_GT(score_of(helped.out, "pitch bearing"), -1e9);
  EXPECT_NE(score_of(helped.out, "pitch bearing"), score_of(alone.out, "pitch bearing"));
}

// pair-files with the terminologist's own lists: the French terms as listed (a lemma finds its
// inflected occurrences), their translations chosen only among the listed English terms.
TEST(PairFilesCli, PairsListedTermsAmongListedTranslations) {
  testing::TempDir dir;
  testing::write_file(dir / "fr.txt",
                      "Les générateurs électriques de la centrale sont refroidis par air.\n"
                      "Chaque générateur électrique alimente un transformateur.\n"
                      "Le rotor entraîne les générateurs électriques par un arbre.\n");
  testing::write_file(dir / "en.txt",
                      "The electric generators of the plant are air cooled.\n"
                      "Each electric generator feeds a transformer.\n"
                      "The rotor drives the electric generators through a shaft.\n");
  testing::write_file(dir / "fr-terms.txt", "# lemmas\ngénérateur électrique\nrotor\n");
  testing::write_file(dir / "en-terms.txt", "electric generator\t12\nrotor\nshaft\nair\ngearbox\n");
  auto r = ok({"glossary", "pair-files", "--fr", (dir / "fr.txt").string(), "--en",
               (dir / "en.txt").string(), "--fr-terms", (dir / "fr-terms.txt").string(),
               "--en-terms", (dir / "en-terms.txt").string()});
  std::istringstream lines(r.out);
  std::vector<std::string> firsts, english;
  std::string previous;
  for (std::string line; std::getline(lines, line);) {
    auto fields = line.substr(0, line.rfind('\t'));
    std::string fr = fields.substr(0, fields.find('\t'));
    english.push_back(fields.substr(fields.find('\t') + 1));
    if (fr != previous) firsts.push_back(fields);
    previous = fr;
  }
  EXPECT_EQ(firsts,
            (std::vector<std::string>{"générateur électrique\telectric generator", "rotor\trotor"}))
      << r.out;
  for (const std::string& e : english)
    EXPECT_THAT(
        (std::vector<std::string>{"electric generator", "rotor", "shaft", "air", "gearbox"}),
        ::testing::Contains(e));
  // The user hears of listed terms the texts never use.
  EXPECT_THAT(r.err, HasSubstr("1 of the 5 terms of " + (dir / "en-terms.txt").string()));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("fr-terms.txt")));
  // A list that does not exist is a usage error, named.
  auto bad = run_tandem({"glossary", "pair-files", "--fr", (dir / "fr.txt").string(), "--en",
                         (dir / "en.txt").string(), "--fr-terms", (dir / "none.txt").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("none.txt"));
}

class GlossaryCli : public ::testing::Test {
 protected:
  std::vector<std::string> with_db(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return args;
  }
  testing::TempDir dir;
  std::string db = (dir / "t.db").string();
};

TEST_F(GlossaryCli, AddedEntryIsFoundByItsSingularWithContext) {
  ok(with_db({"glossary", "add", "--fr", "mercenaires", "--en", "mercenaries", "--context",
              "Les mercenaires sont partis hier soir.", "--approved"}));
  auto r = ok(with_db({"glossary", "lookup", "Mercenaire", "--json"}));
  auto hits = nlohmann::json::parse(r.out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["match"], "stem");
  EXPECT_EQ(hits[0]["entry"]["status"], "approved");
  EXPECT_EQ(hits[0]["entry"]["terms"][1]["term"], "mercenaries");
  auto text = ok(with_db({"glossary", "lookup", "mercenaries"}));
  EXPECT_THAT(text.out, HasSubstr("Les mercenaires sont partis hier soir."));
  EXPECT_EQ(run_tandem(with_db({"glossary", "lookup", "hélicoptère"})).exit_code, 1);
}

TEST_F(GlossaryCli, EditApproveAndRemove) {
  auto id = ok(with_db({"glossary", "add", "--fr", "éolienne", "--en", "windmill"})).out;
  id.pop_back();
  ok(with_db({"glossary", "edit", id, "--en", "wind turbine", "--note", "pas windmill"}));
  ok(with_db({"glossary", "approve", id}));
  auto listed = nlohmann::json::parse(ok(with_db({"glossary", "list", "--json"})).out);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["status"], "approved");
  EXPECT_EQ(listed[0]["note"], "pas windmill");
  EXPECT_EQ(listed[0]["terms"][1]["term"], "wind turbine");
  ok(with_db({"glossary", "remove", id}));
  EXPECT_EQ(ok(with_db({"glossary", "list"})).out, "");
  EXPECT_EQ(run_tandem(with_db({"glossary", "remove", id})).exit_code, 1);
}

// The seeds in the corpus, and translation units of our own that pair the seed terms.
TEST_F(GlossaryCli, ExtractProposesPairsFromTheTranslationMemory) {
  std::vector<std::string> add = {"corpus", "add"};
  for (const char* name :
       {"000_8fca94e8e463837d.txt", "001_28478a00887480cc.txt", "002_9e0a7987417c006f.txt",
        "003_ce2aef6978b8f79b.txt", "004_d110b3afd0e57c97.txt"})
    add.push_back(testing::shared_path(std::string("seeds/") + name).string());
  ok(with_db(add));
  ok(with_db({"tm", "add", "Les mercenaires ont rencontré des contacts turcs à Ankara.",
              "The mercenaries met Turkish contacts in Ankara."}));
  ok(with_db({"tm", "add", "Le matériel militaire est arrivé par camion hier.",
              "The military equipment arrived by truck yesterday."}));
  ok(with_db({"glossary", "extract"}));
  auto listed = ok(with_db({"glossary", "list", "--status", "proposed"})).out;
  EXPECT_THAT(listed, HasSubstr("\tcontacts turcs\tTurkish contacts\t"));
  EXPECT_THAT(listed, HasSubstr("\tmatériel militaire\tmilitary equipment\t"));
  auto hits =
      nlohmann::json::parse(ok(with_db({"glossary", "lookup", "mercenaire", "--json"})).out);
  ASSERT_FALSE(hits.empty());
  bool english = false;
  for (const auto& t : hits[0]["entry"]["terms"]) english = english || t["term"] == "mercenaries";
  EXPECT_TRUE(english) << hits.dump(2);
  // Extracting again replaces the proposals instead of piling them up.
  ok(with_db({"glossary", "extract"}));
  auto again = nlohmann::json::parse(ok(with_db({"glossary", "list", "--json"})).out);
  auto before = std::count(listed.begin(), listed.end(), '\n');
  EXPECT_EQ(static_cast<long>(again.size()), before);
}

class GlossaryRoundTrip : public GlossaryCli, public ::testing::WithParamInterface<const char*> {};

TEST_P(GlossaryRoundTrip, ExportImportExportKeepsEverything) {
  std::string format = GetParam();
  ok(with_db({"glossary", "add", "--fr", "contacts turcs", "--en", "Turkish contacts", "--subject",
              "renseignement", "--note", "vu deux fois, \"à vérifier\"", "--pos", "noun"}));
  ok(with_db({"glossary", "add", "--fr", "matériel militaire", "--fr", "équipement militaire",
              "--en", "military equipment", "--approved"}));
  ok(with_db({"glossary", "edit", "2", "--usage", "deprecated"}));
  std::string ext = format == "csv" ? ".csv" : ".tbx";
  std::string first = (dir / ("first" + ext)).string(), second = (dir / ("second" + ext)).string();
  ok(with_db({"glossary", "export", "--format", format, "-o", first}));
  std::string other = (dir / "other.db").string();
  ok({"--db", other, "glossary", "import", first});
  ok({"--db", other, "glossary", "export", "--format", format, "-o", second});
  EXPECT_EQ(testing::read_file(first), testing::read_file(second));
  EXPECT_EQ(ok({"--db", other, "glossary", "list"}).out, ok(with_db({"glossary", "list"})).out);
}

INSTANTIATE_TEST_SUITE_P(Formats, GlossaryRoundTrip, ::testing::Values("tbx", "tbx2", "csv"));

TEST_F(GlossaryCli, TsvExportIsFrenchEnglishScore) {
  ok(with_db({"glossary", "add", "--fr", "éolienne", "--en", "wind turbine"}));
  ok(with_db({"glossary", "add", "--fr", "pale"}));
  std::string out = (dir / "g.tsv").string();
  ok(with_db({"glossary", "export", "--format", "tsv", "-o", out}));
  EXPECT_EQ(testing::read_file(out), "éolienne\twind turbine\t0.0000\n");
}

TEST_F(GlossaryCli, BadInputIsReportedWithWhereAndExitCode) {
  auto bad = dir / "bad.tbx";
  testing::write_file(bad, "<martif type=\"TBX-Basic\">\n<text><body>\n<termEntry></body>");
  auto r = run_tandem(with_db({"glossary", "import", bad.string()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.tbx:3:"));
  EXPECT_EQ(run_tandem(with_db({"glossary", "export", "--format", "xls", "-o", "x"})).exit_code, 2);
  EXPECT_EQ(run_tandem(with_db({"glossary", "add"})).exit_code, 2);
}

}  // namespace
}  // namespace tandem
