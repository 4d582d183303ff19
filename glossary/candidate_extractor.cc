#include "glossary/candidate_extractor.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace tandem {
namespace {

// Folded keys (lower case, no accents, ' for apostrophes): "à" is "a", "été" is "ete".
constexpr std::array kFrenchFunctionWords = {
    "a",          "ai",          "ainsi",       "alors",      "apres",      "au",
    "aucun",      "aucune",      "aujourd'hui", "auquel",     "aussi",      "autre",
    "autres",     "aux",         "auxquels",    "auxquelles", "avait",      "avant",
    "avec",       "avoir",       "bien",        "c'",         "ca",         "car",
    "ce",         "ceci",        "cela",        "celle",      "celles",     "celui",
    "cependant",  "certain",     "certaine",    "certaines",  "certains",   "ces",
    "cet",        "cette",       "ceux",        "chacun",     "chaque",     "chez",
    "comme",      "comment",     "contre",      "d'",         "dans",       "de",
    "deja",       "depuis",      "des",         "deux",       "doit",       "doivent",
    "donc",       "dont",        "du",          "duquel",     "elle",       "elles",
    "en",         "encore",      "enfin",       "entre",      "environ",    "est",
    "et",         "etaient",     "etait",       "etant",      "ete",        "etre",
    "eux",        "fait",        "faire",       "font",       "grace",      "il",
    "ils",        "j'",          "je",          "jusqu'",     "jusque",     "l'",
    "la",         "laquelle",    "le",          "lequel",     "les",        "lesquelles",
    "lesquels",   "leur",        "leurs",       "lors",       "lorsqu'",    "lorsque",
    "lui",        "m'",          "ma",          "mais",       "me",         "meme",
    "memes",      "mes",         "moins",       "mon",        "n'",         "ne",
    "ni",         "non",         "nos",         "notamment",  "notre",      "nous",
    "on",         "ont",         "or",          "ou",         "par",        "parce",
    "parmi",      "pas",         "pendant",     "peu",        "peut",       "peuvent",
    "plus",       "plusieurs",   "pour",        "pourquoi",   "pourrait",   "puis",
    "puisqu'",    "puisque",     "qu'",         "quand",      "que",        "quel",
    "quelle",     "quelles",     "quels",       "quelque",    "quelques",   "qui",
    "quoi",       "s'",          "sa",          "sans",       "se",         "selon",
    "ses",        "si",          "sien",        "soit",       "son",        "sont",
    "sous",       "souvent",     "sur",         "t'",         "ta",         "tandis",
    "te",         "tel",         "telle",       "telles",     "tels",       "tes",
    "toujours",   "tous",        "tout",        "toute",      "toutes",     "tres",
    "trois",      "un",          "une",         "unes",       "uns",        "va",
    "vers",       "via",         "voire",       "vos",        "votre",      "vous",
    "y",          "egalement",   "ici",         "la-bas",     "etc",        "sera",
    "seront",     "serait",      "seraient",    "avaient",    "aura",       "auront",
    "aurait",     "permet",      "permettent",  "permettre",  "peuvent",    "pouvant",
    "devrait",    "devraient",   "afin",        "toutefois",  "ainsi",      "dire",
    "dit",        "celui-ci",    "celle-ci",    "ceux-ci",    "celles-ci",  "c'est-a-dire",
    "lui-meme",   "elle-meme",   "eux-memes",   "quant",      "vis-a-vis",  "tant",
    "tres",       "trop",        "beaucoup",    "nombreux",   "nombreuses", "different",
    "differents", "differentes", "premier",     "premiere",   "second",     "seconde",
    "cas",        "fois",        "exemple",     "facon",      "maniere",    "lieu",
    "partir",     "sein",        "travers",     "aupres",     "lorsqu",     "jusqu",
    "qu",         "quatre",      "cinq",        "six",        "sept",       "huit",
    "neuf",       "dix",         "cent",        "mille",      "ans",        "annee",
    "annees",     "an",          "vue",
};

constexpr std::array kEnglishFunctionWords = {
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "due",
    "during",
    "e.g.",
    "each",
    "either",
    "else",
    "etc",
    "even",
    "ever",
    "every",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "i.e.",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "otherwise",
    "our",
    "out",
    "over",
    "own",
    "per",
    "rather",
    "same",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "thereby",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "'s",
    "'",
    "use",
    "used",
    "uses",
    "using",
    "make",
    "made",
    "makes",
    "making",
    "given",
    "give",
    "gives",
    "take",
    "taken",
    "takes",
    "get",
    "gets",
    "got",
    "see",
    "seen",
    "shown",
    "show",
    "shows",
    "based",
    "called",
    "known",
    "including",
    "include",
    "includes",
    "included",
    "allow",
    "allows",
    "allowed",
    "become",
    "becomes",
    "became",
    "find",
    "found",
    "need",
    "needs",
    "needed",
    "like",
    "first",
    "second",
    "third",
    "last",
    "next",
    "different",
    "various",
    "certain",
    "possible",
    "important",
    "good",
    "better",
    "best",
    "example",
    "case",
    "cases",
    "way",
    "ways",
    "year",
    "years",
    "also",
    "able",
    "still",
    "whilst",
    "describe",
    "described",
    "consider",
    "considered",
    "provide",
    "provides",
    "provided",
    "require",
    "required",
    "requires",
    "result",
    "results",
    "following",
    "follows",
    "respectively",
    "particular",
    "particularly",
    "general",
    "generally",
    "usually",
    "typically",
    "approximately",
    "mainly",
    "e.g",
    "i.e",
    "fig",
    "figure",
    "table",
    "section",
    "chapter",
    "hence",
    "thereof",
};

constexpr std::array kFrenchLinkingWords = {"de", "du",  "des", "d'",   "a",
                                            "au", "aux", "en",  "pour", "sur"};
constexpr std::array kFrenchArticles = {"la", "le", "les", "l'"};
constexpr std::array kEnglishLinkingWords = {"of", "and"};

// Words that open a noun phrase (folded keys).
constexpr std::array kFrenchDeterminers = {
    "le",    "la",  "les", "l'", "un",  "une",  "des",   "du",  "au",    "aux",   "ce",  "cet",
    "cette", "ces", "son", "sa", "ses", "leur", "leurs", "nos", "notre", "votre", "vos", "chaque"};
constexpr std::array kEnglishDeterminers = {"the",   "a",    "an",    "this",    "that", "these",
                                            "those", "its",  "their", "our",     "his",  "her",
                                            "your",  "each", "every", "another", "such"};

// Words after which the next word is nearly always a verb.
constexpr std::array kFrenchVerbCues = {"se",    "s'", "ne",   "n'",   "il", "ils", "elle",
                                        "elles", "on", "nous", "vous", "je", "j'",  "qui"};
constexpr std::array kEnglishVerbCues = {"to",    "has",   "have",   "had", "will",  "would",
                                         "can",   "could", "should", "may", "might", "must",
                                         "shall", "does",  "did",    "do",  "he",    "she",
                                         "they",  "we",    "i",      "who", "not"};

template <std::size_t N>
bool contains(const std::array<const char*, N>& words, std::string_view key) {
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return key == w; });
}

