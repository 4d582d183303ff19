#include "corpus/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>
#include <optional>
#include <string>
#include <unordered_map>

#include "corpus/error.h"
#include "corpus/stemmer.h"

namespace tandem {
namespace {

// ---------------------------------------------------------------------------------------------
// UTF-8 helpers

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// The code point starting at byte i (advances i). Invalid bytes yield U+FFFD.
UChar32 next_cp(std::string_view s, std::size_t& i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

void append_cp(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

// Spaces that may separate digit groups in a number ("50 000", "1 200 000"): the plain space, the
// no-break space French typography requires, and the narrow and thin spaces.
bool is_group_space(std::string_view s) {
  return s == " " || s == "\u00A0" || s == "\u202F" || s == "\u2009";
}

bool is_hyphen(std::string_view s) { return s == "-" || s == "\u2010" || s == "\u2011"; }

bool is_apostrophe_at(std::string_view s, std::size_t i, std::size_t& len) {
  if (i < s.size() && s[i] == '\'') {
    len = 1;
    return true;
  }
  if (s.substr(i, 3) == "\u2019") {
    len = 3;
    return true;
  }
  return false;
}

bool all_whitespace(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (!u_isUWhiteSpace(next_cp(s, i))) return false;
  }
  return true;
}

// Symbols by meaning: Unicode files %, ‰, #, &, @ and § under punctuation, but they stand for
// words ("percent", "number", "and", "at", "section") and match across languages like symbols.
bool is_symbol(UChar32 c) {
  switch (c) {
    case '%':
    case '#':
    case '&':
    case '@':
    case 0x00A7:  // §
    case 0x2030:  // ‰
    case 0x2031:  // ‱
      return true;
    default:
      break;
  }
  switch (u_charType(c)) {
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
      return true;
    default:
      return false;
  }
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Folding of one code point that case folding and mark removal leave alone but matching wants
// unified: typographic apostrophes, hyphen variants, the œ/æ ligatures.
bool fold_special(UChar32 c, std::string& out) {
  switch (c) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x02BC:  // ʼ
      out += '\'';
      return true;
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
      out += '-';
      return true;
    case 0x0153:  // œ
      out += "oe";
      return true;
    case 0x00E6:  // æ
      out += "ae";
      return true;
    default:
      return false;
  }
}

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw Error(std::string("ICU NFKC_Casefold: ") + u_errorName(status));
    return n;
  }();
  return *instance;
}

const icu::Normalizer2& nfd() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw Error(std::string("ICU NFD: ") + u_errorName(status));
    return n;
  }();
  return *instance;
}

const icu::Normalizer2& nfc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error(std::string("ICU NFC: ") + u_errorName(status));
    return n;
  }();
  return *instance;
}

// ---------------------------------------------------------------------------------------------
// Segments: ICU's word-break pieces, then merged and split by the rules below.

enum class SegKind { Space, Word, Number, Other };

struct Segment {
  std::size_t begin;
  std::size_t end;
  SegKind kind;
};

// French elided forms (without their apostrophe), lower case. Longest first so "qu" is not tried
// before "jusqu".
constexpr std::array<std::string_view, 14> kElisions = {
    "jusqu", "lorsqu", "puisqu", "presqu", "quoiqu", "qu", "l", "d", "j", "m", "n", "s", "t", "c"};

// Length in bytes of the elided prefix of a word, apostrophe included ("l'" → 2, "qu’" → 5), or 0.
std::size_t elision_length(std::string_view word) {
  for (std::string_view e : kElisions) {
    if (word.size() <= e.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < e.size() && match; ++i) match = ascii_lower(word[i]) == e[i];
    if (!match) continue;
    std::size_t apo = 0;
    if (!is_apostrophe_at(word, e.size(), apo)) continue;
    std::size_t rest = e.size() + apo;
    if (rest >= word.size()) continue;
    std::size_t i = rest;
    if (u_isalpha(next_cp(word, i))) return rest;
  }
  return 0;
}

