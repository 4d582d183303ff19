#include "tm/cross_lingual_keys.h"

#include <algorithm>
#include <array>

namespace tandem {
namespace {

// Words of dictionary glosses that say nothing about the meaning ("to buy", "a kind of").
constexpr std::array<std::string_view, 24> kGlossFiller = {
    "to", "a",  "an", "the", "of",   "be", "one's", "oneself", "sb",  "sth", "someone", "something",
    "in", "on", "at", "for", "with", "by", "from",  "up",      "out", "off", "or",      "and"};

bool is_filler(std::string_view word) {
  return std::find(kGlossFiller.begin(), kGlossFiller.end(), word) != kGlossFiller.end();
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The first `letters` code points of `s`.
std::string_view utf8_prefix(std::string_view s, std::size_t letters) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == letters) break;
  }
  return s.substr(0, i);
}

// English irregular verb forms and their base form: the dictionary translates French verbs
// into base forms ("rencontrer → meet"), which the stemmer cannot reach from "met" or
// "bought". A closed class of the grammar, listed once here. The auxiliaries (has, had, did,
// got) are left out: the core table matches them form to form, and as the most frequent words
// a base-form match would only add noise.
struct IrregularForm {
  std::string_view form, base;
};
constexpr std::array<IrregularForm, 119> kIrregularVerbs = {{
    {"arose", "arise"},
    {"arisen", "arise"},
    {"awoke", "awake"},
    {"became", "become"},
    {"began", "begin"},
    {"begun", "begin"},
    {"bent", "bend"},
    {"bet", "bet"},
    {"bit", "bite"},
    {"bitten", "bite"},
    {"bled", "bleed"},
    {"blew", "blow"},
    {"blown", "blow"},
    {"broke", "break"},
    {"broken", "break"},
    {"brought", "bring"},
    {"built", "build"},
    {"burnt", "burn"},
    {"bought", "buy"},
    {"caught", "catch"},
    {"chose", "choose"},
    {"chosen", "choose"},
    {"came", "come"},
    {"cost", "cost"},
    {"dealt", "deal"},
    {"drew", "draw"},
    {"drawn", "draw"},
    {"drank", "drink"},
    {"drunk", "drink"},
    {"drove", "drive"},
    {"driven", "drive"},
    {"ate", "eat"},
    {"eaten", "eat"},
    {"fell", "fall"},
    {"fallen", "fall"},
    {"fed", "feed"},
    {"felt", "feel"},
    {"fought", "fight"},
    {"found", "find"},
    {"fled", "flee"},
    {"flew", "fly"},
    {"flown", "fly"},
    {"forgot", "forget"},
    {"forgotten", "forget"},
    {"froze", "freeze"},
    {"frozen", "freeze"},
    {"gave", "give"},
    {"given", "give"},
    {"went", "go"},
    {"gone", "go"},
    {"grew", "grow"},
    {"grown", "grow"},
    {"hung", "hang"},
    {"heard", "hear"},
    {"hid", "hide"},
    {"hidden", "hide"},
    {"held", "hold"},
    {"hurt", "hurt"},
    {"kept", "keep"},
    {"knew", "know"},
    {"known", "know"},
    {"laid", "lay"},
    {"led", "lead"},
    {"left", "leave"},
    {"lent", "lend"},
    {"lay", "lie"},
    {"lain", "lie"},
    {"lost", "lose"},
    {"made", "make"},
    {"meant", "mean"},
    {"met", "meet"},
    {"paid", "pay"},
    {"ran", "run"},
    {"rang", "ring"},
    {"rode", "ride"},
    {"ridden", "ride"},
    {"rose", "rise"},
    {"risen", "rise"},
    {"said", "say"},
    {"saw", "see"},
    {"seen", "see"},
    {"sought", "seek"},
    {"sold", "sell"},
    {"sent", "send"},
    {"shook", "shake"},
    {"shaken", "shake"},
    {"shot", "shoot"},
    {"shown", "show"},
    {"sang", "sing"},
    {"sung", "sing"},
    {"sank", "sink"},
    {"sat", "sit"},
    {"slept", "sleep"},
    {"spoke", "speak"},
    {"spoken", "speak"},
    {"spent", "spend"},
    {"stood", "stand"},
    {"stole", "steal"},
    {"stolen", "steal"},
    {"struck", "strike"},
    {"swore", "swear"},
    {"sworn", "swear"},
    {"swam", "swim"},
    {"took", "take"},
    {"taken", "take"},
    {"taught", "teach"},
    {"tore", "tear"},
    {"torn", "tear"},
    {"told", "tell"},
    {"thought", "think"},
    {"threw", "throw"},
    {"thrown", "throw"},
    {"understood", "understand"},
    {"woke", "wake"},
    {"wore", "wear"},
    {"worn", "wear"},
    {"won", "win"},
    {"wrote", "write"},
    {"written", "write"},
}};

