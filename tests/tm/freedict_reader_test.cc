#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <tuple>

#include "corpus/error.h"
#include "corpus/tokenizer.h"
#include "tests/test_support.h"
#include "tm/freedict_cache.h"
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

// Points the FreeDict cache at `dir` for the lifetime of the object, then restores the variable.
class CacheDirOverride {
 public:
  explicit CacheDirOverride(const std::filesystem::path& dir) {
    if (const char* old = std::getenv("TANDEM_CACHE_DIR")) old_ = old;
    setenv("TANDEM_CACHE_DIR", dir.c_str(), 1);
  }
  ~CacheDirOverride() {
    if (old_)
      setenv("TANDEM_CACHE_DIR", old_->c_str(), 1);
    else
      unsetenv("TANDEM_CACHE_DIR");
  }
  CacheDirOverride(const CacheDirOverride&) = delete;
  CacheDirOverride& operator=(const CacheDirOverride&) = delete;

 private:
  std::optional<std::string> old_;
};

// A two-article dictionary of my own; `bike` must stay 4 bytes so that variants keep the offsets.
FreeDictFiles write_small_dictionary(const testing::TempDir& dir, const std::string& bike) {
  std::string velo = "Vélo /velo/ <n, masc>\nbicycle, " + bike + "\n";
  std::string chat = "chat /ʃa/ <n, masc>\ncat\n";
  std::string index = "chat\t" + b64(velo.size()) + "\t" + b64(chat.size()) + "\nvélo\tA\t" +
                      b64(velo.size()) + "\n";
  testing::write_file(dir / "s.index", index);
  write_gzip(dir / "s.dict.dz", velo + chat);
  return {(dir / "s.index").string(), (dir / "s.dict.dz").string()};
}

using Pairs = std::vector<std::tuple<std::string, std::string, float>>;
Pairs sorted_pairs(const Lexicon& lexicon) {
  Pairs out;
  lexicon.for_each([&](std::string_view fr, std::string_view en, float w) {
    out.emplace_back(std::string(fr), std::string(en), w);
  });
  std::sort(out.begin(), out.end());
  return out;
}

bool same_entries(const std::vector<DictEntry>& a, const std::vector<DictEntry>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.headword == y.headword && x.equivalents == y.equivalents;
  });
}

TEST(FreeDictCache, MissThenHitGiveTheSameLexiconAsParsingOnInstalledFreeDict) {
  testing::TempDir cache;
  CacheDirOverride override_dir(cache.path());
  FreeDictFiles files = installed_freedict(true);
  HeadwordFilter keep = [](std::string_view h) { return h.starts_with("ma") || h == "chat"; };

  std::vector<DictEntry> parsed = read_freedict(files.index, files.dict_dz, keep);
  ASSERT_FALSE(std::filesystem::exists(freedict_cache_file(files)));
  std::vector<DictEntry> miss = read_freedict_cached(files, keep);
  ASSERT_TRUE(std::filesystem::exists(freedict_cache_file(files)));
  std::vector<DictEntry> hit = read_freedict_cached(files, keep);
  EXPECT_GT(parsed.size(), 100u);
  EXPECT_TRUE(same_entries(parsed, miss));
  EXPECT_TRUE(same_entries(parsed, hit));

  Lexicon from_parse, from_cache;
  from_parse.add_freedict(read_freedict(files.index, files.dict_dz), Lang::fr);
  from_cache.add_freedict(read_freedict_cached(files), Lang::fr);
  EXPECT_GT(from_cache.entry_count(), 10000u);
  EXPECT_EQ(sorted_pairs(from_parse), sorted_pairs(from_cache));
}

TEST(FreeDictCache, SourceWithANewModificationTimeIsReadAgain) {
  testing::TempDir dir, cache;
  CacheDirOverride override_dir(cache.path());
  FreeDictFiles files = write_small_dictionary(dir, "bike");
  ASSERT_EQ(read_freedict_cached(files).at(1).equivalents,
            (std::vector<std::string>{"bicycle", "bike"}));
  // Same index size, new article text and a later time: the cache must notice the change.
  auto old_time = std::filesystem::last_write_time(files.dict_dz);
  auto old_index_size = std::filesystem::file_size(files.index);
  write_small_dictionary(dir, "cycl");
  ASSERT_EQ(std::filesystem::file_size(files.index), old_index_size);
  std::filesystem::last_write_time(files.dict_dz, old_time + std::chrono::seconds(5));
  std::vector<DictEntry> entries = read_freedict_cached(files);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].equivalents, (std::vector<std::string>{"bicycle", "cycl"}));
  EXPECT_TRUE(same_entries(entries, read_freedict_cached(files)));
}

TEST(FreeDictCache, UnwritableCacheDirectoryStillReadsTheDictionary) {
  testing::TempDir dir;
  FreeDictFiles files = write_small_dictionary(dir, "bike");
  // A directory below a regular file cannot be created, whoever runs the test.
  testing::write_file(dir / "blocker", "not a directory");
  CacheDirOverride override_dir(dir / "blocker" / "cache");
  std::vector<DictEntry> entries = read_freedict_cached(files);
  EXPECT_TRUE(same_entries(entries, read_freedict(files.index, files.dict_dz)));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].headword, "chat");
  EXPECT_FALSE(std::filesystem::exists(freedict_cache_file(files)));
}

