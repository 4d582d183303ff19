#include "corpus/language_id.h"

#include <libexttextcat/textcat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_map>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "corpus/error.h"
#include "corpus/tokenizer.h"

namespace tandem {
namespace {

// textcat's candidates: the two languages Tandem works with, plus the languages most often
// confused with them on short or technical text. Anything else wins as "und".
constexpr std::array<std::string_view, 12> kCandidates = {"fr", "en", "es", "it", "de", "pt",
                                                          "nl", "ca", "la", "ro", "oc", "sv"};

// Where Debian's libexttextcat-data installs the fingerprints; $TANDEM_TEXTCAT_DIR overrides.
std::filesystem::path fingerprint_dir() {
  if (const char* env = std::getenv("TANDEM_TEXTCAT_DIR")) return env;
  for (const char* dir : {"/usr/share/libexttextcat", "/usr/local/share/libexttextcat"})
    if (std::filesystem::exists(std::filesystem::path(dir) / "fr.lm")) return dir;
  throw Error(
      "cannot find the libexttextcat language models (fr.lm) in /usr/share/libexttextcat;"
      " install libexttextcat-data or set TANDEM_TEXTCAT_DIR");
}

// Very frequent words that (almost) only one of the two languages uses. Words both share or that
// are frequent in one and plausible in the other (a, on, me, as, en, son, plus, est) are left out.
// Keys are fold_key forms (no accents).
const std::unordered_map<std::string, Lang>& function_words() {
  static const std::unordered_map<std::string, Lang> words = [] {
    std::unordered_map<std::string, Lang> w;
    for (const char* fr :
         {"le",       "la",     "les",   "des",      "et",      "que",   "qui",      "une",
          "un",       "dans",   "pour",  "pas",      "je",      "tu",    "il",       "elle",
          "nous",     "vous",   "ils",   "elles",    "ce",      "cette", "ces",      "sur",
          "au",       "aux",    "du",    "de",       "avec",    "sa",    "ses",      "mon",
          "ma",       "mes",    "ton",   "ta",       "tes",     "ne",    "se",       "sont",
          "ai",       "ete",    "tres",  "mais",     "ou",      "y",     "fait",     "faire",
          "etre",     "avoir",  "leur",  "leurs",    "etait",   "suis",  "es",       "etes",
          "ont",      "moi",    "toi",   "lui",      "ca",      "cela",  "quoi",     "comment",
          "pourquoi", "quand",  "oui",   "non",      "merci",   "bien",  "tout",     "tous",
          "toute",    "rien",   "aussi", "peut",     "veux",    "dois",  "chez",     "votre",
          "vos",      "notre",  "nos",   "sommes",   "avez",    "avons", "sais",     "jamais",
          "encore",   "depuis", "parce", "beaucoup", "peu",     "deja",  "toujours", "aujourd'hui",
          "est-ce",   "va",     "vais",  "etais",    "fais",    "faut",  "ici",      "avait",
          "serait",   "entre",  "selon", "ainsi",    "lorsque", "alors", "sans",     "sous",
          "vers",     "apres",  "avant"})
      w.emplace(fr, Lang::fr);
    for (const char* en :
         {"the",     "of",     "and",    "to",     "is",    "in",      "that",   "was",     "for",
          "it",      "you",    "he",     "she",    "we",    "they",    "i",      "my",      "your",
          "his",     "her",    "this",   "with",   "have",  "has",     "had",    "are",     "be",
          "not",     "do",     "does",   "did",    "at",    "what",    "who",    "how",     "why",
          "when",    "will",   "would",  "can",    "could", "an",      "there",  "here",    "him",
          "them",    "our",    "their",  "all",    "from",  "by",      "but",    "or",      "if",
          "so",      "very",   "don't",  "i'm",    "it's",  "i've",    "didn't", "can't",   "won't",
          "been",    "were",   "am",     "want",   "like",  "know",    "go",     "should",  "where",
          "which",   "its",    "these",  "those",  "than",  "then",    "about",  "into",    "out",
          "up",      "just",   "any",    "some",   "many",  "much",    "more",   "no",      "yes",
          "doesn't", "isn't",  "wasn't", "you're", "we're", "they're", "that's", "there's", "let's",
          "i'll",    "you'll", "get",    "got",    "going", "think",   "tell",   "said",    "also",
          "other",   "only",   "after",  "before", "over",  "because", "never",  "please",  "let",
          "give",    "look",   "love",   "put",    "take",  "make",    "come",   "see",     "want",
          "need",    "now",    "well",   "good",   "time",  "people",  "work"})
      w.emplace(en, Lang::en);
    return w;
  }();
  return words;
}

std::string lower_keep_accents(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool is_french_letter(std::string_view s) {
  for (std::string_view a : {"é", "è", "ê", "ë", "à", "â", "ç", "ù", "û", "î", "ï",
                             "ô", "œ", "É", "È", "Ê", "À", "Ç", "Ô", "Î", "Œ"})
    if (s == a) return true;
  return false;
}

// A character n-gram model of one language read from a textcat fingerprint (.lm: "ngram<TAB>count",
// '_' marking word edges, the 400 most frequent 1- to 5-grams). Used as a naive Bayes model
// where textcat's rank distance is unreliable: on lines of a few words.
class NgramModel {
 public:
  explicit NgramModel(const std::filesystem::path& lm) {
    std::ifstream in(lm);
    if (!in) throw Error("cannot read the language model " + lm.string());
    for (std::string line; std::getline(in, line);) {
      auto tab = line.find_first_of("\t ");
      if (tab == std::string::npos || tab == 0) continue;
      std::string gram = line.substr(0, tab);
      double count = std::atof(line.c_str() + tab + 1);
      if (count <= 0) continue;
      std::size_t n = utf8_length(gram);
      if (n < 1 || n > 5) continue;
      counts_[gram] = count;
      totals_[n - 1] += count;
      floor_ = floor_ == 0 ? count : std::min(floor_, count);
    }
    // A fingerprint keeps only the top 400 n-grams: one it lacks is rarer than its last entry,
    // not unseen, so it gets a little less than that.
    floor_ *= 0.7;
  }

  // log P(gram | language), floored for grams outside the fingerprint.
  double log_prob(const std::string& gram, std::size_t n) const {
    auto it = counts_.find(gram);
    double total = totals_[n - 1] > 0 ? totals_[n - 1] : 1.0;
    return std::log((it == counts_.end() ? floor_ : it->second) / total);
  }
  bool has(const std::string& gram) const { return counts_.contains(gram); }

  static std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }

 private:
  std::unordered_map<std::string, double> counts_;
  std::array<double, 5> totals_{};
  double floor_ = 0;
};

// Log-likelihood ratio French vs English of the text's character n-grams: "_word_" padded,
// lower-cased words, every 1- to 5-gram that either fingerprint knows.
double ngram_log_odds(const NgramModel& fr, const NgramModel& en, const std::vector<Token>& words) {
  double llr = 0;
  std::vector<std::size_t> starts;  // byte offset of each code point in the padded word
  for (const Token& t : words) {
    if (t.kind != TokenKind::Word) continue;
    std::string w(1, '_');
    w += lower_keep_accents(t.text);
    w += '_';
    starts.clear();
    for (std::size_t i = 0; i < w.size(); ++i)
      if ((static_cast<unsigned char>(w[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(w.size());
    std::size_t cps = starts.size() - 1;
    for (std::size_t n = 1; n <= 5; ++n) {
      for (std::size_t i = 0; i + n <= cps; ++i) {
        std::string gram = w.substr(starts[i], starts[i + n] - starts[i]);
        if (gram == "_" || (!fr.has(gram) && !en.has(gram))) continue;
        llr += fr.log_prob(gram, n) - en.log_prob(gram, n);
      }
    }
  }
  return llr;
}

struct TextcatDeleter {
  void operator()(void* h) const { textcat_Done(h); }
};

}  // namespace

struct LanguageIdentifier::Impl {
  std::unique_ptr<void, TextcatDeleter> textcat;
  candidate_t* candidates = nullptr;  // owned by textcat, released in the destructor
  Tokenizer tokenizer{Lang::und};
  std::filesystem::path dir = fingerprint_dir();
  NgramModel fr_model{dir / "fr.lm"};
  NgramModel en_model{dir / "en.lm"};

  Impl() {
    // textcat wants a configuration file listing the fingerprints: write one with just our
    // candidates into a private temporary file, load, and remove it.
    std::string conf_template =
        (std::filesystem::temp_directory_path() / "tandem-textcat-XXXXXX").string();
    int fd = mkstemp(conf_template.data());
    if (fd < 0) throw Error("cannot create a temporary file for the textcat configuration");
    close(fd);
    struct Remove {
      std::string path;
      ~Remove() { std::filesystem::remove(path); }
    } remove{conf_template};
    {
      std::ofstream conf(conf_template);
      for (std::string_view lang : kCandidates)
        if (std::filesystem::exists(dir / (std::string(lang) + ".lm")))
          conf << lang << ".lm " << lang << "\n";
      if (!conf) throw Error("cannot write the textcat configuration " + conf_template);
    }
    std::string prefix = dir.string() + "/";
    textcat.reset(special_textcat_Init(conf_template.c_str(), prefix.c_str()));
    if (!textcat) throw Error("cannot load the libexttextcat language models from " + prefix);
    // Short lines are the common case; the word evidence below makes up for textcat's weakness.
    textcat_SetProperty(textcat.get(), TCPROP_MINIMUM_DOCUMENT_SIZE, 8);
    candidates = textcat_GetClassifyFullOutput(textcat.get());
  }

  ~Impl() {
    if (textcat && candidates) textcat_ReleaseClassifyFullOutput(textcat.get(), candidates);
  }

  LanguageGuess identify(std::string_view text) {
    // Word and character evidence: points for each language.
    double fr = 0, en = 0;
    int letters_words = 0, fr_function_words = 0, en_function_words = 0;
    std::vector<Token> tokens = tokenizer.tokenize(text.substr(0, 20000));
    for (const Token& t : tokens) {
      if (t.kind != TokenKind::Word) continue;
      ++letters_words;
      if (t.key == "'s") {
        en += 1;
        continue;
      }
      if (t.key.size() >= 2 && t.key.back() == '\'') {  // elided article: l', d', qu' ...
        fr += 1;
        continue;
      }
      auto it = function_words().find(t.key);
      if (it != function_words().end()) {
        (it->second == Lang::fr ? fr : en) += 1.5;
        (it->second == Lang::fr ? fr_function_words : en_function_words) += 1;
      }
      if (t.key.ends_with("n't") || t.key.ends_with("'re") || t.key.ends_with("'ll") ||
          t.key.ends_with("'ve"))
        en += 1;
      for (std::size_t i = 0; i + 1 < t.text.size(); ++i) {
        if ((static_cast<unsigned char>(t.text[i]) & 0xE0) == 0xC0 &&
            is_french_letter(std::string_view(t.text).substr(i, 2))) {
          fr += 1.0;
          break;  // one per word: "été" is one French word, not three
        }
      }
    }
    if (letters_words == 0) return {Lang::und, 0.0};

    // Character evidence, decisive on short lines without function words ("Reculez !").
    double llr = ngram_log_odds(fr_model, en_model, tokens);
    double chars = std::clamp(llr / 6.0, -2.0, 2.0);
    (chars > 0 ? fr : en) += std::abs(chars);

    // textcat's n-gram verdict, weighted by how much text it saw.
    std::string_view sample = text.substr(0, 4000);
    int n = textcat_ClassifyFull(textcat.get(), sample.data(), sample.size(), candidates);
    std::string_view top = n > 0 ? std::string_view(candidates[0].name) : std::string_view();
    double weight = std::min(6.0, 1.0 + static_cast<double>(sample.size()) / 40.0);
    if (n > 0 && n <= 2) {  // textcat answers only when few languages are close
      if (top == "fr") fr += weight;
      if (top == "en") en += weight;
    }
    bool fr_or_en_listed = false;
    for (int i = 0; i < n; ++i) {
      std::string_view name = candidates[i].name;
      if (name == "fr" || name == "en") fr_or_en_listed = true;
    }
    // A clear verdict for another language on a sizeable text, with few French or English
    // function words (they are a third or more of the words of real French or English), means
    // the text is neither.
    if (n > 0 && !fr_or_en_listed && sample.size() >= 60 &&
        std::max(fr_function_words, en_function_words) < 0.25 * letters_words)
      return {Lang::und, n == 1 ? 0.8 : 0.5};

    if (fr == en) return {Lang::und, 0.0};
    double win = std::max(fr, en), lose = std::min(fr, en);
    // Margin between the two, damped when there is little evidence at all.
    double confidence = (win - lose) / (win + lose) * (1.0 - std::exp(-win / 2.0));
    return {fr > en ? Lang::fr : Lang::en, confidence};
  }
};

LanguageIdentifier::LanguageIdentifier() : impl_(std::make_unique<Impl>()) {}
LanguageIdentifier::~LanguageIdentifier() = default;
LanguageIdentifier::LanguageIdentifier(LanguageIdentifier&&) noexcept = default;
LanguageIdentifier& LanguageIdentifier::operator=(LanguageIdentifier&&) noexcept = default;

LanguageGuess LanguageIdentifier::identify(std::string_view text) { return impl_->identify(text); }

}  // namespace tandem
