#include "tm/cognates.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace tandem {
namespace {

// French → English endings, longest first within a family so "iques" wins over "ique".
constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kSuffixRewrites = {{
    {"ites", "ities"}, {"ite", "ity"},    {"iques", "ics"}, {"ique", "ic"},  {"aires", "aries"},
    {"aire", "ary"},   {"euses", "ous"},  {"euse", "ous"},  {"eux", "ous"},  {"ismes", "isms"},
    {"isme", "ism"},   {"istes", "ists"}, {"iste", "ist"},  {"ies", "ies"},  {"ie", "y"},
    {"teurs", "tors"}, {"teur", "tor"},   {"elles", "als"}, {"elle", "al"},  {"els", "als"},
    {"el", "al"},      {"ifs", "ives"},   {"if", "ive"},    {"ement", "ly"},
}};

}  // namespace

double lcs_ratio(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  // One DP row over the shorter string: O(|a|·|b|) time, O(min) memory.
  if (a.size() < b.size()) std::swap(a, b);
  std::vector<std::uint16_t> row(b.size() + 1, 0);
  for (char ca : a) {
    std::uint16_t diagonal = 0;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::uint16_t above = row[j];
      row[j] =
          ca == b[j - 1] ? static_cast<std::uint16_t>(diagonal + 1) : std::max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return static_cast<double>(row[b.size()]) / static_cast<double>(a.size());
}

std::string anglicize_suffix(std::string_view fr_key) {
  for (const auto& [fr, en] : kSuffixRewrites) {
    if (fr_key.size() > fr.size() + 2 && fr_key.ends_with(fr)) {
      std::string out(fr_key.substr(0, fr_key.size() - fr.size()));
      out += en;
      return out;
    }
  }
  return std::string(fr_key);
}

double cognate_similarity(std::string_view fr_key, std::string_view en_key) {
  if (fr_key.size() < kMinCognateLength || en_key.size() < kMinCognateLength) return 0.0;
  if (fr_key[0] != en_key[0]) return 0.0;
  double plain = lcs_ratio(fr_key, en_key);
  std::string rewritten = anglicize_suffix(fr_key);
  if (rewritten == fr_key) return plain;
  return std::max(plain, lcs_ratio(rewritten, en_key));
}

}  // namespace tandem