enum class Role { Boundary, Link, Article, Content };

Role role_of(Lang lang, const Token& token) {
  if (token.kind != TokenKind::Word) return Role::Boundary;
  if (lang == Lang::fr && contains(kFrenchArticles, token.key)) return Role::Article;
  // "a" (has) folds like "à" (to): only the preposition links the words of a term.
  if (lang == Lang::fr && token.key == "a" && token.text != "à" && token.text != "À")
    return Role::Boundary;
  if (is_linking_word(lang, token.key)) return Role::Link;
  if (is_function_word(lang, token.key)) return Role::Boundary;
  // Single letters, apostrophe leftovers and formula symbols (ϕ, λr, cl) are not words of a
  // term; short acronyms written in capitals (EU, UK) are.
  if (token.key.find_first_not_of("'-.") == std::string::npos) return Role::Boundary;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(token.text);
  if (text.countChar32() < 2) return Role::Boundary;
  bool greek = false;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1))
    greek = greek || ublock_getCode(text.char32At(i)) == UBLOCK_GREEK;
  if (greek) return Role::Boundary;
  if (text.countChar32() == 2 && text != icu::UnicodeString(text).toUpper()) return Role::Boundary;
  // A number glued to nothing alphabetic ("2010-2020") is not a term word either.
  if (token.key.find_first_not_of("0123456789-.,/") == std::string::npos) return Role::Boundary;
  return Role::Content;
}

