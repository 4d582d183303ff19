#include "corpus/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <vector>

#include "corpus/error.h"

namespace tandem {
namespace {

void append_utf8(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out.append(buffer, length);
}

std::string to_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw Error(std::string("ICU NFC unavailable: ") + u_errorName(status));
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                     nullptr, status);
  if (U_FAILURE(status))
    throw Error(std::string("NFC normalisation failed: ") + u_errorName(status));
  return out;
}

bool is_line_break(UChar32 c) {
  return c == '\n' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// Characters that carry nothing visible: controls, and format characters (soft hyphen, BOM,
// zero-width space, bidi marks) except the joiner emoji sequences need.
bool is_invisible(UChar32 c) {
  int8_t type = u_charType(c);
  return type == U_CONTROL_CHAR || (type == U_FORMAT_CHAR && c != 0x200D);
}

bool is_space(UChar32 c) { return c == '\t' || u_charType(c) == U_SPACE_SEPARATOR; }

// French words that end in an elided vowel, written before a vowel with an apostrophe.
constexpr std::array<std::string_view, 15> kFrenchElisions = {
    "l",  "d",     "j",      "m",      "n",      "s",      "t",      "c",
    "qu", "jusqu", "lorsqu", "puisqu", "presqu", "quoiqu", "aujourd"};

bool is_elision(std::string_view letters, Lang lang) {
  std::string lower;
  for (char ch : letters) lower += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  if (lang == Lang::en) return lower.size() == 1;  // O’Brien, D’Angelo
  for (std::string_view e : kFrenchElisions) {
    if (lower == e) return true;
  }
  return false;
}

// A token that looks like a URL or an address, where '?' is a query separator.
bool in_url_like_token(std::string_view line, std::size_t pos) {
  std::size_t begin = line.rfind(' ', pos);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  std::size_t end = line.find(' ', pos);
  std::string_view token = line.substr(begin, end == std::string_view::npos ? end : end - begin);
  return token.find_first_of("/=&@") != std::string_view::npos ||
         token.find("www.") != std::string_view::npos;
}

// Repairs '?' standing for an apostrophe inside a word (see the header).
int repair_apostrophes(std::string& line, Lang lang) {
  int repaired = 0;
  std::string out;
  std::size_t word_begin = 0;  // byte offset in `out` where the current run of letters began
  for (std::size_t i = 0; i < line.size();) {
    std::size_t start = i;
    UChar32 c;
    U8_NEXT(line.data(), i, line.size(), c);
    if (c == '?' && start > 0 && i < line.size()) {
      auto before = static_cast<int32_t>(start);
      UChar32 prev;
      U8_PREV(line.data(), 0, before, prev);
      UChar32 next;
      std::size_t after = i;
      U8_NEXT(line.data(), after, line.size(), next);
      bool letters_around = u_isalpha(prev) && u_isalpha(next);
      if (letters_around && !in_url_like_token(line, start) &&
          (!u_isupper(next) || is_elision(std::string_view(out).substr(word_begin), lang))) {
        out += "\u2019";
        ++repaired;
        word_begin = out.size();
        continue;
      }
    }
    if (!u_isalpha(c)) word_begin = out.size() + (i - start);
    out.append(line, start, i - start);
  }
  line = std::move(out);
  return repaired;
}

// Splits into lines with spaces collapsed and trimmed and invisible characters removed.
std::vector<std::string> clean_lines(std::string_view text, NormalizeStats& stats) {
  std::vector<std::string> lines(1);
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c < 0) c = 0xFFFD;
    if (c == '\r') {
      if (i < text.size() && text[i] == '\n') ++i;
      c = '\n';
    }
    if (is_line_break(c)) {
      lines.emplace_back();
      pending_space = false;
    } else if (is_space(c)) {
      pending_space = !lines.back().empty();
    } else if (is_invisible(c)) {
      ++stats.characters_removed;
    } else {
      if (pending_space) lines.back() += ' ';
      pending_space = false;
      append_utf8(lines.back(), c);
    }
  }
  return lines;
}

}  // namespace

std::string normalize_text(std::string_view text, Lang lang, NormalizeStats* stats) {
  NormalizeStats local;
  NormalizeStats& counts = stats ? *stats : local;
  std::vector<std::string> lines = clean_lines(to_nfc(text), counts);
  std::string out;
  out.reserve(text.size());
  bool blank_pending = false;
  for (std::string& line : lines) {
    if (line.empty()) {
      blank_pending = !out.empty();
      continue;
    }
    counts.apostrophes_repaired += repair_apostrophes(line, lang);
    if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
    blank_pending = false;
    out += line;
  }
  return out;
}

std::optional<std::string_view> fold_typography_char(char32_t c) {
  switch (c) {
    case U'\u2019':
    case U'\u2018':
    case U'\u201B':
    case U'\u2032':
    case U'\u02BC':
      return "'";
    case U'\u201C':
    case U'\u201D':
    case U'\u201E':
    case U'\u201F':
    case U'\u00AB':
    case U'\u00BB':
    case U'\u2039':
    case U'\u203A':
    case U'\u2033':
      return "\"";
    case U'\u2010':
    case U'\u2011':
    case U'\u2012':
    case U'\u2013':
    case U'\u2014':
    case U'\u2015':
    case U'\u2212':
      return "-";
    case U'\u2026':
      return "...";
    default:
      return std::nullopt;
  }
}

std::string fold_typography(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    auto folded = c < 0 ? std::nullopt : fold_typography_char(static_cast<char32_t>(c));
    if (folded) {
      out += *folded;
    } else {
      out.append(text, start, i - start);
    }
  }
  return out;
}

}  // namespace tandem