std::string_view irregular_base(std::string_view key) {
  for (const IrregularForm& f : kIrregularVerbs)
    if (f.form == key) return f.base;
  return {};
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

KeyId Vocabulary::intern(std::string_view text) {
  if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  KeyId id = static_cast<KeyId>(texts_.size());
  texts_.emplace_back(text);
  ids_.emplace(std::string(text), id);
  return id;
}

std::optional<KeyId> Vocabulary::find(std::string_view text) const {
  if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  return std::nullopt;
}

CrossLingualKeys::CrossLingualKeys(const Lexicon& lexicon, Options options)
    : lexicon_(lexicon), options_(options), fr_tokenizer_(Lang::fr), en_tokenizer_(Lang::en) {}

CrossLingualKeys::~CrossLingualKeys() = default;

KeyedSentence CrossLingualKeys::key_sentence(Lang lang, std::string_view text) {
  KeyedSentence out;
  out.chars = static_cast<std::uint32_t>(utf8_length(text));
  Tokenizer& tokenizer = lang == Lang::fr ? fr_tokenizer_ : en_tokenizer_;
  Vocabulary& vocabulary = lang == Lang::fr ? fr_words_ : en_words_;
  std::vector<WordInfo>& infos = lang == Lang::fr ? fr_info_ : en_info_;
  for (Token& token : tokenizer.words(text)) {
    if (token.kind == TokenKind::Number) token.key = canonical_number(token.text, lang);
    if (token.key.empty()) continue;
    KeyId id = vocabulary.intern(token.key);
    if (id == infos.size()) {
      infos.push_back({std::move(token.stem), token.kind == TokenKind::Number, false, {}});
    }
    if (std::find(out.words.begin(), out.words.end(), id) == out.words.end()) {
      out.words.push_back(id);
    }
  }
  return out;
}

bool CrossLingualKeys::is_number(Lang lang, KeyId word) const {
  return (lang == Lang::fr ? fr_info_ : en_info_)[word].number;
}

CrossLingualKeys::WordInfo& CrossLingualKeys::info(Lang lang, KeyId word) {
  std::vector<WordInfo>& infos = lang == Lang::fr ? fr_info_ : en_info_;
  if (!infos[word].computed) {
    // Computed on a copy: a French compound interns its parts, which may grow `infos`.
    WordInfo w = infos[word];
    w.ids.clear();
    if (lang == Lang::fr) {
      compute_fr(word, w);
    } else {
      compute_en(word, w);
    }
    std::sort(w.ids.begin(), w.ids.end());
    w.ids.erase(std::unique(w.ids.begin(), w.ids.end()), w.ids.end());
    w.computed = true;
    infos[word] = std::move(w);
  }
  return infos[word];
}

std::span<const KeyId> CrossLingualKeys::match_ids(Lang lang, KeyId word) {
  return info(lang, word).ids;
}

std::vector<KeyId> CrossLingualKeys::bag(Lang lang, const KeyedSentence& sentence) {
  std::vector<KeyId> out;
  for (KeyId word : sentence.words) {
    auto ids = match_ids(lang, word);
    out.insert(out.end(), ids.begin(), ids.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void CrossLingualKeys::add_common_ids(std::string_view key, WordInfo& w) {
  if (w.number) {
    w.ids.push_back(match_space_.intern("n:" + std::string(key)));
    return;
  }
  if (utf8_length(key) >= options_.cognate_min_length) {
    w.ids.push_back(
        match_space_.intern("c:" + std::string(utf8_prefix(key, options_.cognate_prefix))));
  }
}

// English contractions the tokenizer keeps whole: what each ending stands for.
struct Contraction {
  std::string_view ending, full;
};
constexpr std::array<Contraction, 8> kContractions = {{{"n't", "not"},
                                                       {"'re", "are"},
                                                       {"'m", "am"},
                                                       {"'ve", "have"},
                                                       {"'ll", "will"},
                                                       {"'d", "would"},
                                                       {"'s", "is"},
                                                       {"'", ""}}};

void CrossLingualKeys::compute_en(KeyId word, WordInfo& w) {
  const std::string key = en_words_.text(word);
  if (!w.number) w.ids.push_back(match_space_.intern("w:" + w.stem));
  add_common_ids(key, w);
  if (w.number) return;
  if (std::string_view base = irregular_base(key); !base.empty()) {
    const auto& ids = english_stem_ids(base);
    w.ids.insert(w.ids.end(), ids.begin(), ids.end());
  }
  // "you're" also matches what "vous êtes" gives (you, are); "didn't" → did, not.
  for (const Contraction& c : kContractions) {
    if (key == c.ending || ends_with(key, c.ending)) {
      std::string head = key.substr(0, key.size() - c.ending.size());
      if (head == "ca") head = "can";
      if (head == "wo") head = "will";
      for (std::string_view part : {std::string_view(head), c.full}) {
        if (part.empty()) continue;
        const auto& ids = english_stem_ids(part);
        w.ids.insert(w.ids.end(), ids.begin(), ids.end());
      }
      break;
    }
  }
  // Hyphenated compounds also match their parts ("good-natured").
  if (key.find('-') != std::string::npos) {
    std::size_t start = 0;
    while (start < key.size()) {
      std::size_t end = std::min(key.find('-', start), key.size());
      if (end > start) {
        const auto& ids = english_stem_ids(std::string_view(key).substr(start, end - start));
        w.ids.insert(w.ids.end(), ids.begin(), ids.end());
      }
      start = end + 1;
    }
  }
}

const std::vector<KeyId>& CrossLingualKeys::english_stem_ids(std::string_view en_phrase) {
  auto it = en_phrase_cache_.find(std::string(en_phrase));
  if (it != en_phrase_cache_.end()) return it->second;
  std::vector<KeyId> ids;
  std::vector<Token> tokens = en_tokenizer_.words(en_phrase);
  bool has_content =
      std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return !is_filler(t.key); });
  for (const Token& t : tokens) {
    if (has_content && is_filler(t.key)) continue;
    ids.push_back(match_space_.intern("w:" + (t.kind == TokenKind::Number ? t.key : t.stem)));
  }
  return en_phrase_cache_.emplace(std::string(en_phrase), std::move(ids)).first->second;
}

void CrossLingualKeys::compute_fr(KeyId word, WordInfo& w) {
  const std::string key = fr_words_.text(word);
  add_common_ids(key, w);
  if (w.number) return;

  // Dictionary headwords are lemmas: try the inflected form, then plural/feminine-stripped
  // forms (nouns, adjectives), and separately infinitives built on the stem (verbs):
  // "rencontré" is both the noun "rencontre" (meeting) and the verb "rencontrer" (meet).
  std::vector<std::string> nominal = {key};
  std::string base = key;
  for (std::string_view suffix : {"s", "x"}) {
    if (ends_with(base, suffix)) {
      base.resize(base.size() - suffix.size());
      nominal.push_back(base);
      break;
    }
  }
  if (ends_with(base, "e")) nominal.push_back(base.substr(0, base.size() - 1));
  if (ends_with(base, "aux")) nominal.push_back(base.substr(0, base.size() - 3) + "al");
  std::vector<std::string> verbal;
  if (ends_with(base, "ee")) verbal.push_back(base.substr(0, base.size() - 2) + "er");
  if (w.stem.size() >= 3 && w.stem != key) {
    for (std::string_view ending : {"er", "ir", "re", "e", ""})
      verbal.push_back(w.stem + std::string(ending));
  }

  bool found = false;
  if (auto it = learned_fr_en_.find(key); it != learned_fr_en_.end()) {
    for (const std::string& en : it->second) {
      const auto& ids = english_stem_ids(en);
      w.ids.insert(w.ids.end(), ids.begin(), ids.end());
    }
  }
  for (const auto* forms : {&nominal, &verbal}) {
    for (const std::string& form : *forms) {
      const auto& translations = lexicon_.translations(Lang::fr, form);
      if (translations.empty()) continue;
      for (const Translation& t : translations) {
        const auto& ids = english_stem_ids(t.word);
        w.ids.insert(w.ids.end(), ids.begin(), ids.end());
      }
      found = true;
      break;
    }
  }
  // Hyphenated forms the lexicon lacks match their parts: "êtes-vous" → are, you;
  // "a-t-elle" → has, she.
  if (!found && key.find('-') != std::string::npos) {
    std::size_t start = 0;
    while (start < key.size()) {
      std::size_t end = std::min(key.find('-', start), key.size());
      if (end > start + 1) {
        KeyId part = fr_words_.intern(std::string_view(key).substr(start, end - start));
        if (part == fr_info_.size()) fr_info_.push_back({fr_words_.text(part), false, false, {}});
        auto ids = info(Lang::fr, part).ids;  // copy: info() may grow fr_info_
        w.ids.insert(w.ids.end(), ids.begin(), ids.end());
      }
      start = end + 1;
    }
    found = true;
  }
  // Names and new words are often written the same in both languages; and a longer word
  // whose English stem is an English word's stem is very likely its cognate even when the
  // dictionary knows it ("armes" and "arms" both stem to "arm", while FreeDict gives only
  // "weapon").
  std::size_t length = utf8_length(key);
  if ((!found && length >= options_.cognate_min_length) || length >= options_.stem_min_length) {
    const auto& ids = english_stem_ids(key);
    w.ids.insert(w.ids.end(), ids.begin(), ids.end());
  }
}

bool CrossLingualKeys::has_translation(KeyId fr_word) {
  const std::string& key = fr_words_.text(fr_word);
  return learned_fr_en_.count(key) > 0 || !lexicon_.translations(Lang::fr, key).empty();
}

bool CrossLingualKeys::learn(std::string_view fr_key, std::string_view en_key) {
  auto& list = learned_fr_en_[std::string(fr_key)];
  if (std::find(list.begin(), list.end(), en_key) != list.end()) return false;
  list.emplace_back(en_key);
  learned_.emplace_back(fr_key, en_key);
  if (auto id = fr_words_.find(fr_key)) fr_info_[*id].computed = false;
  return true;
}

}  // namespace tandem
