// A French↔English word lexicon: what the aligner, the miner and the term pairer consult to
// know that two words may translate each other.
//
// Entries come from FreeDict (the dictd files of the Debian packages dict-freedict-fra-eng and
// dict-freedict-eng-fra, read directly), from user dictionaries (TSV: fr<TAB>en[<TAB>weight]),
// from the workspace glossary, and from what Tandem learns on the user's own material.
// Words are stored by their matching key (tandem::fold_key: lower case, no accents), so lookups
// must fold the same way. Weights are in (0, 1]: 1 for a dictionary entry, a probability-like
// confidence for learned ones.
//
// Thread-safety: const methods may be called from several threads once loading is done.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/language.h"
#include "tm/freedict_cache.h"
#include "tm/freedict_reader.h"

namespace tandem {

struct Translation {
  std::string word;  // folded key in the other language
  float weight = 1.0f;
};

class Lexicon {
 public:
  // Adds (or strengthens to the larger weight) the pair; both sides are folded here.
  void add(std::string_view fr, std::string_view en, float weight = 1.0f);

  // Translations of a folded key from `from` into the other language; empty if none.
  const std::vector<Translation>& translations(Lang from, std::string_view key) const;

  std::size_t entry_count() const { return entries_; }

  // Calls visit(fr, en, weight) once per entry (French side first), in no particular order.
  void for_each(const std::function<void(std::string_view fr, std::string_view en, float weight)>&
                    visit) const;

  // Which dictionary pairs to keep, given both sides folded; an empty filter keeps all. A caller
  // that needs only the words of one document (the aligner) loads several times faster with
  // one, since storing the 35,000 FreeDict pairs dominates loading.
  using EntryFilter = std::function<bool(std::string_view fr_key, std::string_view en_key)>;

  // Reads a FreeDict dictd pair (NAME.index + NAME.dict.dz) whose headwords are in `source`.
  void load_freedict(const std::string& index_path, const std::string& dict_dz_path, Lang source,
                     const EntryFilter& keep = {});
  // Both Debian FreeDict fr↔en dictionaries from /usr/share/dictd; throws tandem::Error naming
  // the missing file when a package is not installed.
  void load_installed_freedict(const EntryFilter& keep = {});
  // Adds articles already read by read_freedict (tm/freedict_reader.h), headwords in `source`.
  void add_freedict(std::span<const DictEntry> entries, Lang source, const EntryFilter& keep = {});
  // The same from a cached dictionary (tm/freedict_cache.h), whose keys are already folded: the
  // same entries as add_freedict(read_freedict_cached(files, filter), source, keep) when
  // `articles` accepts the prefixes of exactly the index headwords `filter` accepts, without
  // folding any string.
  void add_freedict(const FoldedFreeDict& dict, Lang source, const HeadwordPrefixFilter& articles,
                    const EntryFilter& keep = {});
  // The same in two steps, so that several dictionaries can be filtered on several threads and
  // then added in a fixed order: the pairs that add_freedict(dict, ...) adds, in its order, as
  // views into `dict` (static: it reads no lexicon), then add_pairs(). `articles` and `keep`
  // must be safe to call from the calling thread.
  struct KeyPair {
    std::string_view fr, en;  // lexicon keys (already folded)
  };
  static std::vector<KeyPair> select_freedict(const FoldedFreeDict& dict, Lang source,
                                              const HeadwordPrefixFilter& articles,
                                              const EntryFilter& keep = {});
  // Adds every pair of `lists` in order, weight 1; with `parallel`, the French→English and the
  // English→French tables are filled on two threads (the same tables either way).
  void add_pairs(std::span<const std::vector<KeyPair>> lists, bool parallel = false);
  // A user dictionary: UTF-8 lines fr<TAB>en[<TAB>weight]; '#' starts a comment line. Errors
  // name the file and line.
  void load_tsv(const std::string& path);

 private:
  // Transparent hashing: lookups by string_view without building a std::string.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  using Map = std::unordered_map<std::string, std::vector<Translation>, KeyHash, std::equal_to<>>;
  // add() for keys already folded.
  void add_folded(std::string_view fr, std::string_view en, float weight);
  Map fr_to_en_;
  Map en_to_fr_;
  std::size_t entries_ = 0;
};

}  // namespace tandem
