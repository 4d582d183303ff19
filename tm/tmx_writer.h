// Writes translation units as TMX 1.4b, one <tu> at a time (memory does not grow with the
// number of units), in the form CAT tools read reliably (checked by ../shared/interop/check-tmx):
// version "1.4", all seven header attributes, srclang equal to the source <tuv>'s xml:lang
// ("fr" or "en", BCP 47), the source <tuv> first, dates as YYYYMMDDThhmmssZ, Tandem's own
// metadata as <prop type="x-tandem-…">. Units imported with inline codes are written with their
// stored <seg> XML verbatim. Imported props whose type OmegaT reads as file context (file, id,
// prev, next, path) are renamed x-omegat-… so OmegaT still inserts the unit as a 100% match.
//
// Thread-safety: one writer per stream, one thread.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "corpus/language.h"
#include "tm/tm_store.h"

namespace tandem {

class TmxWriter {
 public:
  // Writes the XML declaration and header. `src` is the source language of every unit written.
  TmxWriter(std::ostream& out, Lang src);
  void write(const Unit& unit);
  // Closes the body and root; the stream is flushed but not closed.
  void finish();

 private:
  void write_props(const Unit& unit, std::optional<Lang> side, std::string_view indent);
  void write_tuv(const Unit& unit, Lang lang);
  std::ostream& out_;
  Lang src_;
  std::string buffer_;
};

// Prop types Tandem writes for its own fields; import reads them back into the fields.
inline constexpr std::string_view kPropOrigin = "x-tandem-origin";
inline constexpr std::string_view kPropScore = "x-tandem-score";
inline constexpr std::string_view kPropStatus = "x-tandem-status";
inline constexpr std::string_view kPropCount = "x-tandem-count";

// "2026-03-01T12:00:00Z" ↔ "20260301T120000Z"; both return empty when the input is not a date.
std::string iso_to_tmx_date(std::string_view iso);
std::string tmx_to_iso_date(std::string_view tmx);

// Appends `text` XML-escaped (&, <, >, and " when `attribute`), dropping the control characters
// XML 1.0 cannot carry.
void append_xml_escaped(std::string& out, std::string_view text, bool attribute = false);

}  // namespace tandem
