// Concordance search: which units contain these words, in either language, with the matching
// words marked. Backed by the tm_fts FTS5 table (unicode61 tokenizer, remove_diacritics 2), so
// it is case- and accent-insensitive (É = é = e) and follows the units exactly (the table is
// kept in sync by triggers, see corpus/workspace.cc).
//
// Query syntax is deliberately small, and user input never reaches FTS5 unescaped (quotes,
// AND/OR/NOT, *, ^, parentheses and colons are just text):
//   contacts turcs            → the phrase "contacts turcs"
//   "contacts turcs" Ankara   → the phrase and the word, anywhere in the same segment
// Each phrase must sit within one language's text.
//
// Thread-safety: one Concordance per thread (it owns prepared statements).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/database.h"
#include "tm/tm_store.h"

namespace tandem {

struct ConcordanceHit {
  std::int64_t unit_id = 0;
  std::string tuid;  // Unit::display_tuid()
  Lang src = Lang::fr;
  std::string fr, en;  // with each matching token wrapped in the open/close marks
};

class Concordance {
 public:
  explicit Concordance(TranslationMemory& tm);

  // The FTS5 MATCH expression for user input; nullopt when it holds no searchable word.
  static std::optional<std::string> fts_query(std::string_view input);

  // Hits by ascending unit id, at most `limit`.
  std::vector<ConcordanceHit> search(std::string_view input, std::size_t limit,
                                     std::string_view open = "[", std::string_view close = "]");
  std::int64_t count(std::string_view input);
  // Display tuids of the first `limit` hits by unit id (cheap even for frequent words).
  std::vector<std::string> first_tuids(std::string_view input, std::size_t limit);

 private:
  Statement search_;
  Statement count_;
  Statement tuids_;
};

}  // namespace tandem
