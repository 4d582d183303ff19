#include "tm/sentence_features.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <unordered_set>

#include "corpus/error.h"
#include "corpus/stemmer.h"
#include "tm/cognates.h"
#include "tm/parallel.h"

namespace tandem {
namespace {

// Dictionary headwords are lemmas; a document has inflected forms. Besides the key itself, try
// the stem and the stem with the usual lemma endings ("organis" → "organiser", "maison").
// Fills `out` (its strings' memory is reused from call to call) and returns the guess count.
std::size_t lemma_guesses(const std::string& key, const std::string& stem, Lang lang,
                          std::vector<std::string>& out) {
  std::size_t n = 0;
  auto next = [&]() -> std::string& {
    if (out.size() <= n) out.emplace_back();
    return out[n++];
  };
  next() = key;
  if (stem != key) next() = stem;
  auto with_ending = [&](std::string_view base, std::string_view end) {
    std::string& g = next();
    g.assign(base);
    g.append(end);
  };
  static constexpr std::string_view kFr[] = {"e", "er", "re"};
  static constexpr std::string_view kEn[] = {"e", "y"};
  if (lang == Lang::fr) {
    for (std::string_view end : kFr) with_ending(stem, end);
  } else {
    for (std::string_view end : kEn) with_ending(stem, end);
    if (!stem.empty() && stem.back() == 'i')
      with_ending(std::string_view(stem).substr(0, stem.size() - 1), "y");
  }
  return n;
}

// Words of a dictionary equivalent worth linking: the whole key when it is one word, else its
// words of 4+ bytes when the phrase is short (a long phrase is a definition, not a translation).
std::vector<std::string_view> phrase_words(std::string_view phrase) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start <= phrase.size()) {
    std::size_t end = phrase.find(' ', start);
    if (end == std::string_view::npos) end = phrase.size();
    if (end > start) words.push_back(phrase.substr(start, end - start));
    start = end + 1;
  }
  if (words.size() <= 1) return words;
  if (words.size() > 3) return {};
  std::vector<std::string_view> content;
  for (std::string_view w : words)
    if (w.size() >= 4) content.push_back(w);
  return content;
}

}  // namespace

SentenceFeatures::SentenceFeatures(const Lexicon* lexicon, FeatureOptions options)
    : lexicon_(lexicon), options_(options) {}

void SentenceFeatures::set_lexicon(const Lexicon* lexicon) {
  lexicon_ = lexicon;
  linked_fr_ = linked_en_ = SIZE_MAX;  // dictionary links must be rebuilt
}

const std::vector<std::string>& SentenceFeatures::vocabulary(Lang lang) const {
  return side(lang).keys;
}

namespace {

// Words by their first three bytes, as a 64 Kibit bitmap (hashed, so a few false positives):
// small enough to stay in cache while the filter runs over 35,000 dictionary pairs.
class PrefixSet {
 public:
  PrefixSet() : bits_(kBits / 64, 0) {}
  void insert(std::string_view word) {
    std::uint32_t h = hash(word);
    bits_[h / 64] |= std::uint64_t{1} << (h % 64);
  }
  bool contains(std::string_view word) const {
    std::uint32_t h = hash(word);
    return (bits_[h / 64] >> (h % 64)) & 1;
  }
  // Whether a word that starts with `head` may be in the set; `longer`: the word goes on after
  // `head`, so only its first three bytes count.
  bool contains_prefix(std::string_view head, bool longer) const {
    if (head.size() >= 3 || !longer) return contains(head);
    return true;  // too little folded text to decide: keep
  }
  // Whether any space-separated word of the phrase is in the set.
  bool any_word(std::string_view phrase) const {
    std::size_t start = 0;
    while (start < phrase.size()) {
      std::size_t end = std::min(phrase.find(' ', start), phrase.size());
      if (end > start && contains(phrase.substr(start, end - start))) return true;
      start = end + 1;
    }
    return false;
  }

