#include "corpus/text_reader.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "corpus/error.h"

namespace tandem {
namespace {

// Above this share of control characters a file is data, not text.
constexpr double kMaxControlShare = 0.10;
// Legacy 8-bit text is only guessed for bytes with at most this share of control characters.
constexpr double kMaxLegacyControlShare = 0.005;
// The charset detector's confidence (0-100) needed before we read bytes as legacy Latin text.
constexpr int32_t kMinLegacyConfidence = 20;

bool is_text_control(unsigned char c) {
  return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1B;
}

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("{}0x{:02X}", out.empty() ? "" : " ", c);
  return out;
}

// Control characters that have no business in text. Controls are single ASCII bytes in any
// ASCII-compatible encoding, and in UTF-8 produced from UTF-16/32.
std::size_t count_controls(std::string_view bytes) {
  return std::count_if(bytes.begin(), bytes.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 || c == 0x7F) && !is_text_control(c);
  });
}

// Refuses data that is not text: any NUL byte, or a high share of control characters.
void refuse_binary(std::string_view bytes, const std::string& name) {
  if (std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    throw Error(Location::at_byte(name, nul), "binary file (NUL byte), not text");
  }
  std::size_t controls = count_controls(bytes);
  if (!bytes.empty() && static_cast<double>(controls) / bytes.size() > kMaxControlShare) {
    throw Error(Location::in_file(name),
                fmt::format("binary file ({} control characters in {} bytes), not text", controls,
                            bytes.size()));
  }
}

void refuse_blank(std::string_view utf8, const std::string& name) {
  for (std::size_t i = 0; i < utf8.size();) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, utf8.size(), c);
    if (c < 0 || (!u_isUWhiteSpace(c) && c != 0xFEFF)) return;
  }
  throw Error(Location::in_file(name), "empty file (nothing but white space)");
}

std::string normalize_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
      continue;
    }
    out += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return out;
}

struct Utf8Scan {
  std::optional<std::size_t> first_bad;  // byte offset of the first ill-formed sequence
  std::size_t bad_length = 0;            // its length (maximal subpart, as U8_NEXT counts)
  std::size_t bad_count = 0;
  std::size_t multibyte_count = 0;  // well-formed non-ASCII characters
};

Utf8Scan scan_utf8(std::string_view bytes) {
  Utf8Scan scan;
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t start = i;
    UChar32 c;
    U8_NEXT(bytes.data(), i, bytes.size(), c);
    if (c < 0) {
      if (!scan.first_bad) {
        scan.first_bad = start;
        scan.bad_length = i - start;
      }
      ++scan.bad_count;
    } else if (c >= 0x80) {
      ++scan.multibyte_count;
    }
  }
  return scan;
}

// UTF-8 with every ill-formed sequence replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + 16);
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t start = i;
    UChar32 c;
    U8_NEXT(bytes.data(), i, bytes.size(), c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(bytes.substr(start, i - start));
    }
  }
  return out;
}

std::string replacement_warning(std::size_t count, std::size_t first_offset) {
  return fmt::format("replaced {} invalid byte sequence{} with U+FFFD (first at byte {})", count,
                     count == 1 ? "" : "s", first_offset);
}

