#include "glossary/letter_model.h"

#include <cmath>
#include <string>

namespace tandem {
namespace {

// Word boundaries are part of the context: "^^a" starts a word, "s$" ends one.
constexpr unsigned char kBoundary = 1;
// Distinct bytes a context is followed by in practice: letters, digits, a few signs.
constexpr double kAlphabet = 48;

std::uint32_t pack(unsigned char a, unsigned char b, unsigned char c = 0) {
  return (std::uint32_t{a} << 16) | (std::uint32_t{b} << 8) | c;
}

template <typename Visit>
void for_each_trigram(std::string_view key, Visit visit) {
  unsigned char a = kBoundary;
  unsigned char b = kBoundary;
  for (std::size_t i = 0; i <= key.size(); ++i) {
    unsigned char c = i < key.size() ? static_cast<unsigned char>(key[i]) : kBoundary;
    visit(a, b, c);
    a = b;
    b = c;
  }
}

}  // namespace

void LetterModel::add_word(std::string_view key) {
  if (key.empty()) return;
  ++words_;
  for_each_trigram(key, [&](unsigned char a, unsigned char b, unsigned char c) {
    ++trigrams_[pack(a, b, c)];
    ++contexts_[pack(a, b)];
  });
}

double LetterModel::log_likelihood(std::string_view key) const {
  if (key.empty()) return 0;
  double sum = 0;
  std::size_t n = 0;
  for_each_trigram(key, [&](unsigned char a, unsigned char b, unsigned char c) {
    auto t = trigrams_.find(pack(a, b, c));
    auto x = contexts_.find(pack(a, b));
    double joint = t == trigrams_.end() ? 0 : t->second;
    double context = x == contexts_.end() ? 0 : x->second;
    sum += std::log2((joint + 0.5) / (context + 0.5 * kAlphabet));
    ++n;
  });
  return sum / static_cast<double>(n);
}

}  // namespace tandem
