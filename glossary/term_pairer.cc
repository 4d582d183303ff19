#include "glossary/term_pairer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "corpus/tokenizer.h"
#include "glossary/candidate_extractor.h"
#include "tm/cognates.h"

namespace tandem {

struct TermPairer::Cache {
  Tokenizer fr{Lang::fr};
  Tokenizer en{Lang::en};
  std::unordered_map<std::string, std::string> fr_stems, en_stems;
  std::unordered_map<std::string, double> evidence;  // "fr_key\ten_key" → static evidence
  // Word co-occurrence over units, by stem.
  std::unordered_map<std::string, std::uint32_t> fr_units, en_units;
  std::unordered_map<std::string, std::uint32_t> together;  // "fr_stem\ten_stem"
};

namespace {

constexpr double kResidualEvidence = 0.6;
constexpr double kProminence = 0.15;
// Distributional evidence (comparable corpora): a context-neighbour word counts as a weaker
// translation than a cognate; context cosine and frequency agreement re-rank candidates.
constexpr double kDistributionalEvidence = 0.6;
constexpr double kMinWordCosine = 0.15;
constexpr double kMinTermCosine = 0.2;
constexpr std::size_t kTermNeighbours = 10;
constexpr double kContextWeight = 1.0;
constexpr double kFrequencyWeight = 0.15;
constexpr double kOrderWeight = 0.1;
// An English term that is nearly always part of one longer term is a fragment of it ("horizontal
// axis wind" of "horizontal axis wind turbine"), a worse translation than the whole.
constexpr double kTruncationWeight = 0.2;

// French puts the head first and English last ("matériel militaire" ↔ "military equipment",
// "énergie éolienne" ↔ "wind energy"): an unexplained word pairs with the one in the mirrored
// position only.
bool mirrored(std::size_t f, std::size_t nf, std::size_t e, std::size_t ne) {
  if (nf == ne) return f + e == nf - 1;
  return (f == 0 && e == ne - 1) || (f == nf - 1 && e == 0);
}

// How well two terms translate each other word by word, in [0, 1]: every word of each side
// by its best translation on the other side (`evidence(a, b)` for French word a, English b),
// word order free.
template <typename Evidence>
double compositional_score(std::size_t nf, std::size_t ne, Evidence evidence) {
  std::vector<double> best_e(ne, 0.0);
  double sum = 0;
  std::size_t covered_f = 0, residual_f = 0;
  for (std::size_t a = 0; a < nf; ++a) {
    double best_f = 0;
    for (std::size_t b = 0; b < ne; ++b) {
      double w = evidence(a, b);
      best_f = std::max(best_f, w);
      best_e[b] = std::max(best_e[b], w);
    }
    sum += best_f;
    covered_f += best_f >= 0.5;
    if (best_f < 0.5) residual_f = a;
  }
  std::size_t covered = 0, residual_e = 0;
  for (std::size_t b = 0; b < ne; ++b) {
    sum += best_e[b];
    covered += best_e[b] >= 0.5;
    if (best_e[b] < 0.5) residual_e = b;
  }
  // Compositional translation: when two multi-word terms match everywhere but one word on each
  // side ("matériel militaire" ↔ "military equipment"), those two words are taken as each
  // other's translation, with less confidence than a dictionary.
  if (nf >= 2 && ne >= 2 && covered_f + 1 == nf && covered + 1 == ne &&
      mirrored(residual_f, nf, residual_e, ne)) {
    sum += 2 * kResidualEvidence;
    covered_f = nf;
    covered = ne;
  }
  // A word left without any translation is strong evidence against the pair: the mean is
  // scaled by the squared share of words that found one.
  double share = static_cast<double>(covered + covered_f) / static_cast<double>(nf + ne);
  return sum / static_cast<double>(nf + ne) * share * share;
}

// The lexicon is keyed by lemma; a French plural needs its singular ("turcs" → "turc").
std::vector<std::string> french_lemma_guesses(std::string_view key) {
  std::vector<std::string> out{std::string(key)};
  if (key.size() > 3 && (key.ends_with("s") || key.ends_with("x")))
    out.emplace_back(key.substr(0, key.size() - 1));
  if (key.size() > 4 && key.ends_with("aux"))
    out.push_back(std::string(key.substr(0, key.size() - 3)) + "al");
  return out;
}

std::vector<std::string> english_lemma_guesses(std::string_view key) {
  std::vector<std::string> out{std::string(key)};
  if (key.size() > 4 && key.ends_with("ies"))
    out.push_back(std::string(key.substr(0, key.size() - 3)) + "y");
  if (key.size() > 3 && key.ends_with("s")) out.emplace_back(key.substr(0, key.size() - 1));
  return out;
}

std::string joined(std::string_view a, std::string_view b) {
  std::string k(a);
  k += '\t';
  k += b;
  return k;
}

}  // namespace

TermPairer::TermPairer(const Lexicon* lexicon, PairerOptions options)
    : lexicon_(lexicon), options_(options), cache_(std::make_unique<Cache>()) {}
TermPairer::~TermPairer() = default;
TermPairer::TermPairer(TermPairer&&) noexcept = default;
TermPairer& TermPairer::operator=(TermPairer&&) noexcept = default;

const std::string& TermPairer::stem_of(Lang lang, const std::string& key) {
  auto& stems = lang == Lang::fr ? cache_->fr_stems : cache_->en_stems;
  auto [it, inserted] = stems.try_emplace(key);
  if (inserted) {
    auto words = (lang == Lang::fr ? cache_->fr : cache_->en).words(key);
    it->second = words.size() == 1 ? words[0].stem : key;
  }
  return it->second;
}

double TermPairer::in_lexicon(std::string_view fr_key, std::string_view fr_stem,
                              std::string_view en_key, std::string_view en_stem) {
  if (!lexicon_) return 0;
  // A dictionary gives lemmas; the text has inflected and derived forms ("turc" → "turk" for
  // "Turkish"), so a translation that starts the word counts too, a little less.
  auto matches = [this](Lang lang, const std::string& translation, std::string_view key,
                        std::string_view stem) -> double {
    if (translation == key) return 0.95;
    if (stem_of(lang, translation) == stem) return 0.9;
    if (translation.size() >= 4 && key.size() > translation.size() && key.starts_with(translation))
      return 0.75;
    return 0;
  };
  double best = 0;
  for (const std::string& f : french_lemma_guesses(fr_key))
    for (const Translation& t : lexicon_->translations(Lang::fr, f))
      best = std::max(best, matches(Lang::en, t.word, en_key, en_stem));
  for (const std::string& e : english_lemma_guesses(en_key))
    for (const Translation& t : lexicon_->translations(Lang::en, e))
      best = std::max(best, matches(Lang::fr, t.word, fr_key, fr_stem));
  return best;
}

double TermPairer::static_evidence(std::string_view fr_key, std::string_view fr_stem,
                                   std::string_view en_key, std::string_view en_stem) {
  if (fr_key == en_key) return 1.0;
  double e = in_lexicon(fr_key, fr_stem, en_key, en_stem);
  double c = cognate_similarity(fr_key, en_key);
  return c >= 0.7 ? std::max(e, c) : e;
}

double TermPairer::word_evidence(std::string_view fr_key, std::string_view fr_stem,
                                 std::string_view en_key, std::string_view en_stem) {
  auto [it, inserted] = cache_->evidence.try_emplace(joined(fr_key, en_key), 0.0);
  if (inserted) it->second = static_evidence(fr_key, fr_stem, en_key, en_stem);
  return std::max(it->second, learned_evidence(fr_stem, en_stem));
}

double TermPairer::learned_evidence(std::string_view fr_stem, std::string_view en_stem) {
  // Co-occurrence in units, learned by pair(): only from three meetings on (fewer is chance in
  // a small memory), and never as sure as a dictionary.
  if (cache_->together.empty()) return 0;
  auto t = cache_->together.find(joined(fr_stem, en_stem));
  if (t == cache_->together.end() || t->second < 3) return 0;
  double dice = 2.0 * t->second /
                (cache_->fr_units[std::string(fr_stem)] + cache_->en_units[std::string(en_stem)]);
  return 0.8 * dice;
}

std::vector<TermPair> TermPairer::pair(std::span<const AlignedUnit> units) {
  CandidateExtractor fr_terms(Lang::fr, {options_.max_words + 2});
  CandidateExtractor en_terms(Lang::en, {options_.max_words + 2});
  std::vector<std::vector<std::size_t>> fr_in(units.size()), en_in(units.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    fr_in[u] = fr_terms.add_sentence(units[u].fr, static_cast<std::int64_t>(u));
    en_in[u] = en_terms.add_sentence(units[u].en, static_cast<std::int64_t>(u));
    // Word co-occurrence, each stem once per unit.
    std::unordered_set<std::string> fs, es;
    for (std::size_t i : fr_in[u])
      if (fr_terms.candidates()[i].stems.size() == 1) fs.insert(fr_terms.candidates()[i].stems[0]);
    for (std::size_t i : en_in[u])
      if (en_terms.candidates()[i].stems.size() == 1) es.insert(en_terms.candidates()[i].stems[0]);
    for (const auto& f : fs) cache_->fr_units[f]++;
    for (const auto& e : es) cache_->en_units[e]++;
    for (const auto& f : fs)
      for (const auto& e : es) cache_->together[joined(f, e)]++;
  }

  const auto& fc = fr_terms.candidates();
  const auto& ec = en_terms.candidates();
  struct Stats {
    double best_coverage = 0;
    std::uint32_t together = 0;
    std::vector<std::size_t> examples;
  };
  std::map<std::pair<std::size_t, std::size_t>, Stats> stats;
  for (std::size_t u = 0; u < units.size(); ++u) {
    for (std::size_t fi : fr_in[u]) {
      const TermCandidate& f = fc[fi];
      if (f.stems.empty() || f.stems.size() > options_.max_words) continue;
      for (std::size_t ei : en_in[u]) {
        const TermCandidate& e = ec[ei];
        if (e.stems.empty() || e.stems.size() > options_.max_words) continue;
        std::size_t nf = f.stems.size(), ne = e.stems.size();
        if (nf > ne + 1 || ne > nf + 1) continue;
        double coverage = compositional_score(nf, ne, [&](std::size_t a, std::size_t b) {
          return word_evidence(f.words[a], f.stems[a], e.words[b], e.stems[b]);
        });
        if (coverage < options_.min_score) continue;
        Stats& s = stats[{fi, ei}];
        s.best_coverage = std::max(s.best_coverage, coverage);
        ++s.together;
        if (s.examples.size() < 3) s.examples.push_back(u);
      }
    }
  }

  std::vector<TermPair> scored;
  std::vector<std::pair<std::size_t, std::size_t>> ids;
  for (const auto& [key, s] : stats) {
    const TermCandidate& f = fc[key.first];
    const TermCandidate& e = ec[key.second];
    double dice = 2.0 * s.together / (f.documents.size() + e.documents.size());
    // Longer matches carry more evidence than a lone word that happens to resemble.
    double length = 1.0 - 0.1 / static_cast<double>(std::min(f.stems.size(), e.stems.size()));
    double score = s.best_coverage * (0.75 + 0.25 * dice) * length;
    if (score < options_.min_score) continue;
    scored.push_back({f.term, e.term, score, s.together, s.examples, f.display(), e.display()});
    ids.push_back(key);
  }
  std::vector<std::size_t> order(scored.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (scored[a].score != scored[b].score) return scored[a].score > scored[b].score;
    if (scored[a].frequency != scored[b].frequency)
      return scored[a].frequency > scored[b].frequency;
    return std::tie(scored[a].fr, scored[a].en) < std::tie(scored[b].fr, scored[b].en);
  });
  std::unordered_set<std::size_t> fr_used, en_used;
  std::vector<TermPair> linked;
  for (std::size_t i : order) {
    if (fr_used.count(ids[i].first) || en_used.count(ids[i].second)) continue;
    fr_used.insert(ids[i].first);
    en_used.insert(ids[i].second);
    linked.push_back(std::move(scored[i]));
  }
  return linked;
}