 private:
  static constexpr std::uint32_t kBits = 1u << 16;
  static std::uint32_t hash(std::string_view word) {
    std::uint32_t code = static_cast<std::uint32_t>(std::min<std::size_t>(word.size(), 3));
    for (std::size_t k = 0; k < 3 && k < word.size(); ++k)
      code = code * 257u + static_cast<unsigned char>(word[k]);
    return (code * 2654435761u) >> 16;
  }
  std::vector<std::uint64_t> bits_;
};

// A set of strings as a hashed bitmap (a one-hash Bloom filter): membership may be a false
// positive now and then, which only lets an unusable dictionary pair through a filter.
class StringBits {
 public:
  StringBits() : bits_(kBits / 64, 0) {}
  void insert(std::string_view s) {
    std::size_t h = hash(s);
    bits_[h / 64] |= std::uint64_t{1} << (h % 64);
  }
  bool contains(std::string_view s) const {
    std::size_t h = hash(s);
    return (bits_[h / 64] >> (h % 64)) & 1;
  }

 private:
  static constexpr std::size_t kBits = std::size_t{1} << 20;
  static std::size_t hash(std::string_view s) { return std::hash<std::string_view>{}(s) % kBits; }
  std::vector<std::uint64_t> bits_;
};

struct SideFilter {
  StringBits lemmas;  // every form link_dictionary looks up
  PrefixSet prefixes;
};

}  // namespace

HeadwordPrefixFilter SentenceFeatures::headword_prefix_filter(Lang headword_lang) const {
  auto prefixes = std::make_shared<PrefixSet>();
  for (const std::string& k : side(headword_lang).keys) prefixes->insert(k);
  return [prefixes](std::span<const HeadwordPrefixView> heads) {
    // A word of 4+ code points is compared on 3 bytes, as PrefixSet does with whole words.
    for (const HeadwordPrefixView& h : heads)
      if (prefixes->contains_prefix(h.key, h.longer)) return true;
    return false;
  };
}

HeadwordFilter SentenceFeatures::headword_filter(Lang headword_lang) const {
  return [by_prefix = headword_prefix_filter(headword_lang)](std::string_view headword) {
    std::vector<HeadwordPrefix> prefixes;
    headword_prefixes(headword, prefixes);
    std::vector<HeadwordPrefixView> views;
    for (const HeadwordPrefix& p : prefixes) views.push_back({p.key, p.longer});
    return by_prefix(views);
  };
}

Lexicon::EntryFilter SentenceFeatures::lexicon_filter() const {
  auto build = [](const Side& s, Lang lang) {
    auto f = std::make_shared<SideFilter>();
    std::vector<std::string> guesses;
    for (std::size_t id = 0; id < s.keys.size(); ++id) {
      f->prefixes.insert(s.keys[id]);
      if (s.numeric[id]) continue;
      const std::size_t n = lemma_guesses(s.keys[id], s.stems[id], lang, guesses);
      for (std::size_t g = 0; g < n; ++g) f->lemmas.insert(guesses[g]);
    }
    return f;
  };
  std::shared_ptr<const SideFilter> fr, en;
  run_both(
      options_.threads > 1, [&] { en = build(en_, Lang::en); }, [&] { fr = build(fr_, Lang::fr); });
  return [fr, en](std::string_view fr_key, std::string_view en_key) {
    // A lemma form of ours is rare among dictionary keys: testing it first rejects most pairs
    // with one hash each (the tests are pure, so their order does not change the answer).
    return (fr->lemmas.contains(fr_key) && en->prefixes.any_word(en_key)) ||
           (en->lemmas.contains(en_key) && fr->prefixes.any_word(fr_key));
  };
}

