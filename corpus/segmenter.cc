#include "corpus/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <span>
#include <string>

#include "corpus/error.h"

namespace tandem {
namespace {

// ---------------------------------------------------------------------------------------------
// Abbreviations after which a full stop does not end the sentence, per language. Matched
// case-sensitively on the text just before a candidate break, at a word start.
//
// Titles are always followed by a name. The others are abbreviations that practically never end
// a sentence. Abbreviations that often do end one (etc., Inc., Ltd., Co., Corp., Jr.) are left
// to the general rules: no break when the next word starts in lower case.

constexpr std::string_view kFrenchAbbreviations[] = {
    // titles
    "M.", "MM.", "Mme.", "Mmes.", "Mlle.", "Mlles.", "Mgr.", "Dr.", "Pr.", "Me.", "St.", "Ste.",
    "Mr.", "Mrs.", "Ms.", "Prof.", "Gén.", "Gal.", "Col.", "Lt.", "Cdt.", "Sgt.", "Cne.",
    // references and Latin
    "p. ex.", "P. ex.", "cf.", "Cf.", "vol.", "Vol.", "no.", "No.", "n.", "art.", "Art.", "av.",
    "apr.", "chap.", "fig.", "Fig.", "env.", "éd.", "p.", "pp.", "c.-à-d.", "c-à-d.", "ex.", "op.",
    "réf.", "tél.", "Tél."};

constexpr std::string_view kEnglishAbbreviations[] = {
    // titles
    "Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Prof.", "St.", "Gen.", "Col.", "Lt.", "Capt.", "Cpt.",
    "Sgt.", "Maj.", "Adm.", "Cmdr.", "Sen.", "Rep.", "Gov.", "Pres.", "Rev.", "Hon.", "Fr.", "Mt.",
    "Ft.",
    // references and Latin
    "e.g.", "i.e.", "cf.", "Cf.", "vs.", "viz.", "vol.", "Vol.", "No.", "Nos.", "Art.", "art.",
    "fig.", "Fig.", "approx.", "ca.", "pp.", "p.", "ch.", "Ch.", "eq.", "Eq.", "ed.", "eds.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."};

std::span<const std::string_view> abbreviations(Lang lang) {
  if (lang == Lang::en) return kEnglishAbbreviations;
  return kFrenchAbbreviations;
}

// ---------------------------------------------------------------------------------------------
// UTF-8 scanning

UChar32 cp_at(std::string_view s, std::size_t i, std::size_t& next) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  next = static_cast<std::size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

UChar32 cp_before(std::string_view s, std::size_t i, std::size_t& prev) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_PREV(s.data(), 0, pos, c);
  prev = static_cast<std::size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    std::size_t next;
    if (!u_isUWhiteSpace(cp_at(s, i, next))) break;
    i = next;
  }
  return i;
}

std::size_t trim_space_back(std::string_view s, std::size_t end, std::size_t floor) {
  while (end > floor) {
    std::size_t prev;
    if (!u_isUWhiteSpace(cp_before(s, end, prev))) break;
    end = prev;
  }
  return end;
}

bool is_opening_quote(UChar32 c) {
  return c == 0x00AB /* « */ || c == 0x201C /* “ */ || c == 0x2018 || c == 0x201E || c == '"' ||
         c == '(' || c == '[';
}

// A quote that closes: » and ” always; straight quotes and ’ when what follows is a space, the end
// or punctuation (an apostrophe inside a word is followed by a letter).
bool is_closing_quote_at(std::string_view s, std::size_t i, std::size_t& next) {
  UChar32 c = cp_at(s, i, next);
  if (c == 0x00BB || c == 0x201D || c == 0x203A) return true;
  if (c != '"' && c != 0x2019 && c != '\'') return false;
  if (next >= s.size()) return true;
  std::size_t after;
  UChar32 d = cp_at(s, next, after);
  return u_isUWhiteSpace(d) || u_ispunct(d);
}

bool is_dash(UChar32 c) { return c == '-' || c == 0x2013 || c == 0x2014; }

bool is_word_char(UChar32 c) { return u_isalnum(c) || c == '.' || c == '-'; }

}  // namespace

struct Segmenter::Impl {
  Lang lang;
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<UText, decltype(&utext_close)> utext{nullptr, &utext_close};