namespace {

// Distributional evidence between two comparable corpora: the seed lexicon that carries French
// context words into English, and the nearest English words and terms of French ones.
class Distributional {
 public:
  Distributional(const CorpusContexts& fr, const CorpusContexts& en, const Lexicon* lexicon,
                 std::span<const MonolingualTerm> en_terms)
      : fr_(fr), en_(en), en_terms_(en_terms) {
    build_seeds(lexicon);
    // Dimensions: context words the seed lexicon links, on both sides.
    fr_dims_.assign(fr.stem_count(), false);
    en_dims_.assign(en.stem_count(), false);
    for (std::uint32_t id = 0; id < seeds_.size(); ++id)
      for (const auto& [e, w] : seeds_[id]) {
        fr_dims_[id] = true;
        en_dims_[e] = true;
      }
    for (std::uint32_t id = 0; id < en.stem_count(); ++id)
      if (en.is_content(id) && en.frequency(id) >= kMinFrequency)
        en_words_.add(id, en.vector_of_stem(id, en_dims_));
    en_term_vectors_.resize(en_terms.size());
    measure_english_terms();
    for (std::size_t j = 0; j < en_terms.size(); ++j) {
      const MonolingualTerm& e = en_terms[j];
      if (e.words.empty() || e.words.size() > 3 || e.frequency < kMinFrequency) continue;
      en_terms_index_.add(static_cast<std::uint32_t>(j), en_vector(j));
    }
  }

