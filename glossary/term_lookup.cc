#include "glossary/term_lookup.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <map>

#include "corpus/database.h"

namespace tandem {
namespace {

std::vector<UChar32> code_points(std::string_view s) {
  std::vector<UChar32> out;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    out.push_back(c);
  }
  return out;
}

int allowed_typos(std::string_view key) {
  std::size_t letters = code_points(key).size();
  return letters < 4 ? 0 : letters <= 7 ? 1 : 2;
}

bool contains_words(std::string_view haystack, std::string_view needle) {
  if (needle.empty() || needle.size() >= haystack.size()) return false;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1)) {
    bool starts = at == 0 || haystack[at - 1] == ' ';
    bool ends = at + needle.size() == haystack.size() || haystack[at + needle.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(MatchKind kind) {
  switch (kind) {
    case MatchKind::exact:
      return "exact";
    case MatchKind::stem:
      return "stem";
    case MatchKind::fuzzy:
      return "fuzzy";
    case MatchKind::partial:
      return "partial";
  }
  return "exact";
}

int bounded_edit_distance(std::string_view a_text, std::string_view b_text, int bound) {
  auto a = code_points(a_text), b = code_points(b_text);
  int length_gap = static_cast<int>(a.size()) - static_cast<int>(b.size());
  if (std::abs(length_gap) > bound) return bound + 1;
  std::vector<int> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    int row_min = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      current[j] = std::min(
          {previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > bound) return bound + 1;
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], bound + 1);
}

std::vector<LookupHit> lookup_terms(TermBase& base, std::string_view query, std::size_t limit) {
  const std::string fold = fold_key(query);
  const std::string stems[] = {base.stems_of(Lang::fr, query), base.stems_of(Lang::en, query)};
  const int typos = allowed_typos(fold);

  struct Best {
    MatchKind kind;
    int distance;
    std::int64_t term_id;
  };
  std::map<std::int64_t, Best> best;  // concept id → its best match
  auto consider = [&](std::int64_t concept_id, std::int64_t term_id, MatchKind kind, int distance) {
    auto [it, inserted] = best.try_emplace(concept_id, Best{kind, distance, term_id});
    if (!inserted && std::pair(kind, distance) < std::pair(it->second.kind, it->second.distance))
      it->second = Best{kind, distance, term_id};
  };

  // Glossaries hold thousands of terms, not millions: one pass over the keys is enough.
  Statement all(base.database(), "SELECT id, concept_id, lang, fold, stems FROM glossary_terms");
  while (all.step()) {
    std::int64_t term_id = all.column_int(0), concept_id = all.column_int(1);
    const std::string_view term_fold = all.column_text(3);
    const std::string term_stems = all.column_string(4);
    const std::string& query_stems = stems[all.column_text(2) == "fr" ? 0 : 1];
    if (term_fold == fold) {
      consider(concept_id, term_id, MatchKind::exact, 0);
    } else if (!query_stems.empty() && term_stems == query_stems) {
      consider(concept_id, term_id, MatchKind::stem, 0);
    } else if (typos > 0) {
      int d = std::min(bounded_edit_distance(fold, term_fold, typos),
                       bounded_edit_distance(query_stems, term_stems, typos));
      if (d <= typos) {
        consider(concept_id, term_id, MatchKind::fuzzy, d);
        continue;
      }
      if (contains_words(term_stems, query_stems))
        consider(concept_id, term_id, MatchKind::partial, 0);
    } else if (contains_words(term_stems, query_stems)) {
      consider(concept_id, term_id, MatchKind::partial, 0);
    }
  }

  std::vector<std::pair<std::int64_t, Best>> ordered(best.begin(), best.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return std::pair(a.second.kind, a.second.distance) <
           std::pair(b.second.kind, b.second.distance);
  });
  std::vector<LookupHit> hits;
  for (const auto& [concept_id, match] : ordered) {
    if (hits.size() >= limit) break;
    auto entry = base.get(concept_id);
    if (!entry) continue;
    LookupHit hit{std::move(*entry), 0, match.kind, match.distance};
    for (std::size_t i = 0; i < hit.entry.terms.size(); ++i)
      if (hit.entry.terms[i].id == match.term_id) hit.term = i;
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace tandem