  explicit Impl(Lang l) : lang(l) {
    UErrorCode status = U_ZERO_ERROR;
    // Not "ss=standard": ICU's suppression lists match inside words (they keep "les CDC. Les" and
    // "grippaux. En" together); the table above does that job.
    const char* locale = l == Lang::fr ? "fr" : l == Lang::en ? "en" : "";
    sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(locale), status));
    if (U_FAILURE(status) || !sentences)
      throw Error(std::string("cannot create the ICU sentence iterator: ") + u_errorName(status));
  }

  std::vector<std::size_t> icu_breaks(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    utext.reset(
        utext_openUTF8(utext.release(), text.data(), static_cast<int64_t>(text.size()), &status));
    if (U_FAILURE(status)) throw Error(std::string("ICU UText: ") + u_errorName(status));
    sentences->setText(utext.get(), status);
    if (U_FAILURE(status))
      throw Error(std::string("ICU sentence iterator: ") + u_errorName(status));
    std::vector<std::size_t> breaks;
    sentences->first();
    for (int32_t b = sentences->next(); b != icu::BreakIterator::DONE; b = sentences->next())
      if (static_cast<std::size_t>(b) < text.size()) breaks.push_back(static_cast<std::size_t>(b));
    return breaks;
  }

  // Breaks ICU misses: after an ellipsis ("…" or "...") followed by a capitalised word, and
  // before a dash opening a new sentence or speech turn after a full stop (". - Monsieur le
  // Président", where ICU's rules keep the dash with what precedes).
  static void add_missed_breaks(std::string_view text, std::vector<std::size_t>& breaks) {
    for (std::size_t i = 0; i < text.size();) {
      std::size_t end = 0;
      bool ellipsis = true;
      if (text.substr(i, 3) == "\u2026") {
        end = i + 3;
      } else if (text.substr(i, 3) == "...") {
        end = i + 3;
        while (end < text.size() && text[end] == '.') ++end;
      } else if (text[i] == '.' || text[i] == '?' || text[i] == '!') {
        end = i + 1;
        ellipsis = false;
      } else {
        ++i;
        continue;
      }
      std::size_t after = skip_space(text, end);
      if (after > end && after < text.size()) {
        std::size_t next;
        UChar32 c = cp_at(text, after, next);
        if (!ellipsis) {
          if (is_dash(c) && next < text.size() && skip_space(text, next) > next &&
              u_isupper(cp_at(text, skip_space(text, next), next)))
            breaks.push_back(after);
        } else {
          while (is_opening_quote(c) && next < text.size())
            c = cp_at(text, skip_space(text, next), next);
          if (u_isupper(c)) breaks.push_back(after);
        }
      }
      i = end;
    }
  }

  // Moves a break past closing quotes that belong to the sentence before it: `fin. » Suite`.
  static std::size_t past_closers(std::string_view text, std::size_t b) {
    for (;;) {
      std::size_t q = skip_space(text, b);
      std::size_t next;
      if (q >= text.size() || !is_closing_quote_at(text, q, next)) return b;
      // Only when the quote really closes what came before, i.e. the break is right after
      // sentence-final punctuation (possibly with spaces in between, as French typography wants).
      std::size_t before = trim_space_back(text, b, 0);
      std::size_t prev;
      UChar32 c = before > 0 ? cp_before(text, before, prev) : 0;
      if (c != '.' && c != '?' && c != '!' && c != 0x2026 && c != 0x00BB && c != 0x201D &&
          c != '"' && c != 0x2019)
        return b;
      b = next;
    }
  }

  bool ends_with_abbreviation(std::string_view text, std::size_t b) const {
    std::size_t end = trim_space_back(text, b, 0);
    std::string_view head = text.substr(0, end);
    if (head.empty() || head.back() != '.') return false;
    for (std::string_view a : abbreviations(lang)) {
      if (head.size() < a.size() || head.substr(head.size() - a.size()) != a) continue;
      std::size_t start = head.size() - a.size();
      std::size_t prev;
      if (start == 0 || !u_isalnum(cp_before(head, start, prev))) return true;
    }
    // An initial: one capital letter and a point, as in "J. Watson", "John F. Kennedy", "U.S."
    // (but not "J.-C.", which ends many a sentence: "en 52 av. J.-C. Les Romains ...").
    std::size_t letter_start;
    UChar32 letter = cp_before(head, head.size() - 1, letter_start);
    if (!u_isupper(letter)) return false;
    if (letter_start == 0) return true;
    std::size_t prev;
    UChar32 c = cp_before(head, letter_start, prev);
    if (c == '-') return false;
    return !is_word_char(c) || c == '.';
  }

  static bool starts_lower_case(std::string_view text, std::size_t b) {
    std::size_t i = skip_space(text, b);
    while (i < text.size()) {
      std::size_t next;
      UChar32 c = cp_at(text, i, next);
      if (is_opening_quote(c)) {
        i = skip_space(text, next);
        continue;
      }
      return u_islower(c);
    }
    return false;
  }

  std::vector<SentenceSpan> split(std::string_view text) {
    std::vector<std::size_t> candidates = icu_breaks(text);
    add_missed_breaks(text, candidates);
    std::sort(candidates.begin(), candidates.end());

    std::vector<SentenceSpan> spans;
    std::size_t start = 0;
    auto close = [&](std::size_t end) {
      std::size_t b = skip_space(text, start);
      std::size_t e = trim_space_back(text, end, b);
      if (e > b) spans.push_back({b, e});
      start = end;
    };
    for (std::size_t b : candidates) {
      if (b <= start) continue;
      b = past_closers(text, b);
      if (skip_space(text, b) >= text.size()) break;
      if (starts_lower_case(text, b) || ends_with_abbreviation(text, b)) continue;
      close(b);
    }
    close(text.size());
    return spans;
  }
};

Segmenter::Segmenter(Lang lang) : impl_(std::make_unique<Impl>(lang)) {}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

std::vector<SentenceSpan> Segmenter::split(std::string_view paragraph) {
  return impl_->split(paragraph);
}

std::vector<std::string> Segmenter::sentences(std::string_view paragraph) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : split(paragraph))
    out.emplace_back(paragraph.substr(s.begin, s.end - s.begin));
  return out;
}

void Segmenter::for_each_sentence(std::string_view text,
                                  const std::function<void(std::string_view)>& visit) {
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    for (const SentenceSpan& s : split(line)) visit(line.substr(s.begin, s.end - s.begin));
  }
}

}  // namespace tandem