  // English stems whose contexts are most like the French key's, with cosines, best first.
  const std::vector<std::pair<std::uint32_t, double>>& word_neighbours(std::string_view fr_key) {
    std::uint32_t id = fr_.id_of_key(fr_key);
    auto [it, inserted] = word_neighbours_.try_emplace(id);
    if (inserted) {
      const SparseVector& v = fr_word_vector(fr_key);
      if (!v.empty()) it->second = en_words_.nearest(v, kWordNeighbours);
    }
    return it->second;
  }

  // A French word's context vector in English dimensions; empty when it is rare.
  const SparseVector& fr_word_vector(std::string_view fr_key) {
    std::uint32_t id = fr_.id_of_key(fr_key);
    auto [it, inserted] = fr_word_vectors_.try_emplace(id);
    if (inserted && id != CorpusContexts::kNone && fr_.frequency(id) >= kMinFrequency)
      it->second = translate(fr_.vector_of_stem(id, fr_dims_), seeds_);
    return it->second;
  }

  // Cosine between the contexts of a French and an English word (folded keys), or -1 when
  // either is too rare to have a context worth comparing.
  double word_cosine(std::string_view fr_key, std::string_view en_key) {
    const SparseVector& f = fr_word_vector(fr_key);
    std::uint32_t e = en_.id_of_key(en_key);
    if (f.empty() || e == CorpusContexts::kNone || en_.frequency(e) < kMinFrequency) return -1;
    auto [it, inserted] = en_word_vectors_.try_emplace(e);
    if (inserted) it->second = en_.vector_of_stem(e, en_dims_);
    return cosine(f, it->second);
  }

