#include "tm/sentence_aligner.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>

#include "corpus/tokenizer.h"
#include "tm/lexicon_learner.h"
#include "tm/parallel.h"
#include "tm/sentence_features.h"

namespace tandem {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

struct BeadType {
  std::uint8_t fr, en;
  double log_prior;
};

// Bead-type priors: mostly 1-1; merges and omissions as real translations have them.
const std::array<BeadType, 8>& bead_types() {
  static const std::array<BeadType, 8> types = {{
      {1, 1, std::log(0.89)},
      {1, 0, std::log(0.01)},
      {0, 1, std::log(0.01)},
      {2, 1, std::log(0.035)},
      {1, 2, std::log(0.035)},
      {2, 2, std::log(0.004)},
      {3, 1, std::log(0.004)},
      {1, 3, std::log(0.004)},
  }};
  return types;
}

// Gale–Church length model on characters, with the ratio and variance of this document.
struct LengthModel {
  double ratio = 1.0;     // English characters per French character
  double variance = 6.8;  // Gale & Church's value until the document gives its own
  // Log-likelihood ratio of the lengths under "translation" against "unrelated" (a normal three
  // times wider).
  double llr(double fr_chars, double en_chars) const {
    double mean = (ratio * fr_chars + en_chars) / 2.0;
    double delta = (en_chars - ratio * fr_chars) / std::sqrt(variance * mean + 1.0);
    constexpr double kWide = 3.0;
    return std::log(kWide) - delta * delta / 2.0 * (1.0 - 1.0 / (kWide * kWide));
  }
};

// The rows of the DP band: row i (French sentences consumed) spans English positions
// [lo[i], hi[i]]; cells are stored row after row.
struct Band {
  std::vector<std::uint32_t> lo, hi;
  std::vector<std::size_t> offset;
  std::size_t cells = 0;