std::uint32_t SentenceFeatures::add_sentence(Lang lang, std::span<const Token> words) {
  Side& s = side(lang);
  std::vector<std::uint32_t> ids;
  ids.reserve(words.size());
  for (const Token& t : words) {
    if (t.kind != TokenKind::Word && t.kind != TokenKind::Number) continue;
    bool numeric = t.kind == TokenKind::Number;
    std::string key = numeric ? canonical_number(t.text, lang) : t.key;
    // Elided articles ("l'", "d'") and English "'s" carry no content.
    if (key.empty() || key.back() == '\'' || key == "'s") continue;
    auto [it, inserted] = s.ids.try_emplace(key, static_cast<std::uint32_t>(s.keys.size()));
    if (inserted) {
      s.keys.push_back(key);
      s.stems.push_back(numeric ? key : t.stem);
      s.numeric.push_back(numeric);
      s.df.push_back(0);
    }
    ids.push_back(it->second);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (std::uint32_t id : ids) ++s.df[id];
  s.sentences.push_back(std::move(ids));
  return static_cast<std::uint32_t>(s.sentences.size() - 1);
}

void SentenceFeatures::stem_new_words() {
  // French and English words alternate in the list, so that each half of it costs about the
  // same (a French stem takes longer).
  std::vector<std::pair<Side*, std::uint32_t>> words;
  auto fr_id = static_cast<std::uint32_t>(fr_.stemmed),
       en_id = static_cast<std::uint32_t>(en_.stemmed);
  while (fr_id < fr_.keys.size() || en_id < en_.keys.size()) {
    if (fr_id < fr_.keys.size()) words.emplace_back(&fr_, fr_id++);
    if (en_id < en_.keys.size()) words.emplace_back(&en_, en_id++);
  }
  for_halves(options_.threads > 1, words.size(), [&](unsigned, std::size_t begin, std::size_t end) {
    const Stemmer fr(Lang::fr), en(Lang::en);
    for (std::size_t k = begin; k < end; ++k) {
      auto [side, id] = words[k];
      if (!side->numeric[id]) side->stems[id] = (side == &fr_ ? fr : en)(side->keys[id]);
    }
  });
  fr_.stemmed = fr_.keys.size();
  en_.stemmed = en_.keys.size();
}

std::size_t SentenceFeatures::sentence_count(Lang lang) const {
  return side(lang).sentences.size();
}

void SentenceFeatures::add_links(const Lexicon& learned) {
  learned.for_each([&](std::string_view fr, std::string_view en, float weight) {
    learned_.push_back({std::string(fr), std::string(en), weight});
  });
}

void SentenceFeatures::prepare() {
  const bool parallel = options_.threads > 1;
  // Dictionary, identical and cognate links depend only on the vocabularies: redo them only
  // when sentences were added since; learned links are added once each.
  if (linked_fr_ != fr_.keys.size() || linked_en_ != en_.keys.size()) {
    fr_.links.assign(fr_.keys.size(), {});
    en_.links.assign(en_.keys.size(), {});
    if (lexicon_) {
      // The two directions are looked up independently, then linked in a fixed order (a link
      // list is a set with the largest weight: the order would not change it anyway).
      std::vector<WordLink> from_fr, from_en, similar;
      run_both(
          parallel, [&] { from_en = dictionary_links(*lexicon_, Lang::en); },
          [&] {
            from_fr = dictionary_links(*lexicon_, Lang::fr);
            similar = identical_and_cognate_links();
          });
      for (const auto& links : {std::cref(from_fr), std::cref(from_en), std::cref(similar)})
        for (const WordLink& l : links.get()) add_link(l.fr, l.en, l.weight);
    } else {
      for (const WordLink& l : identical_and_cognate_links()) add_link(l.fr, l.en, l.weight);
    }
    linked_fr_ = fr_.keys.size();
    linked_en_ = en_.keys.size();
    learned_applied_ = 0;
  }
  for (; learned_applied_ < learned_.size(); ++learned_applied_) {
    const Learned& l = learned_[learned_applied_];
    auto f = fr_.ids.find(l.fr);
    auto e = en_.ids.find(l.en);
    if (f != fr_.ids.end() && e != en_.ids.end()) add_link(f->second, e->second, l.weight);
  }
  // Each side's finish writes only that side (it reads the other's sentences and counts).
  run_both(
      parallel, [&] { finish_side(en_, fr_); }, [&] { finish_side(fr_, en_); });
}

void SentenceFeatures::add_link(std::uint32_t fr, std::uint32_t en, float weight) {
  auto upsert = [weight](std::vector<Link>& list, std::uint32_t to) {
    for (Link& l : list) {
      if (l.to == to) {
        l.weight = std::max(l.weight, weight);
        return;
      }
    }
    list.push_back({to, weight});
  };
  upsert(fr_.links[fr], en);
  upsert(en_.links[en], fr);
}

std::vector<SentenceFeatures::WordLink> SentenceFeatures::dictionary_links(const Lexicon& lexicon,
                                                                           Lang from) const {
  std::vector<WordLink> out;
  const Side& src = side(from);
  const Side& dst = side(other_lang(from));
  Stemmer stem_dst(other_lang(from));
  // The other side's words by stem, so "house" in the dictionary meets "houses" in the text.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_stem;
  for (std::uint32_t id = 0; id < dst.keys.size(); ++id)
    if (!dst.numeric[id]) by_stem[dst.stems[id]].push_back(id);
  std::unordered_map<std::string, std::string> stem_cache;
  std::vector<std::string> guesses;
  for (std::uint32_t id = 0; id < src.keys.size(); ++id) {
    if (src.numeric[id]) continue;
    const std::size_t n = lemma_guesses(src.keys[id], src.stems[id], from, guesses);
    for (std::size_t g = 0; g < n; ++g) {
      const std::string& guess = guesses[g];
      const auto& translations = lexicon.translations(from, guess);
      for (const Translation& t : translations) {
        for (std::string_view word : phrase_words(t.word)) {
          std::string key(word);
          auto cached = stem_cache.find(key);
          if (cached == stem_cache.end()) {
            // A word of the document already has its stem (the tokenizer's Snowball stem).
            auto known = dst.ids.find(key);
            std::string stem = known != dst.ids.end() && !dst.numeric[known->second]
                                   ? dst.stems[known->second]
                                   : stem_dst(word);
            cached = stem_cache.emplace(std::move(key), std::move(stem)).first;
          }
          auto hit = by_stem.find(cached->second);
          if (hit == by_stem.end()) continue;
          for (std::uint32_t to : hit->second) {
            if (from == Lang::fr)
              out.push_back({id, to, t.weight});
            else
              out.push_back({to, id, t.weight});
          }
        }
      }
      if (!translations.empty()) break;  // the most specific form that is in the dictionary
    }
  }
  return out;
}

std::vector<SentenceFeatures::WordLink> SentenceFeatures::identical_and_cognate_links() const {
  std::vector<WordLink> out;
  // English words by their first four bytes: cognates start alike, and the buckets keep the
  // comparison count near linear in the vocabulary.
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> buckets;
  for (std::uint32_t id = 0; id < en_.keys.size(); ++id) {
    const std::string& k = en_.keys[id];
    if (!en_.numeric[id] && k.size() >= kMinCognateLength)
      buckets[std::string_view(k).substr(0, 4)].push_back(id);
  }
  for (std::uint32_t id = 0; id < fr_.keys.size(); ++id) {
    const std::string& k = fr_.keys[id];
    auto same = en_.ids.find(k);
    if (same != en_.ids.end() && (k.size() >= 2 || fr_.numeric[id]) &&
        fr_.numeric[id] == en_.numeric[same->second])
      out.push_back({id, same->second, 1.0f});
    if (fr_.numeric[id] || k.size() < kMinCognateLength) continue;
    auto bucket = buckets.find(std::string_view(k).substr(0, 4));
    if (bucket == buckets.end()) continue;
    for (std::uint32_t en : bucket->second) {
      double sim = cognate_similarity(k, en_.keys[en]);
      if (sim >= options_.cognate_threshold) {
        // Map [threshold, 1] to [0.5, 1]: a cognate is good but not dictionary-sure evidence.
        double w =
            0.5 + 0.5 * (sim - options_.cognate_threshold) / (1.0 - options_.cognate_threshold);
        out.push_back({id, en, static_cast<float>(w)});
      }
    }
  }
  return out;
}

void SentenceFeatures::finish_side(Side& s, const Side& other) {
  // Chance estimates are smoothed towards "never" with kPseudoSentences unseen sentences, so
  // that in a document of three sentences a word is not taken as a function word for being in
  // one of them.
  constexpr double kPseudoSentences = 10.0;
  double n_other = static_cast<double>(other.sentences.size()) + kPseudoSentences;
  double n_own = std::max<std::size_t>(1, s.sentences.size());
  s.chance.assign(s.keys.size(), 0.0f);
  s.idf.assign(s.keys.size(), 0.0f);
  for (std::uint32_t id = 0; id < s.keys.size(); ++id) {
    double miss = 1.0;
    for (const Link& l : s.links[id]) miss *= 1.0 - l.weight * (other.df[l.to] / n_other);
    s.chance[id] = static_cast<float>(1.0 - miss);
    s.idf[id] = static_cast<float>(std::log(1.0 + n_own / s.df[id]));
    std::sort(s.links[id].begin(), s.links[id].end(),
              [](const Link& a, const Link& b) { return a.to < b.to; });
  }
  // The pool holds each word's links strongest first, so that tally() stops at the first link
  // that hits: that one has the best weight. (s.links stays in `to` order: the chance product
  // above runs over it and must see the same order on every prepare().)
  s.link_begin.assign(1, 0);
  s.link_pool.clear();
  for (const auto& list : s.links) {
    auto first = s.link_pool.insert(s.link_pool.end(), list.begin(), list.end());
    std::stable_sort(first, s.link_pool.end(),
                     [](const Link& a, const Link& b) { return a.weight > b.weight; });
    s.link_begin.push_back(static_cast<std::uint32_t>(s.link_pool.size()));
  }
  s.link_sig.assign(s.keys.size(), 0);
  for (std::uint32_t id = 0; id < s.keys.size(); ++id)
    for (const Link& l : s.links[id]) s.link_sig[id] |= id_bit(l.to);
  s.sentence_sig.assign(s.sentences.size(), 0);
  for (std::size_t i = 0; i < s.sentences.size(); ++i)
    for (std::uint32_t id : s.sentences[i]) s.sentence_sig[i] |= id_bit(id);
  compute_ratios(s);
}

void SentenceFeatures::set_match_rate(double rate) {
  options_.match_rate = rate;
  // Before the first prepare() there is nothing to recompute yet; with learned links waiting
  // for prepare(), it recomputes everything anyway.
  if (learned_applied_ < learned_.size()) return;
  auto ready = [](const Side& s) {
    return s.chance.size() == s.keys.size() && s.links.size() == s.keys.size();
  };
  const bool fr = ready(fr_), en = ready(en_);
  run_both(
      options_.threads > 1 && fr && en,
      [&] {
        if (en) compute_ratios(en_);
      },
      [&] {
        if (fr) compute_ratios(fr_);
      });
}

void SentenceFeatures::compute_ratios(Side& s) const {
  const double p1 = options_.match_rate;
  s.hit.assign(s.keys.size(), {});
  s.miss.assign(s.keys.size(), {});
  s.informative.assign(s.keys.size(), false);
  for (std::uint32_t id = 0; id < s.keys.size(); ++id) {
    double chance1 = s.chance.empty() ? 0.0 : s.chance[id];
    s.informative[id] = chance1 <= options_.max_chance;
    if (!s.informative[id] || s.links[id].empty()) continue;
    for (std::size_t k = 1; k <= kMaxGroup; ++k) {
      double p0 = std::max(1.0 - std::pow(1.0 - chance1, static_cast<double>(k)), 1e-4);
      if (p0 >= p1 - 0.05) break;  // a match would be no likelier in a true translation
      s.hit[id][k - 1] = static_cast<float>(std::log(p1 / p0));
      s.miss[id][k - 1] = static_cast<float>(std::log((1.0 - p1) / (1.0 - p0)));
    }
  }
  s.sentence_weight.assign(s.sentences.size(), 0.0f);
  s.active_begin.assign(1, 0);
  s.active.clear();
  for (std::size_t i = 0; i < s.sentences.size(); ++i) {
    for (std::uint32_t id : s.sentences[i]) {
      if (!s.informative[id]) continue;
      s.sentence_weight[i] += s.idf[id];
      if (!s.links[id].empty()) s.active.push_back(id);
    }
    s.active_begin.push_back(static_cast<std::uint32_t>(s.active.size()));
  }
}

BeadEvidence SentenceFeatures::evidence(std::span<const std::uint32_t> fr,
                                        std::span<const std::uint32_t> en) const {
  return evidence(fr, en, scratch_);
}

double SentenceFeatures::similarity(std::uint32_t fr, std::uint32_t en) const {
  return evidence(std::span(&fr, 1), std::span(&en, 1), scratch_).coverage;
}

namespace {

// Accumulates one side's tokens of a bead against the stamped other side.
struct SideTally {
  double weight = 0.0, matched = 0.0, llr = 0.0, linked = 0.0, linked_matched = 0.0;
};

}  // namespace

// The signature of a group of sentences: the union of theirs.
template <typename SideT>
static std::uint64_t group_sig(const SideT& s, std::span<const std::uint32_t> sentences) {
  std::uint64_t sig = 0;
  for (std::uint32_t sentence : sentences) sig |= s.sentence_sig[sentence];
  return sig;
}

// One side's words against the other side's stamped words. `k` is the number of sentences on
// the other side, which raises the chance of a match. `other_sig` is group_sig() of the stamped
// sentences: a word whose link signature misses it has no link into them, so its links need not
// be scanned.
template <typename SideT>
static SideTally tally(const SideT& s, std::span<const std::uint32_t> sentences,
                       const std::vector<std::uint32_t>& other_stamp, std::uint64_t other_sig,
                       std::uint32_t epoch, std::size_t k) {
  SideTally t;
  const std::size_t group = std::min(std::max<std::size_t>(k, 1), SentenceFeatures::kMaxGroup) - 1;
  for (std::uint32_t sentence : sentences) {
    t.weight += s.sentence_weight[sentence];
    for (std::uint32_t a = s.active_begin[sentence]; a < s.active_begin[sentence + 1]; ++a) {
      const std::uint32_t id = s.active[a];
      // Links are sorted by weight, strongest first: the first hit is the best one.
      float best = 0.0f;
      const std::uint32_t end = (s.link_sig[id] & other_sig) ? s.link_begin[id + 1] : 0;
      for (std::uint32_t l = s.link_begin[id]; l < end; ++l) {
        const auto& link = s.link_pool[l];
        if (other_stamp[link.to] == epoch) {
          best = link.weight;
          break;
        }
      }
      t.matched += s.idf[id] * best;
      float hit = s.hit[id][group];
      if (hit == 0.0f) continue;
      t.llr += best * hit + (1.0f - best) * s.miss[id][group];
      t.linked += 1.0;
      t.linked_matched += best;
    }
  }
  return t;
}

BeadEvidence SentenceFeatures::evidence(std::span<const std::uint32_t> fr,
                                        std::span<const std::uint32_t> en, Scratch& scratch) const {
  BeadEvidence out;
  if (scratch.fr_stamp.size() < fr_.keys.size()) scratch.fr_stamp.resize(fr_.keys.size(), 0);
  if (scratch.en_stamp.size() < en_.keys.size()) scratch.en_stamp.resize(en_.keys.size(), 0);
  std::uint32_t epoch = ++scratch.epoch;
  for (std::uint32_t s : fr)
    for (std::uint32_t id : fr_.sentences[s]) scratch.fr_stamp[id] = epoch;
  for (std::uint32_t s : en)
    for (std::uint32_t id : en_.sentences[s]) scratch.en_stamp[id] = epoch;
  SideTally f = tally(fr_, fr, scratch.en_stamp, group_sig(en_, en), epoch,
                      std::max<std::size_t>(1, en.size()));
  SideTally e = tally(en_, en, scratch.fr_stamp, group_sig(fr_, fr), epoch,
                      std::max<std::size_t>(1, fr.size()));
  out.fr_weight = f.weight;
  out.en_weight = e.weight;
  double total = f.weight + e.weight;
  out.coverage = total > 0 ? (f.matched + e.matched) / total : 0.0;
  if (!fr.empty() && !en.empty()) out.llr = 0.5 * (f.llr + e.llr);
  return out;
}

SentenceFeatures::MatchCounts SentenceFeatures::match_counts(std::span<const std::uint32_t> fr,
                                                             std::span<const std::uint32_t> en,
                                                             Scratch& scratch) const {
  evidence(fr, en, scratch);  // stamps both sides with the current epoch
  SideTally f = tally(fr_, fr, scratch.en_stamp, group_sig(en_, en), scratch.epoch, en.size());
  SideTally e = tally(en_, en, scratch.fr_stamp, group_sig(fr_, fr), scratch.epoch, fr.size());
  return {f.linked + e.linked, f.linked_matched + e.linked_matched};
}

std::vector<std::string_view> SentenceFeatures::sentence_keys(Lang lang,
                                                              std::uint32_t sentence) const {
  const Side& s = side(lang);
  std::vector<std::string_view> out;
  for (std::uint32_t id : s.sentences.at(sentence)) out.push_back(s.keys[id]);
  return out;
}

}  // namespace tandem