  // In [0, 1]: how far an English word keeps the company of a French one, against the French
  // word's nearest English neighbour (full support from half its cosine on). When the English
  // word is too rare to compare, its frequency agreement stands in; when the French word has no
  // clear neighbour, nothing can be told (1).
  double context_support(std::string_view fr_key, std::string_view en_key) {
    const auto& near = word_neighbours(fr_key);
    if (near.empty() || near[0].second < kMinWordCosine) return 1.0;
    double c = word_cosine(fr_key, en_key);
    if (c < 0) return word_frequency_agreement(fr_key, en_key);
    return std::min(1.0, c / (0.5 * near[0].second));
  }

  // English terms (indices) with the most similar contexts to a French term, with cosines.
  std::vector<std::pair<std::uint32_t, double>> term_neighbours(const SparseVector& fr_translated,
                                                                std::size_t k) const {
    return en_terms_index_.nearest(fr_translated, k);
  }

  SparseVector fr_vector(const MonolingualTerm& f) const {
    return translate(fr_.vector_of(f.keys, fr_dims_), seeds_);
  }

  const SparseVector& en_vector(std::size_t j) {
    SparseVector& v = en_term_vectors_[j];
    if (v.empty() && !en_terms_[j].keys.empty()) v = en_.vector_of(en_terms_[j].keys, en_dims_);
    return v;
  }

  const std::string& en_stem(std::uint32_t id) const { return en_.stem(id); }

  // Occurrences of a term in its corpus, all inflections together ("wind farm", "wind farms"),
  // as a share of the corpus's tokens.
  double fr_share(const MonolingualTerm& f) const {
    return static_cast<double>(fr_.occurrences(f.keys)) / static_cast<double>(fr_.token_count());
  }
  double en_share(std::size_t j) const {
    return static_cast<double>(en_occurrences_[j]) / static_cast<double>(en_.token_count());
  }
  // In [0, 1]: how far an English term is only ever the start or end of one longer term
  // ("horizontal axis wind" inside "horizontal axis wind turbine"); 0 when it stands on its own
  // at least half the time.
  double truncation(std::size_t j) const { return truncation_[j]; }

  // In [kFloor, 1]: 1 while the relative frequencies of the two words are within a factor of
  // kTolerance, falling with the log of the ratio beyond it.
  double word_frequency_agreement(std::string_view fr_key, std::string_view en_key) const {
    constexpr double kTolerance = 10.0, kFloor = 0.5;
    std::uint32_t f = fr_.id_of_key(fr_key), e = en_.id_of_key(en_key);
    if (f == CorpusContexts::kNone || e == CorpusContexts::kNone) return 1.0;
    double ratio = (static_cast<double>(fr_.frequency(f)) / fr_.token_count()) /
                   (static_cast<double>(en_.frequency(e)) / en_.token_count());
    double excess = std::abs(std::log(ratio)) - std::log(kTolerance);
    return excess <= 0 ? 1.0 : std::max(kFloor, 1.0 - 0.15 * excess);
  }

  static constexpr std::uint32_t kMinFrequency = 3;
  static constexpr std::size_t kWordNeighbours = 5;