// A bibliography key in square brackets ("[ACK 05]", "[Hansen 2004a]", "[12]"): the letters
// name a reference, not a concept of the domain. True for a bracketed span of at most four
// tokens holding a year or reference number (digits, maybe one letter after them).
bool citation_number(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 4) return false;
  return digits == text.size() ||
         (digits + 1 == text.size() && text[digits] >= 'a' && text[digits] <= 'z');
}

// Marks the tokens inside bracketed citations as boundaries.
void drop_citations(const std::vector<Token>& tokens, std::vector<Role>& roles) {
  constexpr std::size_t kMaxInside = 4;
  for (std::size_t open = 0; open < tokens.size(); ++open) {
    if (tokens[open].text != "[") continue;
    std::size_t close = open + 1;
    bool number = false;
    while (close < tokens.size() && close <= open + kMaxInside && tokens[close].text != "]") {
      number = number || citation_number(tokens[close].text);
      ++close;
    }
    if (close >= tokens.size() || tokens[close].text != "]" || !number) continue;
    for (std::size_t k = open + 1; k < close; ++k) roles[k] = Role::Boundary;
    open = close;
  }
}

// English terms are noun phrases: they do not end in a past participle ("assumed") or an adverb
// ("aerodynamically" is one of the rare exceptions we give up). Words in -eed with no vowel
// before it are nouns ("speed", "feed", "seed"), as Porter's stemmer reasons; "agreed" is not.
bool can_end_term(Lang lang, std::string_view key) {
  if (lang != Lang::en || key.size() < 5) return true;
  if (key.ends_with("eed"))
    return key.substr(0, key.size() - 3).find_first_of("aeiouy") == std::string_view::npos;
  return !(key.ends_with("ed") || key.ends_with("ly"));
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool starts_upper(std::string_view text) {
  if (text.empty()) return false;
  UChar32 c = icu::UnicodeString::fromUTF8(text.substr(0, std::min<std::size_t>(4, text.size())))
                  .char32At(0);
  return u_isupper(c);
}

// The number of letters of a word written in capitals ("EU" 2, "SCADA" 5, "CO2" 2), 0 when it
// has a lower-case letter.
int capital_letters(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  int letters = 0;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    UChar32 c = u.char32At(i);
    if (u_islower(c)) return 0;
    if (u_isupper(c)) ++letters;
  }
  return letters;
}

// The number of capital letters of a word ("PDe" 2, "MLI" 3, "Nordel" 1).
int capital_letters_in(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  int capitals = 0;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1))
    if (u_isupper(u.char32At(i))) ++capitals;
  return capitals;
}

// Titles whose point does not end a sentence: "M. Girard", "Ms. Carrel" are capitalised names.
bool is_title(std::string_view key) {
  static constexpr std::string_view kTitles[] = {"m",   "mm",  "mme", "mlle", "mr",  "mrs",
                                                 "ms",  "dr",  "pr",  "st",   "ste", "prof",
                                                 "gen", "col", "sen", "rep",  "me",  "mgr"};
  return std::find(std::begin(kTitles), std::end(kTitles), key) != std::end(kTitles);
}

bool sentence_start(const std::vector<Token>& tokens, std::size_t i) {
  if (i == 0) return true;
  std::string_view before = tokens[i - 1].text;
  if (before == "." && i >= 2 && is_title(tokens[i - 2].key)) return false;
  if (before.size() > 1 && before.ends_with('.') &&
      is_title(std::string_view(tokens[i - 1].key).substr(0, tokens[i - 1].key.size() - 1)))
    return false;
  // Entries of a table of contents start after the dot leaders and page number ("........ 121
  // Etat des lieux").
  if (before.find_first_not_of(".…") == std::string_view::npos) return true;
  if (tokens[i - 1].kind == TokenKind::Number && i >= 2 &&
      tokens[i - 2].text.find_first_not_of(".…") == std::string_view::npos)
    return true;
  return before == "!" || before == "?" || before == ":" || before == "\"" || before == "«" ||
         before == "(" || before == "-" || before == "•";
}

