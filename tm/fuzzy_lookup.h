// Fuzzy lookup in the translation memory, the way CAT tools rank matches: word-level
// similarity 1 − edit distance / longer length over normalised tokens (case- and accent-folded
// word keys; every number stands for "a number"; punctuation left out), then small penalties,
// as CAT tools apply, for what that measure ignores: numbers that differ (1 point), punctuation
// that differs (1 point), case or accents that differ (1 point). An identical text scores 100.
// Each match says what differs (word replacements, insertions, deletions, and those flags).
//
// Candidates come from the FuzzyIndex of the query's language (tm/fuzzy_index.h), stored in a
// file beside the workspace (<db>.tm-fr.idx / <db>.tm-en.idx) and rebuilt on demand when the
// TM's generation counter (bumped by every add, removal or status change) no longer matches the
// one the file was built at. Rejected units are never proposed.
//
// Thread-safety: one FuzzyLookup per thread (it owns a Tokenizer and search scratch space).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/tokenizer.h"
#include "tm/fuzzy_index.h"
#include "tm/tm_store.h"

namespace tandem {

struct MatchDifference {
  enum class Op { replace, insert, remove };  // insert: only in the unit; remove: only in query
  Op op = Op::replace;
  std::string query;  // words as written
  std::string unit;
};

struct FuzzyMatch {
  Unit unit;              // without props and sentence refs
  double score = 0;       // percent, penalties included
  double similarity = 0;  // word-level similarity in [0, 1], before penalties
  bool exact = false;     // same text as the query
  bool numbers_differ = false;
  bool punctuation_differs = false;
  bool case_differs = false;  // case or accents
  std::vector<MatchDifference> differences;
};

// Where the index file of a workspace lives; empty for an in-memory workspace.
std::string fuzzy_index_path(const std::string& db_path, Lang side);

// The keys the index holds for a text: word keys, and "#" for every number.
std::vector<std::string> fuzzy_keys(const std::vector<Token>& tokens);

class FuzzyLookup {
 public:
  // `index_path` empty: the index lives only in memory.
  FuzzyLookup(TranslationMemory& tm, Lang src, std::string index_path);

  // Loads the index file, or rebuilds (and saves) it when missing or stale. Returns true when
  // it rebuilt. lookup() calls it on first use.
  bool ensure_index();

  // The best `top` matches scoring at least `min_score` percent, best first. `exhaustive`
  // scans every unit instead of using the index: the reference benchmarks compare against.
  std::vector<FuzzyMatch> lookup(std::string_view text, double min_score, std::size_t top,
                                 bool exhaustive = false);

  FuzzyIndex& index();

 private:
  FuzzyMatch explain(const std::vector<Token>& query, const std::string& query_text,
                     const FuzzyIndex::Hit& hit);

  TranslationMemory& tm_;
  Lang src_;
  std::string path_;
  Tokenizer tokenizer_;
  std::optional<FuzzyIndex> index_;
};

}  // namespace tandem