 private:
  void build_seeds(const Lexicon* lexicon) {
    seeds_.assign(fr_.stem_count(), {});
    // English context words by their first three letters, for the cognate search.
    std::unordered_map<std::string, std::vector<std::pair<std::string_view, std::uint32_t>>>
        by_prefix;
    en_.for_each_key([&](std::string_view key, std::uint32_t id) {
      if (en_.is_content(id) && en_.frequency(id) >= 2 && key.size() >= kMinCognateLength + 1)
        by_prefix[std::string(key.substr(0, 3))].push_back({key, id});
    });
    fr_.for_each_key([&](std::string_view key, std::uint32_t id) {
      if (!fr_.is_content(id) || fr_.frequency(id) < 2) return;
      auto& seed = seeds_[id];
      auto offer = [&](std::uint32_t e, float w) {
        if (e == CorpusContexts::kNone || !en_.is_content(e)) return;
        for (auto& [d, x] : seed)
          if (d == e) {
            x = std::max(x, w);
            return;
          }
        seed.push_back({e, w});
      };
      offer(en_.id_of_key(key), 1.0f);
      if (lexicon)
        for (const std::string& g : french_lemma_guesses(key))
          for (const Translation& t : lexicon->translations(Lang::fr, g))
            offer(en_.id_of_key(t.word), 1.0f);
      // Cognates only for words without a surer translation ("angle" is not "angel").
      if (!seed.empty() || key.size() <= kMinCognateLength) return;
      const std::string anglicized = anglicize_suffix(key);
      for (std::string_view k : {key, std::string_view(anglicized)}) {
        auto bucket = by_prefix.find(std::string(k.substr(0, 3)));
        if (bucket == by_prefix.end()) continue;
        for (const auto& [e_key, e] : bucket->second) {
          double c = cognate_similarity(key, e_key);
          if (c >= 0.8) offer(e, static_cast<float>(c));
        }
      }
    });
  }

  // Occurrences of every English term, and how much of them its longest one-word extension
  // (either side) accounts for.
  void measure_english_terms() {
    std::map<std::vector<std::uint32_t>, std::uint32_t> by_ids;  // stem ids → occurrences
    std::vector<std::vector<std::uint32_t>> ids(en_terms_.size());
    en_occurrences_.assign(en_terms_.size(), 0);
    for (std::size_t j = 0; j < en_terms_.size(); ++j) {
      for (const std::string& k : en_terms_[j].keys) ids[j].push_back(en_.id_of_key(k));
      auto [it, inserted] = by_ids.try_emplace(ids[j], 0);
      if (inserted) it->second = en_.occurrences(en_terms_[j].keys);
      en_occurrences_[j] = it->second;
    }
    std::map<std::vector<std::uint32_t>, std::uint32_t> extended;  // sequence → best extension
    for (const auto& [seq, n] : by_ids) {
      if (seq.size() < 2) continue;
      for (auto part : {std::vector<std::uint32_t>(seq.begin(), seq.end() - 1),
                        std::vector<std::uint32_t>(seq.begin() + 1, seq.end())}) {
        std::uint32_t& best = extended[part];
        best = std::max(best, n);
      }
    }
    truncation_.assign(en_terms_.size(), 0.0);
    for (std::size_t j = 0; j < en_terms_.size(); ++j) {
      auto it = extended.find(ids[j]);
      // A term seen once or twice says nothing about whether it stands on its own.
      if (it == extended.end() || en_occurrences_[j] < kMinFrequency) continue;
      double share = static_cast<double>(it->second) / en_occurrences_[j];
      truncation_[j] = std::clamp(2.0 * share - 1.0, 0.0, 1.0);
    }
  }

