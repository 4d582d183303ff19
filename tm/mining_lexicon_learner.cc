#include "tm/mining_lexicon_learner.h"

#include <map>
#include <unordered_map>

namespace tandem {

std::size_t learn_translations(CrossLingualKeys& keys, const MiningSide& fr, const MiningSide& en,
                               std::span<const ScoredPair> confident,
                               const SimilarityOptions& similarity,
                               const MiningLearnOptions& options) {
  auto content = [&](Lang lang, KeyId w) {
    return !keys.is_number(lang, w) && keys.words(lang).text(w).size() >= options.min_word_length;
  };
  std::map<std::pair<KeyId, KeyId>, std::size_t> together;
  std::unordered_map<KeyId, std::size_t> fr_count, en_count;
  std::vector<std::pair<KeyId, KeyId>> residual;
  for (const ScoredPair& p : confident) {
    for (KeyId w : fr.sentences[p.fr].words) ++fr_count[w];
    for (KeyId w : en.sentences[p.en].words) ++en_count[w];
    PairMatch match = explain_pair(keys, fr, p.fr, en, p.en, similarity);
    std::vector<KeyId> f, e;
    for (KeyId w : match.fr_unmatched)
      if (content(Lang::fr, w)) f.push_back(w);
    for (KeyId w : match.en_unmatched)
      if (content(Lang::en, w)) e.push_back(w);
    for (KeyId u : f)
      for (KeyId v : e) ++together[{u, v}];
    if (options.residual_pairs && f.size() == 1 && e.size() == 1) residual.emplace_back(f[0], e[0]);
  }
  std::size_t learned = 0;
  for (const auto& [pair, n] : together) {
    if (n < options.min_count) continue;
    float dice = 2.0f * static_cast<float>(n) /
                 static_cast<float>(fr_count[pair.first] + en_count[pair.second]);
    if (dice < options.min_dice) continue;
    learned +=
        keys.learn(keys.words(Lang::fr).text(pair.first), keys.words(Lang::en).text(pair.second));
  }
  for (const auto& [u, v] : residual)
    learned += keys.learn(keys.words(Lang::fr).text(u), keys.words(Lang::en).text(v));
  return learned;
}

}  // namespace tandem