// Length in bytes of an English possessive / contracted "'s" ending ("Russia's" → 2), or 0.
std::size_t possessive_length(std::string_view word) {
  auto ends_with_s = [&](std::size_t apo_len) {
    std::size_t n = apo_len + 1;
    if (word.size() <= n) return false;
    char s = word[word.size() - 1];
    if (s != 's' && s != 'S') return false;
    std::size_t len = 0;
    return is_apostrophe_at(word, word.size() - n, len) && len == apo_len;
  };
  if (ends_with_s(1)) return 2;
  if (ends_with_s(3)) return 4;
  return 0;
}

// "U.S", "e.g", "Ph.D": letters in short runs separated by single dots (ICU keeps these as one
// word and leaves the final dot apart).
bool is_dotted_abbreviation(std::string_view word) {
  if (word.find('.') == std::string_view::npos) return false;
  std::size_t run = 0;
  for (std::size_t i = 0; i < word.size();) {
    UChar32 c = next_cp(word, i);
    if (c == '.') {
      if (run == 0) return false;
      run = 0;
    } else if (u_isalpha(c)) {
      if (++run > 3) return false;
    } else {
      return false;
    }
  }
  return run > 0;
}

// The digits of the last group of a number written with group spaces so far ("1 200" → 3),
// or 0 if the number contains anything but digits and group spaces.
std::size_t last_digit_group(std::string_view number) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < number.size();) {
    std::size_t at = i;
    UChar32 c = next_cp(number, i);
    if (c >= '0' && c <= '9') {
      ++run;
    } else if (is_group_space(number.substr(at, i - at))) {
      run = 0;
    } else {
      return 0;
    }
  }
  return run;
}

// Whether a number segment can continue a space-grouped number: exactly three digits, then the
// end or a decimal part ("000", "000,50").
bool is_continuation_group(std::string_view number) {
  if (number.size() < 3) return false;
  for (std::size_t i = 0; i < 3; ++i)
    if (number[i] < '0' || number[i] > '9') return false;
  return number.size() == 3 || number[3] == ',' || number[3] == '.';
}

struct UTextDeleter {
  void operator()(UText* t) const { utext_close(t); }
};

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string fold_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  if (is_ascii(text)) {
    for (char c : text) out += ascii_lower(c);
    return out;
  }
  // Full case folding plus compatibility forms (ligatures, full-width letters, NBSP → space),
  // then diacritics dropped one code point at a time from its canonical decomposition.
  UErrorCode status = U_ZERO_ERROR;
  std::string folded;
  folded.reserve(text.size());
  icu::StringByteSink<std::string> sink(&folded);
  nfkc_casefold().normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                                sink, nullptr, status);
  if (U_FAILURE(status)) folded.assign(text);
  icu::UnicodeString decomposition;
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t at = i;
    UChar32 c = next_cp(folded, i);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    if (fold_special(c, out)) continue;
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (!nfd().getDecomposition(c, decomposition)) {
      out.append(folded, at, i - at);
      continue;
    }
    // Only take the decomposition apart when it carries marks (é → e); Hangul and the like stay.
    bool has_mark = false;
    for (int32_t k = 0; k < decomposition.length();) {
      UChar32 d = decomposition.char32At(k);
      if (u_charType(d) == U_NON_SPACING_MARK) has_mark = true;
      k += U16_LENGTH(d);
    }
    if (!has_mark) {
      out.append(folded, at, i - at);
      continue;
    }
    for (int32_t k = 0; k < decomposition.length();) {
      UChar32 d = decomposition.char32At(k);
      if (u_charType(d) != U_NON_SPACING_MARK && !fold_special(d, out)) append_cp(out, d);
      k += U16_LENGTH(d);
    }
  }
  return out;
}