  const CorpusContexts& fr_;
  const CorpusContexts& en_;
  std::span<const MonolingualTerm> en_terms_;
  std::vector<std::uint32_t> en_occurrences_;
  std::vector<double> truncation_;
  SeedLexicon seeds_;
  CorpusContexts::DimensionFilter fr_dims_, en_dims_;
  VectorIndex en_words_;
  VectorIndex en_terms_index_;
  std::vector<SparseVector> en_term_vectors_;
  std::unordered_map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>> word_neighbours_;
  std::unordered_map<std::uint32_t, SparseVector> fr_word_vectors_, en_word_vectors_;
};

// Whether the words of a French term come in the order English gives their translations, in
// [-1, 1] (0 when it cannot tell): French puts modifiers after the head ("puissance nominale",
// "vitesse du vent"), English before ("rated power", "wind speed") unless it links them with
// "of" ("angle of incidence"). Each French word stands at the English word that translates it
// best.
template <typename Evidence>
double order_agreement(const MonolingualTerm& f, const MonolingualTerm& e, Evidence evidence) {
  if (f.words.size() < 2 || e.words.size() < 2) return 0;
  bool linked = std::find(e.keys.begin(), e.keys.end(), "of") != e.keys.end();
  std::vector<std::ptrdiff_t> at(f.words.size(), -1);
  for (std::size_t a = 0; a < f.words.size(); ++a) {
    double best = 0.5;
    for (std::size_t b = 0; b < e.words.size(); ++b)
      if (double w = evidence(a, b); w >= best) {
        best = w;
        at[a] = static_cast<std::ptrdiff_t>(b);
      }
  }
  int agree = 0, pairs = 0;
  for (std::size_t a = 0; a < at.size(); ++a)
    for (std::size_t c = a + 1; c < at.size(); ++c) {
      if (at[a] < 0 || at[c] < 0 || at[a] == at[c]) continue;
      ++pairs;
      agree += (at[a] < at[c]) == linked;
    }
  return pairs ? (2.0 * agree - pairs) / pairs : 0;
}

// How alike two frequencies are once each is taken relative to its corpus, in (0, 1]: a term
// and its translation are about as common in comparable corpora.
double frequency_agreement(double fr_share, double en_share) {
  if (fr_share <= 0 || en_share <= 0) return 0.5;
  return std::exp(-std::abs(std::log(fr_share / en_share)) / 2.0);
}

// The English side of comparable pairing: each content word, its stem, the terms it occurs in,
// and look-ups by stem and by first two letters (for the cognate search).
struct EnglishVocabulary {
  explicit EnglishVocabulary(std::span<const MonolingualTerm> en) {
    for (std::size_t i = 0; i < en.size(); ++i) {
      for (std::size_t k = 0; k < en[i].words.size(); ++k) {
        const std::string& w = en[i].words[k];
        auto& terms = terms_with[w];
        if (terms.empty() || terms.back() != i) terms.push_back(i);
        if (stem.emplace(w, en[i].stems[k]).second) {
          by_prefix[w.substr(0, 2)].push_back(w);
          by_stem[en[i].stems[k]].push_back(w);
        }
      }
    }
  }

  // Whether a term's last word is a plural whose singular the corpus also has ("farms").
  bool plural(const MonolingualTerm& t) const {
    const std::string& last = t.words.back();
    auto guesses = english_lemma_guesses(last);
    for (std::size_t g = 1; g < guesses.size(); ++g) {
      auto it = stem.find(guesses[g]);
      if (it != stem.end() && it->second == stem.at(last)) return true;
    }
    return false;
  }

  std::unordered_map<std::string, std::string> stem;
  std::unordered_map<std::string, std::vector<std::size_t>> terms_with;
  std::unordered_map<std::string, std::vector<std::string>> by_prefix;
  std::unordered_map<std::string, std::vector<std::string>> by_stem;
};

// Whether a French term's head (first word) is a plural whose singular is also in `vocabulary`.
bool french_plural(const MonolingualTerm& t, const std::unordered_set<std::string>& vocabulary) {
  auto guesses = french_lemma_guesses(t.words[0]);
  return guesses.size() > 1 && vocabulary.count(guesses[1]);
}

struct ScoredCandidate {
  double score;
  std::size_t j;  // index of the English term
  double coverage;
};

// Inflections and derivations of one English term ("wind farm"/"wind farms", "flow"/"flowing":
// the same stems) are one translation told twice: the variant that agrees in number with the
// French term, then the most frequent in the corpus, takes the best score of them all, so that
// it is the one proposed first.
void prefer_agreeing_variants(std::vector<ScoredCandidate>& scored,
                              std::span<const MonolingualTerm> en, bool fr_plural,
                              const EnglishVocabulary& vocabulary) {
  std::map<std::vector<std::string>, std::vector<ScoredCandidate*>> variants;
  for (ScoredCandidate& c : scored) variants[en[c.j].stems].push_back(&c);
  // Then the one ranked higher in its corpus, so that the choice never rests on the order the
  // candidates came in.
  auto preference = [&](const ScoredCandidate* c) {
    return std::make_tuple(vocabulary.plural(en[c->j]) == fr_plural, en[c->j].frequency,
                           en[c->j].weight, en.size() - c->j);
  };
  for (auto& [stems, group] : variants) {
    if (group.size() < 2) continue;
    double best = 0;
    ScoredCandidate* preferred = group[0];
    for (ScoredCandidate* c : group) {
      best = std::max(best, c->score);
      if (preference(c) > preference(preferred)) preferred = c;
    }
    // Just above the others, so that the order between them does not rest on float ties.
    preferred->score = std::nextafter(best, 2 * best + 1);
  }
}

}  // namespace