// The sentence around an occurrence, whole when it is of ordinary length. Web text can hold a
// page on one line; copying it for every new candidate would cost gigabytes, so a long line is
// cut to about kExampleContext bytes on each side, at spaces, marked with "…".
constexpr std::size_t kExampleContext = 200;

std::string example_window(std::string_view text, std::size_t begin, std::size_t end) {
  if (text.size() <= 3 * kExampleContext) return std::string(text);
  std::size_t from = begin > kExampleContext ? begin - kExampleContext : 0;
  std::size_t to = std::min(text.size(), end + kExampleContext);
  if (from > 0) {
    auto space = text.find(' ', from);
    from = space == std::string_view::npos || space >= begin ? begin : space + 1;
  }
  if (to < text.size()) {
    auto space = text.rfind(' ', to);
    to = space == std::string_view::npos || space < end ? end : space;
  }
  std::string out;
  if (from > 0) out += "… ";
  out += text.substr(from, to - from);
  if (to < text.size()) out += " …";
  return out;
}

}  // namespace

bool is_function_word(Lang lang, std::string_view key) {
  return lang == Lang::fr ? contains(kFrenchFunctionWords, key)
                          : contains(kEnglishFunctionWords, key);
}

bool is_linking_word(Lang lang, std::string_view key) {
  return lang == Lang::fr ? contains(kFrenchLinkingWords, key)
                          : contains(kEnglishLinkingWords, key);
}

bool abbreviates(std::string_view acronym, std::string_view long_form) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (acronym.empty() || !alnum(acronym.front()) || long_form.empty()) return false;
  // Right to left, each character of the acronym at the latest place it can be; the first one
  // only at the start of a word.
  std::size_t l = long_form.size();
  for (std::size_t s = acronym.size(); s-- > 0;) {
    const char c = acronym[s];
    if (!alnum(c)) continue;
    while (l > 0 && (long_form[l - 1] != c || (s == 0 && l > 1 && alnum(long_form[l - 2])))) --l;
    if (l == 0) return false;
    --l;
  }
  return l == 0;  // the long form starts where the acronym does
}