  std::ptrdiff_t cell(std::uint32_t i, std::uint32_t j) const {
    if (j < lo[i] || j > hi[i]) return -1;
    return static_cast<std::ptrdiff_t>(offset[i] + (j - lo[i]));
  }
};

struct Point {
  std::uint32_t i, j;
};

// A band of half-width `base` (plus the length difference of each stretch, up to max_half)
// around the polyline through `points`, which must start at (0,0), end at (n,m) and increase.
Band make_band(const std::vector<Point>& points, std::uint32_t n, std::uint32_t m,
               std::uint32_t base, std::uint32_t max_half) {
  Band band;
  band.lo.assign(n + 1, 0);
  band.hi.assign(n + 1, 0);
  std::vector<bool> set(n + 1, false);
  for (std::size_t k = 0; k + 1 < points.size(); ++k) {
    Point a = points[k], b = points[k + 1];
    double di = static_cast<double>(b.i) - a.i, dj = static_cast<double>(b.j) - a.j;
    double half = std::min<double>(max_half, base + std::fabs(di - dj));
    for (std::uint32_t i = a.i; i <= b.i; ++i) {
      // Rows a bead spans in one go (a.i == b.i) cover every j between the two points.
      double c0 = di > 0 ? a.j + dj * (i - a.i) / di : a.j;
      double c1 = di > 0 ? c0 : b.j;
      auto lo = static_cast<std::uint32_t>(std::clamp(c0 - half, 0.0, double(m)));
      auto hi = static_cast<std::uint32_t>(std::clamp(std::ceil(c1 + half), 0.0, double(m)));
      if (!set[i]) {
        band.lo[i] = lo;
        band.hi[i] = hi;
        set[i] = true;
      } else {
        band.lo[i] = std::min(band.lo[i], lo);
        band.hi[i] = std::max(band.hi[i], hi);
      }
    }
  }
  band.lo[0] = 0;
  band.hi[n] = m;
  // Consecutive rows must overlap so that a monotone path exists from (0,0) to (n,m).
  for (std::uint32_t i = 1; i <= n; ++i) {
    band.lo[i] = std::max(band.lo[i], band.lo[i - 1]);
    if (band.lo[i] > band.hi[i - 1]) band.lo[i] = band.hi[i - 1];
    band.hi[i] = std::max(band.hi[i], band.lo[i]);
  }
  for (std::uint32_t i = n; i-- > 0;) band.hi[i] = std::min(band.hi[i], band.hi[i + 1]);
  band.offset.resize(n + 2);
  band.offset[0] = 0;
  for (std::uint32_t i = 0; i <= n; ++i)
    band.offset[i + 1] = band.offset[i] + (band.hi[i] - band.lo[i] + 1);
  band.cells = band.offset[n + 1];
  return band;
}

// The longest chain of anchors increasing on both sides (patience sorting), framed by the
// document's corners.
std::vector<Point> anchor_path(std::vector<std::pair<std::uint32_t, std::uint32_t>> anchors,
                               std::uint32_t n, std::uint32_t m) {
  std::sort(anchors.begin(), anchors.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  std::vector<std::size_t> tails, parent(anchors.size(), SIZE_MAX);
  for (std::size_t k = 0; k < anchors.size(); ++k) {
    auto pos =
        std::lower_bound(tails.begin(), tails.end(), anchors[k].second,
                         [&](std::size_t t, std::uint32_t v) { return anchors[t].second < v; });
    if (pos != tails.begin()) parent[k] = *(pos - 1);
    if (pos == tails.end())
      tails.push_back(k);
    else
      *pos = k;
  }
  std::vector<Point> path;
  for (std::size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = parent[k])
    path.push_back({anchors[k].first, anchors[k].second});
  path.push_back({0, 0});
  std::reverse(path.begin(), path.end());
  path.push_back({n, m});
  return path;
}

std::size_t code_points(const std::string& s) {
  std::size_t count = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

FeatureOptions feature_options(unsigned threads) {
  FeatureOptions options;
  options.threads = threads;
  return options;
}

}  // namespace

class SentenceAligner::Impl {
 public:
  Impl(std::span<const std::string> fr, std::span<const std::string> en, unsigned threads)
      : features_(nullptr, feature_options(threads)), threads_(threads) {
    n_ = static_cast<std::uint32_t>(fr.size());
    m_ = static_cast<std::uint32_t>(en.size());
    // The two sides are registered independently (SentenceFeatures keeps one vocabulary per
    // side), so each is tokenised on a thread of its own, with its own tokenizer.
    auto add_side = [this](Lang lang, std::span<const std::string> lines,
                           std::vector<std::size_t>& chars) {
      Tokenizer tokenizer(lang, Stems::none);  // stem_new_words() stems on both threads
      chars.reserve(lines.size() + 1);
      chars.push_back(0);
      for (const std::string& s : lines) {
        features_.add_sentence(lang, tokenizer.words(s));
        chars.push_back(chars.back() + code_points(s));
      }
    };
    run_both(
        threads_ > 1, [&] { add_side(Lang::en, en, en_chars_); },
        [&] { add_side(Lang::fr, fr, fr_chars_); });
    features_.stem_new_words();
    if (fr_chars_.back() > 0 && en_chars_.back() > 0)
      length_.ratio = std::clamp(double(en_chars_.back()) / double(fr_chars_.back()), 0.5, 2.0);
    index_.resize(std::max(n_, m_) + 4);
    std::iota(index_.begin(), index_.end(), 0u);
  }

  Lexicon::EntryFilter lexicon_filter() const { return features_.lexicon_filter(); }
  HeadwordFilter headword_filter(Lang lang) const { return features_.headword_filter(lang); }
  HeadwordPrefixFilter headword_prefix_filter(Lang lang) const {
    return features_.headword_prefix_filter(lang);
  }

  Alignment run(const Lexicon* lexicon, const AlignOptions& options) {
    options_ = options;
    features_.set_lexicon(lexicon);
    features_.set_match_rate(FeatureOptions{}.match_rate);
    features_.prepare();
    Alignment out;
    if (n_ == 0 || m_ == 0) {
      out.warnings.push_back(n_ == 0 && m_ == 0 ? "both documents are empty"
                             : n_ == 0          ? "the French document is empty"
                                                : "the English document is empty");
      out.beads = all_omissions();
      return out;
    }
    double ratio = double(std::max(n_, m_)) / double(std::min(n_, m_));
    if (ratio > 2.0)
      out.warnings.push_back("one document has " + fmt_ratio(ratio) +
                             " times as many segments as the other: many omissions expected");
    std::vector<Point> skeleton = anchor_path(anchors(), n_, m_);
    // The first pass only finds the path the second refines: the rare bead types (2-2, 3-1,
    // 1-3) wait for the second pass, when there is one.
    std::vector<Bead> beads = dp(make_band(skeleton, n_, m_, options_.min_band, options_.max_band),
                                 options_.learn ? kCommonTypes : bead_types().size());
    if (options_.learn) {
      reestimate(beads);
      std::vector<Point> path{{0, 0}};
      for (const Bead& b : beads)
        path.push_back({b.fr_begin + b.fr_count, b.en_begin + b.en_count});
      beads = dp(make_band(path, n_, m_, kRefineBand, options_.max_band), bead_types().size());
    }
    std::size_t links = 0, doubtful = 0;
    for (const Bead& b : beads) {
      if (b.fr_count == 0 || b.en_count == 0) continue;
      ++links;
      if (b.score < 0.5) ++doubtful;
    }
    if (links == 0 || doubtful * 2 > links)
      out.warnings.push_back(
          "most segments found no convincing counterpart: are these documents translations of "
          "each other, French and English?");
    out.beads = std::move(beads);
    return out;
  }

 private:
  // The second pass moves beads at most this far from the first pass's path (6 and 12 give
  // the same beads on every dev document).
  static constexpr std::uint32_t kRefineBand = 6;
  static constexpr std::uint32_t kAnchorWindow = 400;
  static constexpr std::size_t kMaxLearnPairs = 5000;
  static constexpr std::size_t kCommonTypes = 5;  // 1-1, 1-0, 0-1, 2-1, 1-2

  static std::string fmt_ratio(double r) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", r);
    return buf;
  }

  // Anchor candidates: words unique in the whole document pair, and in a long document also
  // words unique within overlapping windows that follow the diagonal (a long text repeats its
  // rare words, but seldom within a few hundred sentences).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> anchors() const {
    auto all = features_.anchor_pairs();
    if (n_ <= kAnchorWindow) return all;
    const double slope = double(m_) / double(n_);
    const std::uint32_t margin = kAnchorWindow / 4 + (n_ > m_ ? n_ - m_ : m_ - n_) / 8;
    for (std::uint32_t begin = 0; begin < n_; begin += kAnchorWindow / 2) {
      std::uint32_t end = std::min(n_, begin + kAnchorWindow);
      auto en_begin = static_cast<std::uint32_t>(std::max(0.0, begin * slope - margin));
      auto en_end = static_cast<std::uint32_t>(std::min<double>(m_, end * slope + margin));
      auto local = features_.anchor_pairs(begin, end, en_begin, en_end);
      all.insert(all.end(), local.begin(), local.end());
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
  }

  std::vector<Bead> all_omissions() const {
    std::vector<Bead> beads;
    for (std::uint32_t i = 0; i < n_; ++i) beads.push_back({i, 1, 0, 0, 0.0});
    for (std::uint32_t j = 0; j < m_; ++j) beads.push_back({n_, 0, j, 1, 0.0});
    return beads;
  }

  // Evidence log-ratio of a link bead (lexical + length), without its type prior.
  double lexical(std::uint32_t i, std::uint32_t j, std::uint32_t a, std::uint32_t b,
                 SentenceFeatures::Scratch& scratch) const {
    return features_
        .evidence(std::span(index_).subspan(i, a), std::span(index_).subspan(j, b), scratch)
        .llr;
  }
  double length(std::uint32_t i, std::uint32_t j, std::uint32_t a, std::uint32_t b) const {
    return length_.llr(double(fr_chars_[i + a] - fr_chars_[i]),
                       double(en_chars_[j + b] - en_chars_[j]));
  }

  // The bead's score: the logistic of its evidence, where length agreement alone cannot make a
  // bead confident (two unrelated sentences often have similar lengths), only lower it.
  double confidence(std::uint32_t i, std::uint32_t j, std::uint32_t a, std::uint32_t b) {
    return logistic(lexical(i, j, a, b, scratch_) + std::min(length(i, j, a, b), 0.0) + kScoreBias);
  }

  // Whether a merge bead is worth scoring: one of its sentence pairs must show some lexical
  // evidence of translation. `pair` holds the 1-1 lexical ratio of (fr i-1, en j-1) at cell
  // (i, j). Far from the true path almost every pair is unrelated, so this prunes most merges.
  bool plausible_merge(const Band& band, const std::vector<float>& pair, std::uint32_t i,
                       std::uint32_t j, const BeadType& type) const {
    for (std::uint32_t a = 0; a < type.fr; ++a) {
      for (std::uint32_t b = 0; b < type.en; ++b) {
        std::ptrdiff_t c = band.cell(i - a, j - b);
        if (c >= 0 && pair[static_cast<std::size_t>(c)] > kMergeEvidence) return true;
      }
    }
    return false;
  }

  // The lexical ratios the DP reads, computed before it on threads_ threads (rows split in
  // two halves, one Scratch each): `pair` for every cell's 1-1 bead, and for the merge
  // types a cell may take (in the band, plausible_merge) bit t of `merges` and the ratio in
  // `merge_llr`, cell after cell in DP order.
  struct CellScores {
    std::vector<float> pair;
    std::vector<std::uint8_t> merges;  // one bit per bead type
    static_assert(std::tuple_size_v<std::decay_t<decltype(bead_types())>> <= 8,
                  "merges has one bit per bead type");
    std::vector<double> merge_llr;
  };
  static bool is_merge(const BeadType& type) {
    return type.fr > 0 && type.en > 0 && (type.fr > 1 || type.en > 1);
  }

  CellScores score_cells(const Band& band, std::size_t type_count) const {
    CellScores out;
    out.pair.assign(band.cells, -std::numeric_limits<float>::infinity());
    out.merges.assign(band.cells, 0);
    const bool parallel = threads_ > 1;
    std::array<SentenceFeatures::Scratch, 2> scratch;  // one per half
    for_halves(parallel, n_, [&](unsigned chunk, std::size_t begin, std::size_t end) {
      for (auto i = static_cast<std::uint32_t>(begin + 1); i <= end; ++i)
        for (std::uint32_t j = std::max(band.lo[i], 1u); j <= band.hi[i]; ++j)
          out.pair[static_cast<std::size_t>(band.cell(i, j))] =
              static_cast<float>(lexical(i - 1, j - 1, 1, 1, scratch[chunk]));
    });
    const auto& types = bead_types();
    std::array<std::vector<double>, 2> parts;
    for_halves(parallel, n_ + 1, [&](unsigned chunk, std::size_t begin, std::size_t end) {
      for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
        for (std::uint32_t j = band.lo[i]; j <= band.hi[i]; ++j) {
          const std::size_t here = static_cast<std::size_t>(band.cell(i, j));
          for (std::uint8_t t = 0; t < type_count; ++t) {
            const BeadType& type = types[t];
            if (!is_merge(type) || type.fr > i || type.en > j) continue;
            if (band.cell(i - type.fr, j - type.en) < 0) continue;
            if (!plausible_merge(band, out.pair, i, j, type)) continue;
            out.merges[here] |= static_cast<std::uint8_t>(1u << t);
            parts[chunk].push_back(
                lexical(i - type.fr, j - type.en, type.fr, type.en, scratch[chunk]));
          }
        }
      }
    });
    for (const auto& part : parts)
      out.merge_llr.insert(out.merge_llr.end(), part.begin(), part.end());
    return out;
  }

