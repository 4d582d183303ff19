#include "tm/concordance.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace tandem {
namespace {

bool has_word_character(std::string_view text) {
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(text.size());) {
    UChar32 c;
    U8_NEXT(text.data(), i, static_cast<std::int32_t>(text.size()), c);
    if (c >= 0 && (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK)) return true;
  }
  return false;
}

// A phrase as an FTS5 string: inside double quotes everything is text; a quote is doubled.
void append_phrase(std::string& out, std::string_view phrase) {
  if (!has_word_character(phrase)) return;
  if (!out.empty()) out += ' ';
  out += '"';
  for (char c : phrase) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

Concordance::Concordance(TranslationMemory& tm)
    : search_(tm.db(),
              "SELECT u.id, u.tuid, u.src_lang, highlight(tm_fts, 0, ?2, ?3), "
              "highlight(tm_fts, 1, ?2, ?3) FROM tm_fts JOIN tm_units u ON u.id = tm_fts.rowid "
              "WHERE tm_fts MATCH ?1 ORDER BY tm_fts.rowid LIMIT ?4"),
      count_(tm.db(), "SELECT count(*) FROM tm_fts WHERE tm_fts MATCH ?"),
      tuids_(tm.db(),
             "SELECT u.id, u.tuid FROM tm_fts JOIN tm_units u ON u.id = tm_fts.rowid "
             "WHERE tm_fts MATCH ?1 ORDER BY tm_fts.rowid LIMIT ?2") {}

std::optional<std::string> Concordance::fts_query(std::string_view input) {
  std::string query;
  if (input.find('"') == std::string_view::npos) {
    append_phrase(query, input);
  } else {
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= input.size(); ++i) {
      if (i < input.size() && input[i] != '"') continue;
      std::string_view part = input.substr(start, i - start);
      if (quoted) {
        append_phrase(query, part);  // an unbalanced quote runs to the end: still a phrase
      } else {
        for (std::size_t w = 0; w < part.size();) {
          std::size_t end = part.find_first_of(" \t\n", w);
          if (end == std::string_view::npos) end = part.size();
          append_phrase(query, part.substr(w, end - w));
          w = end + 1;
        }
      }
      quoted = !quoted;
      start = i + 1;
    }
  }
  if (query.empty()) return std::nullopt;
  return query;
}

std::vector<ConcordanceHit> Concordance::search(std::string_view input, std::size_t limit,
                                                std::string_view open, std::string_view close) {
  std::vector<ConcordanceHit> hits;
  auto query = fts_query(input);
  if (!query || limit == 0) return hits;
  search_.bind(1, *query).bind(2, open).bind(3, close).bind(4, static_cast<std::int64_t>(limit));
  while (search_.step()) {
    ConcordanceHit hit;
    hit.unit_id = search_.column_int(0);
    hit.tuid = search_.is_null(1) ? std::to_string(hit.unit_id) : search_.column_string(1);
    hit.src = search_.column_text(2) == "en" ? Lang::en : Lang::fr;
    hit.fr = search_.column_string(3);
    hit.en = search_.column_string(4);
    hits.push_back(std::move(hit));
  }
  search_.reset();
  return hits;
}

std::int64_t Concordance::count(std::string_view input) {
  auto query = fts_query(input);
  if (!query) return 0;
  count_.bind(1, *query);
  std::int64_t n = count_.step() ? count_.column_int(0) : 0;
  count_.reset();
  return n;
}

std::vector<std::string> Concordance::first_tuids(std::string_view input, std::size_t limit) {
  std::vector<std::string> tuids;
  auto query = fts_query(input);
  if (!query || limit == 0) return tuids;
  tuids_.bind(1, *query).bind(2, static_cast<std::int64_t>(limit));
  while (tuids_.step()) {
    tuids.push_back(tuids_.is_null(1) ? std::to_string(tuids_.column_int(0))
                                      : tuids_.column_string(1));
  }
  tuids_.reset();
  return tuids;
}

}  // namespace tandem
