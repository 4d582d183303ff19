// Cross-lingual matching keys: how the miner, the document pairer and the related-material
// finder decide that a French word and an English word may say the same thing, without an
// all-pairs comparison of strings.
//
// Every word of either language gets an own-language word id (its folded key, interned per
// language) and a small set of ids in one shared "match space" built on English:
//   English word  → w:<stem>, c:<cognate prefix>, n:<digits>, and w:<stem of the base form>
//                   for irregular verb forms ("met" → meet)
//   French word   → w:<stem of each English translation> (lexicon, with plural/feminine/verb
//                   fallbacks), c:<cognate prefix>, n:<digits>, and w:<English stem of itself>
//                   for words the lexicon does not know (names, new technical words) and for
//                   longer words it knows ("armes" and "arms" both stem to "arm").
// Two words match when their id sets intersect. The cognate prefix (the first letters of the
// folded key) lets mercenaires/mercenaries, systèmes/systems, Ukraine/Ukraine meet; numbers
// meet by their digits ("50 000" = "50,000").
//
// Translations can be added while working (learned from the user's material); the French
// words they touch get their match ids recomputed on the next lookup.
//
// Thread-safety: not thread-safe (owns tokenizers and lazy caches).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/language.h"
#include "corpus/tokenizer.h"
#include "tm/lexicon.h"

namespace tandem {

using KeyId = std::uint32_t;

// Dense ids for strings.
class Vocabulary {
 public:
  KeyId intern(std::string_view text);
  std::optional<KeyId> find(std::string_view text) const;
  const std::string& text(KeyId id) const { return texts_[id]; }
  std::size_t size() const { return texts_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, KeyId, Hash, std::equal_to<>> ids_;
  std::vector<std::string> texts_;
};

// A sentence reduced to what matching needs.
struct KeyedSentence {
  std::vector<KeyId> words;  // distinct own-language word ids (Word and Number tokens), in order
  std::uint32_t chars = 0;   // length in code points
};

class CrossLingualKeys {
 public:
  struct Options {
    std::size_t cognate_prefix = 5;      // letters of the folded key that make the cognate key
    std::size_t cognate_min_length = 4;  // shorter words match only by lexicon or identity
    // Words the lexicon knows also match by their English stem from this length on.
    std::size_t stem_min_length = 5;
  };

  // `lexicon` must outlive this object.
  explicit CrossLingualKeys(const Lexicon& lexicon) : CrossLingualKeys(lexicon, Options{}) {}
  CrossLingualKeys(const Lexicon& lexicon, Options options);
  ~CrossLingualKeys();

  // Tokenises and keys a sentence (only Word and Number tokens count).
  KeyedSentence key_sentence(Lang lang, std::string_view text);

  // The match-space ids of an own-language word id (sorted, distinct).
  std::span<const KeyId> match_ids(Lang lang, KeyId word);
  // Sorted distinct union of the match ids of a sentence's words.
  std::vector<KeyId> bag(Lang lang, const KeyedSentence& sentence);

  const Vocabulary& words(Lang lang) const { return lang == Lang::fr ? fr_words_ : en_words_; }
  const Vocabulary& match_space() const { return match_space_; }
  bool is_number(Lang lang, KeyId word) const;
  // True when the lexicon (or a learned entry) has a translation for the French word.
  bool has_translation(KeyId fr_word);

  // Adds a translation learned from the user's material (folded keys). Returns false when it
  // was already known.
  bool learn(std::string_view fr_key, std::string_view en_key);
  // Every learned pair, in the order learned.
  const std::vector<std::pair<std::string, std::string>>& learned() const { return learned_; }

 private:
  struct WordInfo {
    std::string stem;
    bool number = false;
    bool computed = false;
    std::vector<KeyId> ids;
  };
  WordInfo& info(Lang lang, KeyId word);
  void compute_en(KeyId word, WordInfo& w);
  void compute_fr(KeyId word, WordInfo& w);
  const std::vector<KeyId>& english_stem_ids(std::string_view en_phrase);
  void add_common_ids(std::string_view key, WordInfo& w);

  const Lexicon& lexicon_;
  Options options_;
  Tokenizer fr_tokenizer_;
  Tokenizer en_tokenizer_;
  Vocabulary fr_words_, en_words_, match_space_;
  std::vector<WordInfo> fr_info_, en_info_;
  std::unordered_map<std::string, std::vector<KeyId>> en_phrase_cache_;
  std::unordered_map<std::string, std::vector<std::string>> learned_fr_en_;
  std::vector<std::pair<std::string, std::string>> learned_;
};

}  // namespace tandem
