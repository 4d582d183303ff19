#include "tm/document_pairing.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace tandem {
namespace {

struct DocBag {
  std::vector<KeyId> ids;                    // sorted distinct match ids of content words
  std::unordered_map<KeyId, KeyId> word_of;  // match id → one own-language word holding it
  std::vector<KeyId> words;                  // distinct content words
};

std::optional<int> months_of(const std::optional<std::string>& date) {
  if (!date || date->size() < 7) return std::nullopt;
  try {
    int year = std::stoi(date->substr(0, 4));
    int month = std::stoi(date->substr(5, 2));
    return year * 12 + month;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::string_view to_string(PairKind kind) {
  switch (kind) {
    case PairKind::translation:
      return "translation";
    case PairKind::comparable:
      return "comparable";
    case PairKind::unrelated:
      return "unrelated";
  }
  return "unrelated";
}

DocumentPairer::DocumentPairer(const Lexicon& lexicon, PairingOptions options)
    : options_(options), keys_(lexicon) {
  options_.miner.learning_rounds = 0;  // documents are keyed once; learning is the caller's
}

DocumentPairer::~DocumentPairer() = default;

std::vector<DocumentPair> DocumentPairer::pair(std::span<const PairingDocument> documents,
                                               std::optional<std::size_t> only) {
  const std::size_t n = documents.size();
  sides_.assign(n, MiningSide{});
  std::vector<DocBag> bags(n);
  for (std::size_t d = 0; d < n; ++d) {
    const PairingDocument& doc = documents[d];
    if (doc.lang != Lang::fr && doc.lang != Lang::en) continue;
    sides_[d] = MiningSide::build(keys_, doc.lang, doc.sentences);
    DocBag& bag = bags[d];
    for (const KeyedSentence& s : sides_[d].sentences) {
      for (KeyId w : s.words) {
        // Content words: numbers and words of 4+ letters (function words say nothing here).
        if (!keys_.is_number(doc.lang, w) && keys_.words(doc.lang).text(w).size() < 4) continue;
        if (std::find(bag.words.begin(), bag.words.end(), w) != bag.words.end()) continue;
        bag.words.push_back(w);
        for (KeyId id : keys_.match_ids(doc.lang, w)) {
          bag.ids.push_back(id);
          bag.word_of.emplace(id, w);
        }
      }
    }
    std::sort(bag.ids.begin(), bag.ids.end());
    bag.ids.erase(std::unique(bag.ids.begin(), bag.ids.end()), bag.ids.end());
  }
  // Word weights from the whole corpus of each language, not from one short document, where
  // "le" and "Wagner" would look almost equally rare.
  for (Lang lang : {Lang::fr, Lang::en}) {
    std::vector<std::uint32_t> word_df(keys_.words(lang).size(), 0);
    std::size_t total = 0;
    for (std::size_t d = 0; d < n; ++d) {
      if (documents[d].lang != lang) continue;
      for (const KeyedSentence& s : sides_[d].sentences)
        for (KeyId w : s.words) ++word_df[w];
      total += sides_[d].sentences.size();
    }
    std::vector<float> weight(word_df.size(), 0.0f);
    for (std::size_t w = 0; w < word_df.size(); ++w)
      if (word_df[w])
        weight[w] = std::log(1.0f + static_cast<float>(total) / static_cast<float>(word_df[w]));
    for (std::size_t d = 0; d < n; ++d)
      if (documents[d].lang == lang) sides_[d].word_weight = weight;
  }
  // Rarity of a match id across the documents of both languages.
  std::unordered_map<KeyId, std::size_t> df;
  for (const DocBag& bag : bags)
    for (KeyId id : bag.ids) ++df[id];
  auto idf = [&](KeyId id) {
    return std::log(1.0 + static_cast<double>(n) / static_cast<double>(df[id]));
  };
  std::vector<double> norm(n, 0.0);
  for (std::size_t d = 0; d < n; ++d)
    for (KeyId id : bags[d].ids) norm[d] += idf(id) * idf(id);

  std::vector<DocumentPair> pairs;
  for (std::size_t f = 0; f < n; ++f) {
    if (documents[f].lang != Lang::fr) continue;
    for (std::size_t e = 0; e < n; ++e) {
      if (documents[e].lang != Lang::en) continue;
      if (only && *only != f && *only != e) continue;
      double shared = 0;
      const auto& a = bags[f].ids;
      const auto& b = bags[e].ids;
      for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) {
          shared += idf(a[i]) * idf(a[i]);
          ++i, ++j;
        } else if (a[i] < b[j]) {
          ++i;
        } else {
          ++j;
        }
      }
      if (shared == 0) continue;
      DocumentPair p;
      p.fr = f;
      p.en = e;
      p.evidence.overlap = shared / std::sqrt(norm[f] * norm[e]);
      auto mf = months_of(documents[f].date), me = months_of(documents[e].date);
      if (mf && me) p.evidence.date_factor = 1.0 / (1.0 + std::abs(*mf - *me) / 12.0);
      pairs.push_back(std::move(p));
    }
  }
  // Mine each document's best candidates by overlap.
  std::set<std::pair<std::size_t, std::size_t>> to_mine;
  for (std::size_t d = 0; d < n; ++d) {
    std::vector<const DocumentPair*> mine;
    for (const DocumentPair& p : pairs)
      if (p.fr == d || p.en == d) mine.push_back(&p);
    std::sort(mine.begin(), mine.end(), [](const DocumentPair* x, const DocumentPair* y) {
      return x->evidence.overlap > y->evidence.overlap;
    });
    for (std::size_t i = 0; i < mine.size() && i < options_.mine_top; ++i)
      to_mine.emplace(mine[i]->fr, mine[i]->en);
  }
  BitextMiner miner(keys_, options_.miner);
  for (DocumentPair& p : pairs) {
    double link_mass = 0;
    if (to_mine.count({p.fr, p.en})) {
      p.links = select_one_to_one(miner.score_sides(sides_[p.fr], sides_[p.en]),
                                  options_.link_threshold, options_.miner.min_similarity);
      for (const ScoredPair& l : p.links) link_mass += l.margin;
    }
    double link_strength = 1.0 - std::exp(-link_mass / 3.0);
    p.score =
        p.evidence.date_factor * (0.5 * std::min(1.0, p.evidence.overlap) + 0.5 * link_strength);
    double nf = static_cast<double>(documents[p.fr].sentences.size());
    double ne = static_cast<double>(documents[p.en].sentences.size());
    double linked = static_cast<double>(p.links.size());
    if (nf > 0 && ne > 0 && linked / nf >= options_.translation_coverage &&
        linked / ne >= options_.translation_coverage) {
      p.kind = PairKind::translation;
    } else if (p.score >= options_.comparable_min_score) {
      p.kind = PairKind::comparable;
    }
    // Evidence: what the two documents share, by kind.
    std::vector<std::pair<double, TermMatch>> terms;
    for (KeyId w : bags[p.fr].words) {
      for (KeyId id : keys_.match_ids(Lang::fr, w)) {
        auto it = bags[p.en].word_of.find(id);
        if (it == bags[p.en].word_of.end()) continue;
        const std::string& fr_word = keys_.words(Lang::fr).text(w);
        const std::string& en_word = keys_.words(Lang::en).text(it->second);
        if (keys_.is_number(Lang::fr, w)) {
          p.evidence.numbers.push_back(fr_word);
        } else if (!keys_.has_translation(w) || fr_word == en_word) {
          p.evidence.entities.push_back(fr_word);
        } else {
          terms.push_back({idf(id), {fr_word, en_word, static_cast<float>(idf(id))}});
        }
        break;
      }
    }
    std::stable_sort(terms.begin(), terms.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (std::size_t i = 0; i < terms.size() && i < options_.max_terms; ++i)
      p.evidence.terms.push_back(terms[i].second);
  }
  std::sort(pairs.begin(), pairs.end(), [](const DocumentPair& x, const DocumentPair& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.fr != y.fr ? x.fr < y.fr : x.en < y.en;
  });
  return pairs;
}

}  // namespace tandem