// Converts bytes in `charset` to UTF-8 with an ICU converter. Ill-formed input is an error at
// its byte offset (offsets are reported from `base`, the start of the bytes in the file), or
// U+FFFD with a warning under replace_invalid.
std::string convert_to_utf8(std::string_view bytes, const char* charset, std::size_t base,
                            const std::string& name, const ReadOptions& options,
                            std::vector<std::string>& warnings) {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUConverterPointer converter(ucnv_open(charset, &status));
  if (U_FAILURE(status)) {
    throw Error(Location::in_file(name),
                fmt::format("cannot open a {} converter: {}", charset, u_errorName(status)));
  }
  // STOP makes the converter report each bad sequence to us instead of substituting silently.
  ucnv_setToUCallBack(converter.getAlias(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                      &status);
  // Every input byte yields at most one UTF-16 unit (U+FFFD included) for the charsets we use,
  // except that a 4-byte UTF-8/UTF-32 sequence yields two: bytes.size() + 1 always suffices.
  std::u16string units(bytes.size() + 1, u'\0');
  const char* source = bytes.data();
  const char* source_end = source + bytes.size();
  char16_t* target = units.data();
  char16_t* target_end = target + units.size();
  std::size_t replaced = 0;
  std::size_t first_offset = 0;
  for (;;) {
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.getAlias(), &target, target_end, &source, source_end, nullptr, true,
                   &status);
    if (U_SUCCESS(status)) break;
    if (status != U_ILLEGAL_CHAR_FOUND && status != U_INVALID_CHAR_FOUND &&
        status != U_TRUNCATED_CHAR_FOUND) {
      throw Error(Location::in_file(name),
                  fmt::format("cannot decode as {}: {}", charset, u_errorName(status)));
    }
    char bad[32];
    int8_t bad_length = sizeof bad;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.getAlias(), bad, &bad_length, &ignored);
    std::size_t offset = base + static_cast<std::size_t>(source - bytes.data()) - bad_length;
    if (!options.replace_invalid) {
      throw Error(
          Location::at_byte(name, offset),
          fmt::format("invalid {} ({})", charset, hex_bytes(std::string_view(bad, bad_length))));
    }
    if (replaced++ == 0) first_offset = offset;
    *target++ = u'\xFFFD';
  }
  if (replaced > 0) warnings.push_back(replacement_warning(replaced, first_offset));
  std::string utf8;
  icu::UnicodeString(false, units.data(), static_cast<int32_t>(target - units.data()))
      .toUTF8String(utf8);
  return utf8;
}

// Byte-order marks, longest first (the UTF-32LE mark begins with the UTF-16LE one).
struct Bom {
  std::string_view bytes;
  const char* charset;
};
constexpr Bom kBoms[] = {
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {std::string_view("\xEF\xBB\xBF", 3), "UTF-8"},
    {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
    {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
};

// UTF-16 without a byte-order mark shows as NUL bytes on one side of most code units (Latin
// text has a zero high byte). Returns the charset when the pattern is unmistakable.
const char* guess_bomless_utf16(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.size() % 2 != 0) return nullptr;
  std::size_t sample = std::min<std::size_t>(bytes.size(), 8192);
  std::size_t even_nul = 0, odd_nul = 0;
  for (std::size_t i = 0; i < sample; ++i) {
    if (bytes[i] == '\0') ++(i % 2 == 0 ? even_nul : odd_nul);
  }
  double half = sample / 2.0;
  if (odd_nul > 0.6 * half && even_nul < 0.02 * half) return "UTF-16LE";
  if (even_nul > 0.6 * half && odd_nul < 0.02 * half) return "UTF-16BE";
  return nullptr;
}

struct Detected {
  std::string charset;
  int32_t confidence = 0;
};

// ICU's statistical charset detector: the best single-byte Latin reading of the bytes, if the
// detector ranks one first among the legacy encodings.
std::optional<Detected> detect_legacy_latin(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUCharsetDetectorPointer detector(ucsdet_open(&status));
  ucsdet_setText(detector.getAlias(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.getAlias(), &count, &status);
  if (U_FAILURE(status)) return std::nullopt;
  for (int32_t i = 0; i < count; ++i) {
    std::string charset = ucsdet_getName(matches[i], &status);
    int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_FAILURE(status)) return std::nullopt;
    // The Unicode recognisers are irrelevant here: the bytes already failed as UTF-8.
    if (charset.starts_with("UTF-")) continue;
    if ((charset == "ISO-8859-1" || charset == "windows-1252") &&
        confidence >= kMinLegacyConfidence) {
      return Detected{charset, confidence};
    }
    return std::nullopt;  // the best legacy reading is not Latin-1: not ours to guess
  }
  return std::nullopt;
}

DecodedText finish(std::string utf8, std::string encoding, std::vector<std::string> warnings,
                   const std::string& name) {
  refuse_blank(utf8, name);
  return DecodedText{normalize_newlines(utf8), std::move(encoding), std::move(warnings)};
}

DecodedText decode_unicode_with_bom(std::string_view bytes, const Bom& bom, const std::string& name,
                                    const ReadOptions& options) {
  std::string_view body = bytes.substr(bom.bytes.size());
  std::vector<std::string> warnings;
  std::string utf8;
  if (std::string_view(bom.charset) == "UTF-8") {
    refuse_binary(body, name);
    Utf8Scan scan = scan_utf8(body);
    if (scan.first_bad) {
      if (!options.replace_invalid) {
        throw Error(Location::at_byte(name, bom.bytes.size() + *scan.first_bad),
                    fmt::format("invalid UTF-8 ({})",
                                hex_bytes(body.substr(*scan.first_bad, scan.bad_length))));
      }
      warnings.push_back(replacement_warning(scan.bad_count, bom.bytes.size() + *scan.first_bad));
      utf8 = replace_invalid_utf8(body);
    } else {
      utf8 = body;
    }
  } else {
    utf8 = convert_to_utf8(body, bom.charset, bom.bytes.size(), name, options, warnings);
    refuse_binary(utf8, name);
  }
  return finish(std::move(utf8), bom.charset, std::move(warnings), name);
}

}  // namespace

