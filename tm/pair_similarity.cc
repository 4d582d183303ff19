#include "tm/pair_similarity.h"

#include <algorithm>
#include <cmath>

namespace tandem {
namespace {

bool intersects(std::span<const KeyId> ids, const std::vector<KeyId>& bag) {
  for (KeyId id : ids)
    if (std::binary_search(bag.begin(), bag.end(), id)) return true;
  return false;
}

bool intersects(std::span<const KeyId> a, std::span<const KeyId> b) {
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return true;
    if (*i < *j)
      ++i;
    else
      ++j;
  }
  return false;
}

float length_factor(const KeyedSentence& f, const KeyedSentence& e,
                    const SimilarityOptions& options) {
  float ratio = static_cast<float>(f.chars + 1) / static_cast<float>(e.chars + 1);
  float z = (std::log(ratio) - std::log(options.length_ratio)) / options.length_sigma;
  return std::exp(-0.5f * z * z);
}

float combine(float matched_f, float total_f, float matched_e, float total_e) {
  float cf = total_f > 0 ? matched_f / total_f : 0.0f;
  float ce = total_e > 0 ? matched_e / total_e : 0.0f;
  return cf + ce > 0 ? 2 * cf * ce / (cf + ce) : 0.0f;
}

}  // namespace

MiningSide MiningSide::build(CrossLingualKeys& keys, Lang lang,
                             std::span<const std::string> texts) {
  MiningSide side;
  side.lang = lang;
  side.sentences.reserve(texts.size());
  for (const std::string& text : texts) side.sentences.push_back(keys.key_sentence(lang, text));
  std::vector<std::uint32_t> df(keys.words(lang).size(), 0);
  for (const KeyedSentence& s : side.sentences)
    for (KeyId w : s.words) ++df[w];
  side.word_weight.assign(df.size(), 0.0f);
  float n = static_cast<float>(side.sentences.size());
  for (std::size_t w = 0; w < df.size(); ++w)
    if (df[w]) side.word_weight[w] = std::log(1.0f + n / static_cast<float>(df[w]));
  side.rebuild_bags(keys);
  return side;
}

void MiningSide::rebuild_bags(CrossLingualKeys& keys) {
  bags.clear();
  bags.reserve(sentences.size());
  for (const KeyedSentence& s : sentences) bags.push_back(keys.bag(lang, s));
}

float pair_similarity(CrossLingualKeys& keys, const MiningSide& fr, std::uint32_t x,
                      const MiningSide& en, std::uint32_t y, const SimilarityOptions& options) {
  const KeyedSentence& f = fr.sentences[x];
  const KeyedSentence& e = en.sentences[y];
  float mf = 0, tf = 0, me = 0, te = 0;
  for (KeyId u : f.words) {
    float w = fr.weight(u);
    tf += w;
    if (intersects(keys.match_ids(Lang::fr, u), en.bags[y])) mf += w;
  }
  for (KeyId v : e.words) {
    float w = en.weight(v);
    te += w;
    if (intersects(keys.match_ids(Lang::en, v), fr.bags[x])) me += w;
  }
  return combine(mf, tf, me, te) * length_factor(f, e, options);
}

PairMatch explain_pair(CrossLingualKeys& keys, const MiningSide& fr, std::uint32_t x,
                       const MiningSide& en, std::uint32_t y, const SimilarityOptions& options) {
  const KeyedSentence& f = fr.sentences[x];
  const KeyedSentence& e = en.sentences[y];
  PairMatch out;
  float mf = 0, tf = 0, me = 0, te = 0;
  std::vector<bool> en_hit(e.words.size(), false);
  for (KeyId u : f.words) {
    float w = fr.weight(u);
    tf += w;
    bool hit = false;
    for (std::size_t j = 0; j < e.words.size(); ++j) {
      if (intersects(keys.match_ids(Lang::fr, u), keys.match_ids(Lang::en, e.words[j]))) {
        out.matched.emplace_back(u, e.words[j]);
        hit = true;
        en_hit[j] = true;
      }
    }
    if (hit)
      mf += w;
    else
      out.fr_unmatched.push_back(u);
  }
  for (std::size_t j = 0; j < e.words.size(); ++j) {
    float w = en.weight(e.words[j]);
    te += w;
    if (en_hit[j])
      me += w;
    else
      out.en_unmatched.push_back(e.words[j]);
  }
  out.fr_coverage = tf > 0 ? mf / tf : 0;
  out.en_coverage = te > 0 ? me / te : 0;
  out.score = combine(mf, tf, me, te) * length_factor(f, e, options);
  return out;
}

}  // namespace tandem