std::string canonical_number(std::string_view text, Lang lang) {
  std::string digits;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t at = i;
    UChar32 c = next_cp(text, i);
    if (c >= '0' && c <= '9') {
      digits += static_cast<char>(c);
    } else if (c == '.' || c == ',') {
      // A separator followed by exactly three digits and then the end or another separator of
      // the same kind groups thousands; French uses the comma as its decimal mark, English the
      // point, so the other one groups.
      std::size_t k = i;
      while (k < text.size() && text[k] >= '0' && text[k] <= '9') ++k;
      bool three = k - i == 3 && (k == text.size() || text[k] == static_cast<char>(c));
      char decimal = lang == Lang::en ? '.' : ',';
      if (lang == Lang::und) decimal = three ? '\0' : static_cast<char>(c);
      if (static_cast<char>(c) == decimal)
        digits += '.';
      else if (!three)
        digits += static_cast<char>(c);
    } else if (is_group_space(text.substr(at, i - at))) {
      continue;
    } else {
      digits.append(text, at, i - at);
    }
  }
  return digits;
}

struct Tokenizer::Impl {
  Lang lang;
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<UText, UTextDeleter> utext;
  std::optional<Stemmer> stemmer;  // none with Stems::none or Lang::und
  std::vector<Segment> segments;   // reused between calls

