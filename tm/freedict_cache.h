// A per-user cache of parsed FreeDict dictionaries, so that a command reading FreeDict
// (align-files, mine, glossary) does not inflate the whole .dict.dz and parse every article on each
// run.
//
// On first use the articles of a dictd pair (tm/freedict_reader.h) are parsed once, all of them,
// and written in a compact binary form to the cache directory: $TANDEM_CACHE_DIR if set, else
// $XDG_CACHE_HOME/tandem, else $HOME/.cache/tandem. The cache file records a format version (also
// in its name, so that binaries of different versions sharing the directory do not rebuild each
// other's files), the ICU version (folding depends on it), the size and modification time of
// both source files and a checksum of the articles; a file that does not match (or is truncated
// or corrupt) is rebuilt. It is written to a temporary file and renamed into place, so
// concurrent runs never see half a file. The cache is an optimisation only: when the directory
// cannot be created or written, the dictionary is parsed as without it and nothing fails.
//
// Besides the articles as read_freedict() returns them, the cache holds what the lexicon and the
// aligner's filters compute from them (tandem::fold_key of headwords, equivalents and headword
// prefixes), so that a run reads keys instead of folding some 70,000 strings again: FoldedFreeDict
// gives them as views into the cache file's bytes.
//
// Thread-safety: free functions without shared state; several threads or processes may read and
// rebuild the same cache at once (the last rename wins, every version is complete). A
// FoldedFreeDict is immutable once loaded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tm/freedict_reader.h"

namespace tandem {

// One article of a FoldedFreeDict; the views point into the FoldedFreeDict.
struct FoldedArticle {
  struct Equivalent {
    std::string_view text;         // as read_freedict() gives it
    std::string_view key;          // fold_key(text)
    std::string_view lexicon_key;  // fold_key(key): what Lexicon::add stores for it
  };
  std::string_view index_headword;  // what a HeadwordFilter judges
  std::string_view headword;        // as read_freedict() gives it
  std::string_view key;             // fold_key(headword)
  std::string_view lexicon_key;     // fold_key(key)
  std::span<const Equivalent> equivalents;
};

// Which articles to visit, judged on their headword prefixes (headword_prefixes() of the index
// headword, in order); an empty filter keeps all.
struct HeadwordPrefixView {
  std::string_view key;
  bool longer = false;
};
using HeadwordPrefixFilter = std::function<bool(std::span<const HeadwordPrefixView> prefixes)>;

// A parsed dictionary in its cached form, with every key precomputed (see above).
class FoldedFreeDict {
 public:
  // From the cache when it is up to date (creating or refreshing it otherwise; parsing in memory
  // when there is no usable cache directory). Throws read_freedict's errors for a dictionary
  // that cannot be parsed whole.
  static FoldedFreeDict load(const FreeDictFiles& files);

  std::size_t article_count() const { return count_; }

  // Calls visit(article) for every article `keep` accepts, in dictionary order. The article
  // and its views are valid during the call (the views as long as this object). Throws
  // tandem::Error naming the cache file when an article inside it is malformed (possible only
  // if a damaged file matches the checksum): never a silently partial dictionary.
  void for_each(const HeadwordPrefixFilter& keep,
                const std::function<void(const FoldedArticle&)>& visit) const;

  // The bytes of a cache file for these articles (index headword, article): what load() reads.
  static std::string serialize(const FreeDictFiles& files,
                               const std::vector<std::pair<std::string, DictEntry>>& articles);
  // Takes the bytes of a cache file; false (and an empty object) when they are not a complete
  // cache of `files` in their current state.
  bool parse(std::string_view bytes, const FreeDictFiles& files);

 private:
  bool adopt(std::shared_ptr<const char> data, std::size_t size, const FreeDictFiles& files);

  // The cache file mapped read-only (or a copy of bytes built in memory); never written.
  std::shared_ptr<const char> data_;
  std::size_t size_ = 0;
  std::size_t body_ = 0;  // offset of the first article
  std::uint32_t count_ = 0;
  std::filesystem::path source_;  // the cache file read, for error messages
};

// The directory holding the cache files (see above); empty when no variable names one.
std::filesystem::path freedict_cache_directory();

// The cache file for this dictionary pair inside freedict_cache_directory().
std::filesystem::path freedict_cache_file(const FreeDictFiles& files);

// Same result as read_freedict(files.index, files.dict_dz, keep), from the cache when it is up to
// date (creating or refreshing it otherwise). Errors are read_freedict's.
std::vector<DictEntry> read_freedict_cached(const FreeDictFiles& files,
                                            const HeadwordFilter& keep = {});

}  // namespace tandem