TEST(FreeDictCache, CorruptCacheFileIsRebuilt) {
  testing::TempDir dir, cache;
  CacheDirOverride override_dir(cache.path());
  FreeDictFiles files = write_small_dictionary(dir, "bike");
  std::vector<DictEntry> first = read_freedict_cached(files);
  std::string bytes = testing::read_file(freedict_cache_file(files));
  testing::write_file(freedict_cache_file(files), bytes.substr(0, bytes.size() - 3));
  EXPECT_TRUE(same_entries(first, read_freedict_cached(files)));
  EXPECT_EQ(testing::read_file(freedict_cache_file(files)), bytes);
}

TEST(FoldedFreeDict, CachedArticlesCarryTheFoldedKeysOfTheirText) {
  testing::TempDir dir, cache;
  CacheDirOverride override_dir(cache.path());
  FreeDictFiles files = write_small_dictionary(dir, "bike");
  FoldedFreeDict built = FoldedFreeDict::load(files);  // miss: parses and writes the cache
  ASSERT_TRUE(std::filesystem::exists(freedict_cache_file(files)));
  FoldedFreeDict read = FoldedFreeDict::load(files);  // hit
  for (const FoldedFreeDict* dict : {&built, &read}) {
    std::vector<std::string> seen;
    dict->for_each({}, [&](const FoldedArticle& a) {
      EXPECT_EQ(a.key, fold_key(a.headword));
      EXPECT_EQ(a.lexicon_key, fold_key(a.key));
      for (const FoldedArticle::Equivalent& e : a.equivalents) EXPECT_EQ(e.key, fold_key(e.text));
      seen.emplace_back(a.key);
    });
    EXPECT_EQ(seen, (std::vector<std::string>{"chat", "velo"}));
  }
  // The article filter sees each index headword word's folded prefix: "vélo" → "velo", whole.
  std::vector<std::string> prefixes;
  read.for_each(
      [&](std::span<const HeadwordPrefixView> p) {
        for (const auto& h : p) prefixes.push_back(std::string(h.key) + (h.longer ? "+" : ""));
        return p[0].key == "velo";
      },
      [&](const FoldedArticle& a) { EXPECT_EQ(a.headword, "Vélo"); });
  EXPECT_EQ(prefixes, (std::vector<std::string>{"chat", "velo"}));
}

TEST(FoldedFreeDict, DamagedOrOldCacheFileIsRebuiltNotTrusted) {
  testing::TempDir dir, cache;
  CacheDirOverride override_dir(cache.path());
  FreeDictFiles files = write_small_dictionary(dir, "bike");
  FoldedFreeDict::load(files);
  const std::string good = testing::read_file(freedict_cache_file(files));
  auto equivalents = [&] {
    std::vector<std::string> out;
    FoldedFreeDict::load(files).for_each({}, [&](const FoldedArticle& a) {
      for (const auto& e : a.equivalents) out.emplace_back(e.key);
    });
    return out;
  };
  const std::vector<std::string> expected{"cat", "bicycle", "bike"};
  // One flipped byte in an equivalent ("bike" → "bire"): same size, same structure.
  std::string flipped = good;
  std::size_t at = flipped.rfind("bike");
  ASSERT_NE(at, std::string::npos);
  flipped[at + 2] = 'r';
  // Cut short; a header of the previous format; not a cache at all.
  for (const std::string& bad :
       {flipped, good.substr(0, good.size() - 5),
        std::string("TNDFDICT\x01\0\0\0", 12) + good.substr(12), std::string("garbage")}) {
    testing::write_file(freedict_cache_file(files), bad);
    EXPECT_EQ(equivalents(), expected);
    EXPECT_EQ(testing::read_file(freedict_cache_file(files)), good);
  }
  // parse() rejects the same bytes for other source files (a stale cache).
  FoldedFreeDict dict;
  EXPECT_TRUE(dict.parse(good, files));
  EXPECT_FALSE(dict.parse(good, FreeDictFiles{files.dict_dz, files.index}));
  EXPECT_EQ(dict.article_count(), 0u);
}

TEST(FoldedFreeDict, LexiconFromFoldedKeysEqualsLexiconFromParsedArticles) {
  testing::TempDir cache;
  CacheDirOverride override_dir(cache.path());
  // A filter on some French pairs, as the aligner's filters restrict the dictionary.
  Lexicon::EntryFilter keep = [](std::string_view fr, std::string_view en) {
    return fr.starts_with("ma") || en.starts_with("ho");
  };
  HeadwordFilter heads = [](std::string_view h) { return !h.starts_with("b"); };
  HeadwordPrefixFilter prefix_heads = [](std::span<const HeadwordPrefixView> p) {
    return p.empty() || !p[0].key.starts_with("b");
  };
  for (bool french : {true, false}) {
    FreeDictFiles files = installed_freedict(french);
    Lang source = french ? Lang::fr : Lang::en;
    Lexicon parsed, folded, all_parsed, all_folded;
    parsed.add_freedict(read_freedict(files.index, files.dict_dz, heads), source, keep);
    folded.add_freedict(FoldedFreeDict::load(files), source, prefix_heads, keep);
    EXPECT_GT(folded.entry_count(), 200u);
    EXPECT_EQ(sorted_pairs(parsed), sorted_pairs(folded));
    all_parsed.add_freedict(read_freedict(files.index, files.dict_dz), source);
    all_folded.add_freedict(FoldedFreeDict::load(files), source, {});
    EXPECT_EQ(sorted_pairs(all_parsed), sorted_pairs(all_folded));
  }
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