// Word translations of French words into the English vocabulary of comparable pairing, by
// spelling, dictionary, cognates and (with the corpora) context neighbours; memoised.
class TermPairer::WordTranslations {
 public:
  using Table = std::unordered_map<std::string, double>;  // English word → evidence

  WordTranslations(TermPairer& pairer, const EnglishVocabulary& vocabulary, Distributional* dist)
      : pairer_(pairer), vocabulary_(vocabulary), dist_(dist) {}

  const Table& of(const std::string& f, const std::string& f_stem) {
    auto [it, inserted] = table_.try_emplace(f);
    if (inserted) fill(f, f_stem, it->second);
    return it->second;
  }

 private:
  void fill(const std::string& f, const std::string& f_stem, Table& out) {
    auto offer = [&](const std::string& e, double w) {
      double& slot = out[e];
      slot = std::max(slot, w);
    };
    // Spelling evidence (same word, cognate) is doubted when the two words are far apart in
    // frequency: a French word quoted a few times in English text is not its own translation.
    auto spelling = [&](const std::string& e, double w) {
      return dist_ ? w * dist_->word_frequency_agreement(f, e) : w;
    };
    std::unordered_set<std::string> from_dictionary;
    if (vocabulary_.stem.count(f)) offer(f, spelling(f, 1.0));
    if (pairer_.lexicon_) {
      for (const std::string& g : french_lemma_guesses(f))
        for (const Translation& t : pairer_.lexicon_->translations(Lang::fr, g)) {
          if (vocabulary_.stem.count(t.word)) {
            offer(t.word, 0.95);
            from_dictionary.insert(t.word);
          }
          auto same_stem = vocabulary_.by_stem.find(pairer_.stem_of(Lang::en, t.word));
          if (same_stem == vocabulary_.by_stem.end()) continue;
          for (const std::string& e : same_stem->second) {
            offer(e, 0.9);
            from_dictionary.insert(e);
          }
        }
    }
    const std::string anglicized = anglicize_suffix(f);
    for (const std::string* key : {&f, &anglicized}) {
      auto bucket = vocabulary_.by_prefix.find(key->substr(0, 2));
      if (bucket == vocabulary_.by_prefix.end()) continue;
      for (const std::string& e : bucket->second) {
        const std::string& e_stem = vocabulary_.stem.at(e);
        // The table is memoised per French word, so a pair is met here once or twice: caching
        // every one of them (millions on a real corpus) costs more memory than it saves time.
        double w = std::max(pairer_.static_evidence(f, f_stem, e, e_stem),
                            pairer_.learned_evidence(f_stem, e_stem));
        if (w < 0.5) continue;
        bool listed = pairer_.in_lexicon(f, f_stem, e, e_stem) >= w;
        if (listed) from_dictionary.insert(e);
        offer(e, listed ? w : spelling(e, w));
      }
    }
    if (!dist_) return;
    // A translation is only as sure as its context support: a look-alike that keeps other
    // company is doubted ("pale" is not "page"), and when no translation found so far is both
    // sure and supported (a dictionary sense from another field), the words with the most alike
    // contexts join in, as weaker translations. That also completes multi-word terms whose
    // other words the dictionary explains ("éolien" → "wind").
    double surest = 0;
    for (auto& [e, w] : out) {
      double support = dist_->context_support(f, e);
      if (!from_dictionary.count(e)) w *= 0.5 + 0.5 * support;
      surest = std::max(surest, w * support);
    }
    if (surest >= 0.9) return;
    const auto& near = dist_->word_neighbours(f);
    for (std::size_t r = 0; r < near.size(); ++r) {
      if (near[r].second < kMinWordCosine) break;
      auto same_stem = vocabulary_.by_stem.find(dist_->en_stem(near[r].first));
      if (same_stem == vocabulary_.by_stem.end()) continue;
      for (const std::string& e : same_stem->second)
        offer(e, kDistributionalEvidence - 0.05 * static_cast<double>(r));
    }
  }

  TermPairer& pairer_;
  const EnglishVocabulary& vocabulary_;
  Distributional* dist_;
  std::unordered_map<std::string, Table> table_;
};

namespace {

// Ranks of terms by weight (0 = heaviest), to prefer translations about as prominent in their
// corpus as the source.
std::vector<std::size_t> weight_ranks(std::span<const MonolingualTerm> terms) {
  std::vector<std::size_t> order(terms.size()), rank(terms.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return terms[a].weight > terms[b].weight; });
  for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  return rank;
}

}  // namespace

