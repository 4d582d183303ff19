// Reading a text file into UTF-8, whatever encoding it came in.
//
// Accepted: UTF-8 with or without BOM; UTF-16 LE/BE with BOM; legacy 8-bit text
// (Windows-1252 / ISO-8859-1), recognised with ICU's charset detector and converted, with a
// warning. Refused with tandem::Error naming the file: a missing or unreadable file, an empty
// file, a binary file, and (unless `replace_invalid` is set) invalid UTF-8, reported with the
// byte offset of the first bad sequence.
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