  std::vector<Bead> dp(const Band& band, std::size_t type_count) {
    const CellScores cells = score_cells(band, type_count);
    const std::vector<float>& pair = cells.pair;
    std::vector<double> score(band.cells, kNegInf);
    std::vector<std::uint8_t> back(band.cells, 0);
    score[0] = 0.0;
    const auto& types = bead_types();
    std::size_t next_merge = 0;  // index in cells.merge_llr
    for (std::uint32_t i = 0; i <= n_; ++i) {
      for (std::uint32_t j = band.lo[i]; j <= band.hi[i]; ++j) {
        if (i == 0 && j == 0) continue;
        const std::size_t here = static_cast<std::size_t>(band.cell(i, j));
        double best = kNegInf;
        std::uint8_t best_type = 0;
        for (std::uint8_t t = 0; t < type_count; ++t) {
          const BeadType& type = types[t];
          if (type.fr > i || type.en > j) continue;
          std::ptrdiff_t from = band.cell(i - type.fr, j - type.en);
          if (from < 0) continue;
          double merge = 0.0;
          if (is_merge(type)) {
            if (!((cells.merges[here] >> t) & 1u)) continue;  // not plausible
            merge = cells.merge_llr[next_merge++];
          }
          if (score[from] == kNegInf) continue;
          double s = score[from] + type.log_prior;
          if (type.fr == 1 && type.en == 1) {
            s += pair[here] + length(i - 1, j - 1, 1, 1);
          } else if (type.fr > 0 && type.en > 0) {
            s += merge + length(i - type.fr, j - type.en, type.fr, type.en);
          }
          if (s > best) {
            best = s;
            best_type = t;
          }
        }
        score[here] = best;
        back[here] = best_type;
      }
    }
    std::vector<Bead> beads;
    std::uint32_t i = n_, j = m_;
    while (i > 0 || j > 0) {
      const BeadType& type = types[back[static_cast<std::size_t>(band.cell(i, j))]];
      i -= type.fr;
      j -= type.en;
      Bead bead{i, type.fr, j, type.en, 0.0};
      if (type.fr > 0 && type.en > 0) bead.score = confidence(i, j, type.fr, type.en);
      beads.push_back(bead);
    }
    std::reverse(beads.begin(), beads.end());
    return beads;
  }