std::string lower_case(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

std::string term_form(std::string_view text) { return lower_case(collapse_spaces(text)); }

CandidateExtractor::CandidateExtractor(Lang lang, CandidateOptions options)
    : lang_(lang), options_(options), tokenizer_(lang), segmenter_(lang) {}

void CandidateExtractor::add_document(std::string_view text, std::int64_t document) {
  segmenter_.for_each_sentence(
      text, [&](std::string_view sentence) { add_sentence(sentence, document); });
}

double CandidateExtractor::verb_share(std::string_view stem) const {
  auto it = verb_contexts_.find(std::string(stem));
  if (it == verb_contexts_.end()) return 0;
  return it->second / std::max(1.0, static_cast<double>(stem_frequency(stem)));
}

std::uint32_t CandidateExtractor::stem_frequency(std::string_view stem) const {
  auto it = stem_frequency_.find(std::string(stem));
  return it == stem_frequency_.end() ? 0 : it->second;
}

std::vector<std::size_t> CandidateExtractor::add_sentence(std::string_view text,
                                                          std::int64_t document,
                                                          std::int64_t sentence_id) {
  std::vector<std::size_t> found;
  if (document != last_document_) {
    ++documents_seen_;
    last_document_ = document;
  }
  std::vector<Token> tokens = tokenizer_.tokenize(text);
  std::vector<Role> roles;
  roles.reserve(tokens.size());
  for (const Token& t : tokens) roles.push_back(role_of(lang_, t));
  drop_citations(tokens, roles);
  // A model or standard number after a name belongs to it ("NACA 4412", "Natura 2000"): after a
  // word in capitals or capitalised away from a sentence start ("Crew 4" opens a sentence). A
  // candidate never starts with the number.
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    const Token& name = tokens[i - 1];
    if (tokens[i].kind == TokenKind::Number && roles[i - 1] == Role::Content &&
        tokens[i].text.find_first_not_of("0123456789-") == std::string::npos &&
        (capital_letters_in(name.text) >= 2 ||
         (starts_upper(name.text) && !sentence_start(tokens, i - 1))))
      roles[i] = Role::Content;
  }
  // An article is a linking word only right after de/à ("production de l'électricité").
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (roles[i] != Role::Article) continue;
    bool after_link = i > 0 && roles[i - 1] == Role::Link &&
                      (tokens[i - 1].key == "de" || tokens[i - 1].key == "a");
    roles[i] = after_link ? Role::Link : Role::Boundary;
  }
  // Acronyms in parentheses ("(MLI)"), and those found to abbreviate the words before them.
  std::vector<bool> acronym(tokens.size(), false);
  std::vector<bool> defined(tokens.size(), false);
  for (std::size_t k = 1; k + 1 < tokens.size(); ++k)
    acronym[k] = roles[k] == Role::Content && tokens[k - 1].text == "(" &&
                 tokens[k + 1].text == ")" && capital_letters_in(tokens[k].text) >= 2;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (roles[i] != Role::Content) continue;
    stem_frequency_[tokens[i].stem]++;
    ++content_words_;
    if (tokens[i].kind == TokenKind::Number) continue;
    if (i > 0 && (lang_ == Lang::fr ? contains(kFrenchVerbCues, tokens[i - 1].key)
                                    : contains(kEnglishVerbCues, tokens[i - 1].key)))
      verb_contexts_[tokens[i].stem]++;
    std::size_t links_in_a_row = 0;
    for (std::size_t j = i; j < tokens.size() && j < i + options_.max_tokens; ++j) {
      if (roles[j] == Role::Boundary) break;
      if (roles[j] == Role::Link) {
        if (++links_in_a_row > 2) break;
        continue;
      }
      links_in_a_row = 0;
      if (!can_end_term(lang_, tokens[j].key)) continue;
      std::string term = term_form(text.substr(tokens[i].begin, tokens[j].end - tokens[i].begin));
      auto [it, inserted] = index_.try_emplace(term, candidates_.size());
      if (inserted) {
        TermCandidate c;
        c.term = term;
        c.token_count = j - i + 1;
        for (std::size_t k = i; k <= j; ++k) {
          c.keys.push_back(tokens[k].key);
          if (roles[k] != Role::Content) continue;
          c.stems.push_back(tokens[k].stem);
          c.words.push_back(tokens[k].key);
        }
        c.example_document = document;
        c.example_sentence = sentence_id;
        c.example_text = example_window(text, tokens[i].begin, tokens[j].end);
        candidates_.push_back(std::move(c));
      }
      TermCandidate& c = candidates_[it->second];
      if (std::find(found.begin(), found.end(), it->second) == found.end())
        found.push_back(it->second);
      ++c.frequency;
      if (starts_upper(tokens[i].text)) {
        ++c.capitalised;
        if (!sentence_start(tokens, i)) {
          ++c.capitalised_inside;
          if (c.cased.empty())
            c.cased =
                collapse_spaces(text.substr(tokens[i].begin, tokens[j].end - tokens[i].begin));
        }
      }
      if (i > 0 && (lang_ == Lang::fr ? contains(kFrenchDeterminers, tokens[i - 1].key)
                                      : contains(kEnglishDeterminers, tokens[i - 1].key)))
        ++c.after_determiner;
      if (i > 0 && roles[i - 1] == Role::Content) ++c.left_open;
      if (j + 1 < tokens.size() && roles[j + 1] == Role::Content) ++c.right_open;
      // Acronyms are short; longer words in capitals are headings or PDF debris.
      constexpr int kLongCapitals = 7;
      int capitals = 0;
      for (std::size_t k = i; k <= j; ++k)
        if (roles[k] == Role::Content)
          capitals = std::max(capitals, capital_letters(tokens[k].text));
      if (capitals >= 2) ++c.with_capitals_word;
      if (capitals >= kLongCapitals) ++c.with_long_capitals_word;
      if (j + 2 < tokens.size() && acronym[j + 2]) {
        std::string long_form;
        for (std::size_t k = i; k <= j; ++k) (long_form += tokens[k].key) += ' ';
        long_form.pop_back();
        if (abbreviates(tokens[j + 2].key, long_form)) {
          ++c.before_own_acronym;
          defined[j + 2] = true;
        }
      }
      if (i == j && defined[i]) ++c.as_defined_acronym;
      if (std::find(c.documents.begin(), c.documents.end(), document) == c.documents.end())
        c.documents.push_back(document);
    }
  }
  return found;
}

}  // namespace tandem
