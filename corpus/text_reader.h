// Reading a text file into UTF-8, whatever encoding it came in.
//
// Accepted: UTF-8 with or without BOM; UTF-16 LE/BE and UTF-32 LE/BE with BOM; UTF-16 without
// BOM when the pattern of zero bytes is unmistakable (with a warning); legacy 8-bit text
// (Windows-1252 / ISO-8859-1), recognised with ICU's charset detector and converted with a
// warning — only for bytes that are not UTF-8, carry few well-formed multi-byte sequences (else
// it is damaged UTF-8) and almost no control characters. Line breaks come out as LF (CRLF and
// CR converted).
//
// Refused with tandem::Error whose Location names the file (Error::describe() prints it):
// a missing or unreadable file or a directory; an empty file (0 bytes, or only white space
// and BOM); a binary file (a NUL byte outside UTF-16/32, at its byte offset, or more than 10%
// control characters); and, unless `replace_invalid` is set, invalid UTF-8 (or UTF-16/32),
// reported with the byte offset of the first bad sequence (Location::at_byte) and its bytes.
//
// Thread-safety: both functions are safe to call from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tandem {

struct ReadOptions {
  // Replace invalid byte sequences with U+FFFD (and warn) instead of refusing the file.
  bool replace_invalid = false;
};

struct DecodedText {
  std::string utf8;                   // the whole text, UTF-8, BOM removed
  std::string encoding;               // "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", ...
  std::vector<std::string> warnings;  // for the user: legacy encoding detected, bytes replaced
};

DecodedText read_text_file(const std::string& path, const ReadOptions& options = {});

// The same on bytes already in memory; `name` is used in error messages.
DecodedText decode_text(std::string_view bytes, const std::string& name,
                        const ReadOptions& options = {});

}  // namespace tandem

namespace tandem {

// A file of one segment per line, as the file-level commands (align-files, mine) read it: decoded
// like read_text_file (BOM, UTF-16, legacy 8-bit with a warning, errors with the byte offset),
// split on line ends, empty lines kept so that line numbers stay ids. An empty file (or one of
// white space only) is not an error here: it has no lines.
struct SegmentFile {
  std::vector<std::string> lines;
  std::vector<std::string> warnings;
};

SegmentFile read_segment_file(const std::string& path, const ReadOptions& options = {});

}  // namespace tandem