  // Learns from the first pass: the document's match rate, its length model, and a lexicon
  // from the confident 1-1 beads.
  void reestimate(const std::vector<Bead>& beads) {
    std::vector<const Bead*> confident;
    for (const Bead& b : beads)
      if (b.fr_count == 1 && b.en_count == 1 && b.score >= kConfident) confident.push_back(&b);
    // The match rate and the length model are measured on one thread while the learner takes
    // its pairs on the other (both only read the features); then it learns on two.
    LexiconLearner learner;
    SentenceFeatures::MatchCounts counts;
    double fr_sum = 0, en_sum = 0;
    std::vector<std::pair<double, double>> lengths;
    run_both(
        threads_ > 1,
        [&] {
          for (const Bead* b : confident) {
            auto fr = std::span(index_).subspan(b->fr_begin, 1);
            auto en = std::span(index_).subspan(b->en_begin, 1);
            auto c = features_.match_counts(fr, en, scratch_);
            counts.linked += c.linked;
            counts.matched += c.matched;
            double lf = double(fr_chars_[b->fr_begin + 1] - fr_chars_[b->fr_begin]);
            double le = double(en_chars_[b->en_begin + 1] - en_chars_[b->en_begin]);
            fr_sum += lf;
            en_sum += le;
            lengths.emplace_back(lf, le);
          }
        },
        [&] {
          // IBM Model 1's memory grows with the word pairs of its sentences: a few thousand
          // sentence pairs, taken evenly through the document, teach it the words frequent
          // enough to matter.
          const std::size_t step = confident.size() / kMaxLearnPairs + 1;
          for (std::size_t k = 0; k < confident.size(); k += step) {
            auto fk = features_.sentence_keys(Lang::fr, confident[k]->fr_begin);
            auto ek = features_.sentence_keys(Lang::en, confident[k]->en_begin);
            learner.add_pair(fk, ek);
          }
        });
    Lexicon learned;
    if (learner.pair_count() >= kMinConfidentBeads) {
      LearnOptions learn_options;
      learn_options.parallel = threads_ > 1;
      learned = learner.learn(learn_options);
    }
    if (lengths.size() >= kMinConfidentBeads) {
      length_.ratio = std::clamp(en_sum / fr_sum, 0.5, 2.0);
      double var = 0;
      for (auto [lf, le] : lengths) {
        double d = le - length_.ratio * lf;
        var += d * d / ((length_.ratio * lf + le) / 2.0 + 1.0);
      }
      length_.variance = std::clamp(var / double(lengths.size()), 2.0, 40.0);
    }
    // Links first: then the new rate's ratios are computed once, by prepare().
    const bool relink = learner.pair_count() >= kMinConfidentBeads;
    if (relink) features_.add_links(learned);
    if (counts.linked >= 50)
      features_.set_match_rate(std::clamp(counts.matched / counts.linked, 0.25, 0.9));
    if (relink) features_.prepare();
  }