std::vector<TermPair> TermPairer::pair_comparable(std::span<const MonolingualTerm> fr,
                                                  std::span<const MonolingualTerm> en,
                                                  std::size_t per_term,
                                                  ComparableContexts contexts) {
  std::unique_ptr<Distributional> dist;
  if (contexts.fr && contexts.en)
    dist = std::make_unique<Distributional>(*contexts.fr, *contexts.en, lexicon_, en);
  const EnglishVocabulary vocabulary(en);
  WordTranslations translations(*this, vocabulary, dist.get());
  const std::vector<std::size_t> en_rank = weight_ranks(en);
  std::unordered_set<std::string> fr_vocabulary;
  for (const MonolingualTerm& t : fr) fr_vocabulary.insert(t.words.begin(), t.words.end());

  std::vector<TermPair> out;
  for (const MonolingualTerm& f : fr) {
    std::size_t nf = f.words.size();
    if (nf == 0 || nf > options_.max_words) continue;
    // Candidates: English terms holding a translation of one of the words, and (with the
    // corpora) the terms whose contexts are most alike.
    std::vector<const WordTranslations::Table*> per_word;
    // English term → whether it is one of the nearest terms by context.
    std::unordered_map<std::size_t, bool> candidates;
    for (std::size_t a = 0; a < nf; ++a) {
      per_word.push_back(&translations.of(f.words[a], f.stems[a]));
      for (const auto& [e, w] : *per_word.back()) {
        auto it = vocabulary.terms_with.find(e);
        if (it != vocabulary.terms_with.end())
          for (std::size_t j : it->second)
            // Word evidence only pairs terms within one word of each other in length.
            if (en[j].words.size() + 1 >= nf && en[j].words.size() <= nf + 1)
              candidates.emplace(j, false);
      }
    }
    SparseVector f_vector;
    if (dist && f.frequency >= Distributional::kMinFrequency) {
      f_vector = dist->fr_vector(f);
      for (const auto& [j, c] : dist->term_neighbours(f_vector, kTermNeighbours))
        candidates[j] = true;
    }
    const double f_share = dist ? dist->fr_share(f) : 0.0;
    std::vector<ScoredCandidate> scored;
    for (const auto& [j, neighbour] : candidates) {
      const MonolingualTerm& e = en[j];
      std::size_t ne = e.words.size();
      if (ne == 0 || ne > options_.max_words) continue;
      // Evidence that French word a translates English word b of this candidate.
      auto word_pair = [&](std::size_t a, std::size_t b) {
        auto it = per_word[a]->find(e.words[b]);
        return it == per_word[a]->end() ? 0.0 : it->second;
      };
      double coverage = 0;
      if (nf <= ne + 1 && ne <= nf + 1) coverage = compositional_score(nf, ne, word_pair);
      // Contexts alone propose a translation only among the nearest terms by context (which
      // spares comparing the contexts of every term that shares a word), and only when they
      // are clearly alike.
      if (coverage < options_.min_score && !neighbour) continue;
      double context = 0;
      if (!f_vector.empty() && e.frequency >= Distributional::kMinFrequency)
        context = cosine(f_vector, dist->en_vector(j));
      if (coverage < options_.min_score) {
        if (context < kMinTermCosine) continue;
        coverage = 0;
      }
      double length = 1.0 - 0.1 / static_cast<double>(std::min(nf, ne));
      // Prominence in the English corpus only separates near-ties: at most kProminence.
      double prominence = 1.0 - static_cast<double>(en_rank[j]) / static_cast<double>(en.size());
      double score = coverage * length + kProminence * prominence;
      if (coverage > 0) score += kOrderWeight * order_agreement(f, e, word_pair);
      if (dist) {
        score += kContextWeight * context;
        score += kFrequencyWeight * frequency_agreement(f_share, dist->en_share(j));
        score -= kTruncationWeight * dist->truncation(j);
      }
      scored.push_back({score, j, coverage});
    }
    prefer_agreeing_variants(scored, en, french_plural(f, fr_vocabulary), vocabulary);
    std::sort(scored.begin(), scored.end(),
              [&](const ScoredCandidate& a, const ScoredCandidate& b) {
                return a.score != b.score ? a.score > b.score : en[a.j].term < en[b.j].term;
              });
    for (std::size_t k = 0; k < scored.size() && k < per_term; ++k)
      out.push_back({f.term,
                     en[scored[k].j].term,
                     std::min(1.0, scored[k].score),
                     0,
                     {},
                     {},
                     {},
                     scored[k].coverage});
  }
  return out;
}

}  // namespace tandem