  Impl(Lang l, Stems stems) : lang(l) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale(l == Lang::und ? "" : std::string(to_tag(l)).c_str());
    words.reset(icu::BreakIterator::createWordInstance(locale, status));
    if (U_FAILURE(status) || !words)
      throw Error(std::string("cannot create the ICU word iterator: ") + u_errorName(status));
    if (stems == Stems::snowball && l != Lang::und) stemmer.emplace(l);
  }

  void break_words(std::string_view text) {
    segments.clear();
    UErrorCode status = U_ZERO_ERROR;
    // Reopening the same UText and resetting the same iterator avoids allocating per call; the
    // UTF-8 UText gives boundaries as byte offsets directly.
    UText* ut =
        utext_openUTF8(utext.release(), text.data(), static_cast<int64_t>(text.size()), &status);
    utext.reset(ut);
    if (U_FAILURE(status)) throw Error(std::string("ICU UText: ") + u_errorName(status));
    words->setText(ut, status);
    if (U_FAILURE(status)) throw Error(std::string("ICU word iterator: ") + u_errorName(status));
    int32_t start = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE; end = words->next()) {
      int32_t rule = words->getRuleStatus();
      std::string_view piece = text.substr(start, end - start);
      SegKind kind = SegKind::Other;
      if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT)
        kind = SegKind::Number;
      else if (rule >= UBRK_WORD_LETTER)
        kind = SegKind::Word;
      else if (all_whitespace(piece))
        kind = SegKind::Space;
      segments.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end), kind});
      start = end;
    }
  }

  std::string_view view(std::string_view text, const Segment& s) const {
    return text.substr(s.begin, s.end - s.begin);
  }

  // Joins ICU's pieces where Tandem wants one token: space-grouped numbers, hyphenated compounds,
  // dotted abbreviations with their final dot.
  void merge(std::string_view text) {
    std::vector<Segment> merged;
    merged.reserve(segments.size());
    for (std::size_t i = 0; i < segments.size(); ++i) {
      Segment cur = segments[i];
      if (cur.kind == SegKind::Number) {
        while (i + 2 < segments.size() && segments[i + 2].kind == SegKind::Number &&
               is_group_space(view(text, segments[i + 1]))) {
          std::size_t group = last_digit_group(view(text, cur));
          if (group == 0 || group > 3 || !is_continuation_group(view(text, segments[i + 2]))) break;
          cur.end = segments[i + 2].end;
          i += 2;
        }
      }
      if (cur.kind == SegKind::Word || cur.kind == SegKind::Number) {
        while (i + 2 < segments.size() && is_hyphen(view(text, segments[i + 1])) &&
               (segments[i + 2].kind == SegKind::Word || segments[i + 2].kind == SegKind::Number)) {
          if (segments[i + 2].kind == SegKind::Word) cur.kind = SegKind::Word;
          cur.end = segments[i + 2].end;
          i += 2;
        }
      }
      if (cur.kind == SegKind::Word && i + 1 < segments.size() &&
          view(text, segments[i + 1]) == "." && is_dotted_abbreviation(view(text, cur))) {
        cur.end = segments[i + 1].end;
        ++i;
      }
      merged.push_back(cur);
    }
    segments.swap(merged);
  }

  // Snowball is deterministic and a text repeats its words, so stems are memoised per key
  // (cleared when it grows past kMaxStemCache keys, to bound memory on huge corpora).
  static constexpr std::size_t kMaxStemCache = 1 << 16;
  std::unordered_map<std::string, std::string> stem_cache;

  std::string stem_of(const std::string& key) {
    if (!stemmer) return key;
    if (auto hit = stem_cache.find(key); hit != stem_cache.end()) return hit->second;
    std::string stem = (*stemmer)(key);
    if (stem_cache.size() >= kMaxStemCache) stem_cache.clear();
    stem_cache.emplace(key, stem);
    return stem;
  }

  void emit(std::string_view text, std::size_t begin, std::size_t end, TokenKind kind,
            bool normalize, bool stem, std::vector<Token>& out) {
    Token t;
    t.text.assign(text.substr(begin, end - begin));
    if (normalize) {
      UErrorCode status = U_ZERO_ERROR;
      std::string n;
      icu::StringByteSink<std::string> sink(&n);
      nfc().normalizeUTF8(0, icu::StringPiece(t.text.data(), static_cast<int32_t>(t.text.size())),
                          sink, nullptr, status);
      if (U_SUCCESS(status)) t.text.swap(n);
    }
    t.key = fold_key(t.text);
    t.stem = stem ? stem_of(t.key) : t.key;
    t.kind = kind;
    t.begin = begin;
    t.end = end;
    out.push_back(std::move(t));
  }

  std::vector<Token> tokenize(std::string_view text, bool words_only) {
    std::vector<Token> out;
    if (text.empty()) return out;
    break_words(text);
    merge(text);
    bool normalize = false;
    if (!is_ascii(text)) {
      UErrorCode status = U_ZERO_ERROR;
      normalize = !nfc().isNormalizedUTF8(
          icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
    }
    out.reserve(segments.size());
    for (const Segment& s : segments) {
      std::string_view piece = view(text, s);
      switch (s.kind) {
        case SegKind::Space:
          break;
        case SegKind::Number:
          emit(text, s.begin, s.end, TokenKind::Number, normalize, false, out);
          break;
        case SegKind::Word: {
          std::size_t begin = s.begin;
          std::size_t end = s.end;
          if (std::size_t e = elision_length(piece)) {
            emit(text, begin, begin + e, TokenKind::Word, normalize, false, out);
            begin += e;
          }
          std::size_t p = possessive_length(text.substr(begin, end - begin));
          emit(text, begin, end - p, TokenKind::Word, normalize, true, out);
          if (p) emit(text, end - p, end, TokenKind::Word, normalize, false, out);
          break;
        }
        case SegKind::Other: {
          if (words_only) break;
          std::size_t i = 0;
          TokenKind kind = is_symbol(next_cp(piece, i)) ? TokenKind::Symbol : TokenKind::Punct;
          emit(text, s.begin, s.end, kind, normalize, false, out);
          break;
        }
      }
    }
    return out;
  }
};

Tokenizer::Tokenizer(Lang lang, Stems stems) : impl_(std::make_unique<Impl>(lang, stems)) {}
Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

Lang Tokenizer::lang() const { return impl_->lang; }

std::vector<Token> Tokenizer::tokenize(std::string_view text) {
  return impl_->tokenize(text, false);
}

std::vector<Token> Tokenizer::words(std::string_view text) { return impl_->tokenize(text, true); }

}  // namespace tandem