  static constexpr double kScoreBias = -1.0;
  static constexpr float kMergeEvidence = -3.0f;
  static constexpr double kConfident = 0.8;
  static constexpr std::size_t kMinConfidentBeads = 10;

  SentenceFeatures features_;
  unsigned threads_ = 1;
  SentenceFeatures::Scratch scratch_;
  AlignOptions options_;
  LengthModel length_;
  std::uint32_t n_ = 0, m_ = 0;
  std::vector<std::size_t> fr_chars_, en_chars_;  // prefix sums of code points
  std::vector<std::uint32_t> index_;              // 0, 1, 2 ... for sentence spans
};

SentenceAligner::SentenceAligner(std::span<const std::string> fr, std::span<const std::string> en,
                                 unsigned threads)
    : impl_(std::make_unique<Impl>(fr, en, threads == 0 ? default_thread_count() : threads)) {}
SentenceAligner::~SentenceAligner() = default;

Lexicon::EntryFilter SentenceAligner::lexicon_filter() const { return impl_->lexicon_filter(); }
HeadwordFilter SentenceAligner::headword_filter(Lang headword_lang) const {
  return impl_->headword_filter(headword_lang);
}

HeadwordPrefixFilter SentenceAligner::headword_prefix_filter(Lang headword_lang) const {
  return impl_->headword_prefix_filter(headword_lang);
}

Alignment SentenceAligner::align(const Lexicon* lexicon, const AlignOptions& options) {
  return impl_->run(lexicon, options);
}

Alignment align_sentences(std::span<const std::string> fr, std::span<const std::string> en,
                          const Lexicon* lexicon, const AlignOptions& options) {
  return SentenceAligner(fr, en).align(lexicon, options);
}

}  // namespace tandem