namespace tandem {

std::vector<std::pair<std::uint32_t, std::uint32_t>> SentenceFeatures::anchor_pairs() const {
  return anchor_pairs(0, static_cast<std::uint32_t>(fr_.sentences.size()), 0,
                      static_cast<std::uint32_t>(en_.sentences.size()));
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> SentenceFeatures::anchor_pairs(
    std::uint32_t fr_begin, std::uint32_t fr_end, std::uint32_t en_begin,
    std::uint32_t en_end) const {
  // Word → the sentence it occurs in, or kMany when in more than one of the range.
  constexpr std::uint32_t kMany = UINT32_MAX;
  auto hapaxes = [](const Side& s, std::uint32_t begin, std::uint32_t end) {
    std::unordered_map<std::uint32_t, std::uint32_t> where;
    end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(s.sentences.size()));
    for (std::uint32_t i = begin; i < end; ++i) {
      for (std::uint32_t id : s.sentences[i]) {
        auto [it, inserted] = where.try_emplace(id, i);
        if (!inserted) it->second = kMany;
      }
    }
    return where;
  };
  auto fr_where = hapaxes(fr_, fr_begin, fr_end);
  auto en_where = hapaxes(en_, en_begin, en_end);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (const auto& [id, sentence] : fr_where) {
    if (sentence == kMany) continue;
    const Link* sure = nullptr;
    int count = 0;
    for (const Link& l : fr_.links[id]) {
      if (l.weight >= 0.9f) {
        sure = &l;
        ++count;
      }
    }
    if (count != 1) continue;
    auto en = en_where.find(sure->to);
    if (en == en_where.end() || en->second == kMany) continue;
    out.emplace_back(sentence, en->second);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace tandem
