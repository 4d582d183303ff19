// Reads a TMX file (versions 1.1 to 1.4b; UTF-8 or UTF-16 with a BOM or an encoding
// declaration) one <tu> at a time.
//
// Streaming: a 1M-unit TMX is about half a gigabyte, so the file is never loaded whole. We use
// libxml2's xmlTextReader rather than pugixml: pugixml only parses whole documents (chunking
// the file at </tu> by hand would mean re-implementing encoding detection, CDATA and comment
// handling), while the reader streams, detects UTF-16 from the BOM, and reports line and column
// of every well-formedness error. Each <tu> is expanded to a small DOM subtree, converted, and
// freed as the reader moves on, so memory stays flat whatever the file size.
//
// Each <tuv>'s <seg> is returned twice: its inner XML verbatim (inline codes bpt/ept/ph/it/ut/hi
// kept, for display and export) and as plain text (text and <hi> content; the native code
// inside bpt/ept/ph/it/ut dropped) for matching. The language is xml:lang, or `lang` in
// TMX 1.1–1.3.
//
// Errors: malformed XML or a root other than <tmx> throw tandem::Error with file, line, column.
//
// Thread-safety: one reader per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tandem {

struct TmxProp {
  bool is_note = false;
  std::string type;  // empty for notes
  std::string value;
};

struct TmxTuv {
  std::string lang;    // as written
  std::string text;    // plain text
  std::string markup;  // <seg> inner XML; empty when the seg holds no element
  std::vector<TmxProp> props;
};

struct TmxTu {
  std::string tuid;
  std::string srclang;  // the <tu>'s own srclang attribute, rarely present
  std::string creationdate, changedate;
  std::vector<TmxProp> props;
  std::vector<TmxTuv> tuvs;
  std::uint64_t line = 0;  // of the <tu> start tag
};

struct TmxHeader {
  std::string version;  // <tmx version>
  std::string srclang;  // empty when missing
  std::string creationtool;
};

class TmxReader {
 public:
  explicit TmxReader(std::string path);

  // Reads the whole file: `on_header` once when <header> is seen (or when the body starts
  // without one), then `on_tu` for each <tu> in order.
  void read(const std::function<void(const TmxHeader&)>& on_header,
            const std::function<void(TmxTu&&)>& on_tu);

 private:
  std::string path_;
};

}  // namespace tandem