DecodedText decode_text(std::string_view bytes, const std::string& name,
                        const ReadOptions& options) {
  if (bytes.empty()) throw Error(Location::in_file(name), "empty file");
  for (const Bom& bom : kBoms) {
    if (bytes.starts_with(bom.bytes)) return decode_unicode_with_bom(bytes, bom, name, options);
  }
  if (bytes.find('\0') != std::string_view::npos) {
    if (const char* charset = guess_bomless_utf16(bytes)) {
      std::vector<std::string> warnings{
          fmt::format("no byte-order mark: read as {} from the pattern of zero bytes", charset)};
      std::string utf8 = convert_to_utf8(bytes, charset, 0, name, options, warnings);
      refuse_binary(utf8, name);
      return finish(std::move(utf8), charset, std::move(warnings), name);
    }
  }
  refuse_binary(bytes, name);

  Utf8Scan scan = scan_utf8(bytes);
  if (!scan.first_bad) return finish(std::string(bytes), "UTF-8", {}, name);

  // Not UTF-8. In legacy 8-bit text a byte pair that is also well-formed UTF-8 is rare (an
  // accented capital followed by a symbol); a file with a fair share of well-formed multi-byte
  // characters among the bad ones is damaged UTF-8, whatever the detector would say.
  // Legacy text has (next to) no stray control characters either.
  bool clean = static_cast<double>(count_controls(bytes)) <= kMaxLegacyControlShare * bytes.size();
  if (clean && scan.multibyte_count * 4 <= scan.bad_count) {
    if (auto legacy = detect_legacy_latin(bytes)) {
      std::vector<std::string> warnings{
          fmt::format("not UTF-8: read as {} (legacy 8-bit encoding, detector confidence {}%); "
                      "check the accented letters",
                      legacy->charset, legacy->confidence)};
      // windows-1252 is a superset of ISO-8859-1's printable characters, and what web pages
      // labelled ISO-8859-1 really use.
      std::string utf8 = convert_to_utf8(bytes, "windows-1252", 0, name, options, warnings);
      return finish(std::move(utf8), legacy->charset, std::move(warnings), name);
    }
  }
  if (!options.replace_invalid) {
    throw Error(Location::at_byte(name, *scan.first_bad),
                fmt::format("invalid UTF-8 ({}) and not recognisable legacy Latin text",
                            hex_bytes(bytes.substr(*scan.first_bad, scan.bad_length))));
  }
  return finish(replace_invalid_utf8(bytes), "UTF-8",
                {replacement_warning(scan.bad_count, *scan.first_bad)}, name);
}

namespace {

std::string read_file_bytes(const std::string& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    throw Error(Location::in_file(path), "file not found");
  }
  if (std::filesystem::is_directory(status)) {
    throw Error(Location::in_file(path), "is a directory, not a text file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(Location::in_file(path), fmt::format("cannot open: {}", std::strerror(errno)));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    throw Error(Location::in_file(path), fmt::format("cannot read: {}", std::strerror(errno)));
  }
  return std::move(buffer).str();
}

}  // namespace

DecodedText read_text_file(const std::string& path, const ReadOptions& options) {
  return decode_text(read_file_bytes(path), path, options);
}

SegmentFile read_segment_file(const std::string& path, const ReadOptions& options) {
  std::string bytes = read_file_bytes(path);
  if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) return {};
  DecodedText text = decode_text(bytes, path, options);
  SegmentFile file;
  file.warnings = std::move(text.warnings);
  std::string_view rest = text.utf8;
  if (rest.ends_with('\n')) rest.remove_suffix(1);  // a final line end ends the last line
  while (true) {
    std::size_t end = rest.find('\n');
    file.lines.emplace_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return file;
}

}  // namespace tandem
