#include "tm/fuzzy_lookup.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "corpus/error.h"

namespace tandem {
namespace {

constexpr std::string_view kNumberKey = "#";
constexpr double kPenalty = 1.0;  // percent per kind of difference the word measure ignores

bool is_word(const Token& token) {
  return token.kind == TokenKind::Word || token.kind == TokenKind::Number;
}

std::string key_of(const Token& token) {
  return token.kind == TokenKind::Number ? std::string(kNumberKey) : token.key;
}

std::vector<const Token*> words_of(const std::vector<Token>& tokens) {
  std::vector<const Token*> words;
  for (const Token& token : tokens) {
    if (is_word(token)) words.push_back(&token);
  }
  return words;
}

std::vector<std::string> punctuation_of(const std::vector<Token>& tokens) {
  std::vector<std::string> marks;
  for (const Token& token : tokens) {
    if (!is_word(token)) marks.push_back(fold_key(token.text));
  }
  return marks;
}

void append_difference(std::vector<MatchDifference>& out, MatchDifference::Op op,
                       const Token* query, const Token* unit) {
  // Adjacent edits of the same kind read better as one phrase ("de la" → "du").
  if (out.empty() || out.back().op != op) out.push_back({op, {}, {}});
  auto join = [](std::string& into, const Token* token) {
    if (!token) return;
    if (!into.empty()) into += ' ';
    into += token->text;
  };
  join(out.back().query, query);
  join(out.back().unit, unit);
}

}  // namespace

std::string fuzzy_index_path(const std::string& db_path, Lang side) {
  if (db_path.empty() || db_path == ":memory:") return {};
  return db_path + ".tm-" + std::string(to_tag(side)) + ".idx";
}

std::vector<std::string> fuzzy_keys(const std::vector<Token>& tokens) {
  std::vector<std::string> keys;
  for (const Token& token : tokens) {
    if (is_word(token)) keys.push_back(key_of(token));
  }
  return keys;
}

FuzzyLookup::FuzzyLookup(TranslationMemory& tm, Lang src, std::string index_path)
    : tm_(tm), src_(src), path_(std::move(index_path)), tokenizer_(src) {}

bool FuzzyLookup::ensure_index() {
  const std::int64_t generation = tm_.generation();
  const std::string instance = tm_.instance();
  auto current = [&](const FuzzyIndex& index) {
    return index.generation() == generation && index.instance() == instance && index.lang() == src_;
  };
  if (index_ && current(*index_)) return false;
  if (!path_.empty() && std::filesystem::exists(path_)) {
    try {
      FuzzyIndex saved = FuzzyIndex::open(path_);
      if (current(saved)) {
        index_ = std::move(saved);
        return false;
      }
    } catch (const Error&) {
      // A damaged or foreign file is rebuilt below, like a stale one.
    }
  }
  FuzzyIndexBuilder builder(src_, instance, generation);
  Statement units(tm_.db(),
                  src_ == Lang::en
                      ? "SELECT id, en FROM tm_units WHERE status != 'rejected' ORDER BY id"
                      : "SELECT id, fr FROM tm_units WHERE status != 'rejected' ORDER BY id");
  while (units.step()) {
    builder.add(units.column_int(0), fuzzy_keys(tokenizer_.tokenize(units.column_text(1))));
  }
  index_ = builder.finish();
  if (!path_.empty()) index_->save(path_);
  return true;
}

FuzzyIndex& FuzzyLookup::index() {
  ensure_index();
  return *index_;
}

FuzzyMatch FuzzyLookup::explain(const std::vector<Token>& query, const std::string& query_text,
                                const FuzzyIndex::Hit& hit) {
  FuzzyMatch match;
  auto unit = tm_.unit(hit.unit_id);
  if (!unit) throw Error("translation unit vanished during lookup");
  match.unit = std::move(*unit);
  match.similarity = hit.similarity;
  const std::string& unit_text = match.unit.text(src_);
  std::vector<Token> unit_tokens = tokenizer_.tokenize(unit_text);

  // Word alignment by dynamic programme (only for the few matches shown).
  auto q = words_of(query);
  auto u = words_of(unit_tokens);
  const std::size_t n = q.size(), m = u.size();
  std::vector<std::uint32_t> d((n + 1) * (m + 1));
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return d[i * (m + 1) + j]; };
  auto same = [&](std::size_t i, std::size_t j) { return key_of(*q[i]) == key_of(*u[j]); };
  for (std::size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<std::uint32_t>(i);
  for (std::size_t j = 0; j <= m; ++j) at(0, j) = static_cast<std::uint32_t>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      at(i, j) = std::min(
          {at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (same(i - 1, j - 1) ? 0u : 1u)});
    }
  }
  std::vector<MatchDifference> reversed;
  for (std::size_t i = n, j = m; i > 0 || j > 0;) {
    if (i > 0 && j > 0 && same(i - 1, j - 1) && at(i, j) == at(i - 1, j - 1)) {
      const Token& a = *q[i - 1];
      const Token& b = *u[j - 1];
      if (a.kind == TokenKind::Number && b.kind == TokenKind::Number) {
        if (canonical_number(a.text, src_) != canonical_number(b.text, src_)) {
          match.numbers_differ = true;
          append_difference(reversed, MatchDifference::Op::replace, &a, &b);
        }
      } else if (a.text != b.text) {
        match.case_differs = true;
      }
      --i, --j;
    } else if (i > 0 && j > 0 && at(i, j) == at(i - 1, j - 1) + 1) {
      append_difference(reversed, MatchDifference::Op::replace, q[i - 1], u[j - 1]);
      --i, --j;
    } else if (i > 0 && at(i, j) == at(i - 1, j) + 1) {
      append_difference(reversed, MatchDifference::Op::remove, q[i - 1], nullptr);
      --i;
    } else {
      append_difference(reversed, MatchDifference::Op::insert, nullptr, u[j - 1]);
      --j;
    }
  }
  // Phrases were joined while walking backwards: put words and edits back in reading order.
  for (auto& difference : reversed) {
    for (std::string* side : {&difference.query, &difference.unit}) {
      std::vector<std::string> words;
      std::size_t start = 0;
      while (start <= side->size() && !side->empty()) {
        std::size_t end = side->find(' ', start);
        words.push_back(side->substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
      }
      std::string joined;
      for (auto w = words.rbegin(); w != words.rend(); ++w)
        joined += (joined.empty() ? "" : " ") + *w;
      *side = joined;
    }
  }
  match.differences.assign(reversed.rbegin(), reversed.rend());
  match.punctuation_differs = punctuation_of(query) != punctuation_of(unit_tokens);
  match.exact = normalize_unit_text(query_text) == unit_text;
  if (match.exact) {
    match.score = 100;
    match.case_differs = match.punctuation_differs = false;
  } else {
    double penalties =
        kPenalty * (match.numbers_differ + match.punctuation_differs + match.case_differs);
    match.score = std::max(0.0, 100.0 * hit.similarity - penalties);
    // Not identical, so never a 100% match even when the words measure cannot see why.
    if (match.score >= 100) match.score = 100 - kPenalty;
  }
  return match;
}

std::vector<FuzzyMatch> FuzzyLookup::lookup(std::string_view text, double min_score,
                                            std::size_t top, bool exhaustive) {
  ensure_index();
  std::string query_text(text);
  std::vector<Token> query = tokenizer_.tokenize(query_text);
  auto keys = fuzzy_keys(query);
  auto ids = index_->query_ids(keys);
  auto hits = exhaustive ? index_->search_exhaustive(ids, min_score / 100.0)
                         : index_->search(ids, min_score / 100.0);
  // Penalties only lower a score, so once a hit's word similarity is below the k-th best final
  // score no later hit can enter the top: explain hits in order until then.
  std::vector<FuzzyMatch> matches;
  for (const auto& hit : hits) {
    if (top == 0) break;
    if (matches.size() >= top && 100.0 * hit.similarity < matches[top - 1].score) break;
    FuzzyMatch match = explain(query, query_text, hit);
    if (match.score < min_score) continue;
    matches.push_back(std::move(match));
    std::stable_sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) {
      return a.score != b.score ? a.score > b.score : a.unit.id < b.unit.id;
    });
    if (matches.size() > top) matches.pop_back();
  }
  return matches;
}

}  // namespace tandem
