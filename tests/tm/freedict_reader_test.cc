#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>

#include "corpus/error.h"
#include "tests/test_support.h"
#include "tm/freedict_reader.h"
#include "tm/lexicon.h"

namespace tandem {
namespace {

bool has(const std::vector<Translation>& list, const std::string& word) {
  return std::any_of(list.begin(), list.end(),
                     [&](const Translation& t) { return t.word == word; });
}

void write_gzip(const std::filesystem::path& path, const std::string& content) {
  gzFile out = gzopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(gzwrite(out, content.data(), static_cast<unsigned>(content.size())),
            static_cast<int>(content.size()));
  gzclose(out);
}

// dictd's base64 digits for a number.
std::string b64(std::uint64_t v) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  do {
    out.insert(out.begin(), digits[v % 64]);
    v /= 64;
  } while (v);
  return out;
}

TEST(FreeDictReader, DecodesDictdBase64Numbers) {
  EXPECT_EQ(dictd_base64("A"), 0u);
  EXPECT_EQ(dictd_base64("B"), 1u);
  EXPECT_EQ(dictd_base64("BA"), 64u);
  EXPECT_EQ(dictd_base64("5HO"), 57u * 4096 + 7u * 64 + 14u);
  EXPECT_THROW(dictd_base64("a-b"), Error);
}

TEST(FreeDictReader, ReadsArticlesOfAnOwnDictzipFixture) {
  testing::TempDir dir;
  std::string dict =
      "00-database-info\nA tiny test dictionary\n"
      "Vélo /velo/ <n, masc>\nbicycle, bike\n"
      "lampe /lɑ̃p/ <n, fem>\n1. lamp (for reading)\n2. light\n";
  std::size_t info_len = dict.find("Vélo");
  std::size_t velo_len = dict.find("lampe") - info_len;
  std::size_t lampe_len = dict.size() - info_len - velo_len;
  std::string index = "00databaseinfo\tA\t" + b64(info_len) + "\n" + "lampe\t" +
                      b64(info_len + velo_len) + "\t" + b64(lampe_len) + "\n" + "vélo\t" +
                      b64(info_len) + "\t" + b64(velo_len) + "\n";
  testing::write_file(dir / "t.index", index);
  write_gzip(dir / "t.dict.dz", dict);

  std::vector<DictEntry> entries =
      read_freedict((dir / "t.index").string(), (dir / "t.dict.dz").string());
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].headword, "lampe");
  EXPECT_EQ(entries[0].equivalents, (std::vector<std::string>{"lamp", "light"}));
  EXPECT_EQ(entries[1].headword, "Vélo");
  EXPECT_EQ(entries[1].equivalents, (std::vector<std::string>{"bicycle", "bike"}));

  Lexicon lexicon;
  lexicon.load_freedict((dir / "t.index").string(), (dir / "t.dict.dz").string(), Lang::fr);
  EXPECT_TRUE(has(lexicon.translations(Lang::fr, "velo"), "bike"));
  EXPECT_TRUE(has(lexicon.translations(Lang::en, "light"), "lampe"));
}

TEST(FreeDictReader, IndexPointingOutsideTheDictionaryNamesTheLine) {
  testing::TempDir dir;
  testing::write_file(dir / "t.index", "chat\tA\tF\nchien\tBA\tZZZ\n");
  write_gzip(dir / "t.dict.dz", "chat /ʃa/\ncat\n");
  try {
    read_freedict((dir / "t.index").string(), (dir / "t.dict.dz").string());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_NE(e.where().file.find("t.index"), std::string::npos);
  }
}

TEST(FreeDictReader, CorruptDictzipIsAnError) {
  testing::TempDir dir;
  testing::write_file(dir / "t.index", "chat\tA\tF\n");
  testing::write_file(dir / "t.dict.dz", "this is not gzip at all");
  EXPECT_THROW(read_freedict((dir / "t.index").string(), (dir / "t.dict.dz").string()), Error);
}

TEST(Lexicon, InstalledFreeDictTranslatesMaisonToHouseBothWays) {
  Lexicon lexicon;
  lexicon.load_installed_freedict();
  EXPECT_GT(lexicon.entry_count(), 10000u);
  EXPECT_TRUE(has(lexicon.translations(Lang::fr, "maison"), "house"));
  EXPECT_TRUE(has(lexicon.translations(Lang::en, "house"), "maison"));
  // Keys are folded: accents removed on both sides.
  EXPECT_TRUE(has(lexicon.translations(Lang::fr, "geologique"), "geological"));
}

TEST(Lexicon, UserTsvAddsWeightedEntriesAndReportsBadLines) {
  testing::TempDir dir;
  testing::write_file(dir / "ok.tsv", "# my terms\nDrone\tUAV\t0.8\nmercenaire\tmercenary\n");
  Lexicon lexicon;
  lexicon.load_tsv((dir / "ok.tsv").string());
  ASSERT_EQ(lexicon.translations(Lang::fr, "drone").size(), 1u);
  EXPECT_FLOAT_EQ(lexicon.translations(Lang::fr, "drone")[0].weight, 0.8f);
  EXPECT_TRUE(has(lexicon.translations(Lang::en, "mercenary"), "mercenaire"));

  testing::write_file(dir / "bad.tsv", "chat\tcat\nchien dog\n");
  try {
    lexicon.load_tsv((dir / "bad.tsv").string());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 2u);
  }
  testing::write_file(dir / "weight.tsv", "chat\tcat\t2.5\n");
  EXPECT_THROW(lexicon.load_tsv((dir / "weight.tsv").string()), Error);
}

}  // namespace
}  // namespace tandem
