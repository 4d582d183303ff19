#include "tm/tmx_writer.h"

#include <fmt/format.h>

#include <array>
#include <cctype>

namespace tandem {
namespace {

// OmegaT treats these prop types as the unit's file context (an alternative translation).
constexpr std::array<std::string_view, 5> kOmegatContextProps = {"file", "id", "prev", "next",
                                                                 "path"};

std::string safe_prop_type(std::string_view type) {
  for (std::string_view context : kOmegatContextProps) {
    if (type == context) return fmt::format("x-omegat-{}", type);
  }
  return std::string(type);
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text, bool attribute) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        if (attribute) {
          out += "&quot;";
        } else {
          out += c;
        }
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
}

std::string iso_to_tmx_date(std::string_view iso) {
  std::string out;
  for (char c : iso) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == 'T' || c == 'Z') out += c;
  }
  return out.size() == 16 && out[8] == 'T' && out[15] == 'Z' ? out : std::string();
}

std::string tmx_to_iso_date(std::string_view tmx) {
  if (tmx.size() != 16 || tmx[8] != 'T' || tmx[15] != 'Z') return {};
  for (std::size_t i : {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14}) {
    if (!std::isdigit(static_cast<unsigned char>(tmx[i]))) return {};
  }
  return fmt::format("{}-{}-{}T{}:{}:{}Z", tmx.substr(0, 4), tmx.substr(4, 2), tmx.substr(6, 2),
                     tmx.substr(9, 2), tmx.substr(11, 2), tmx.substr(13, 2));
}

TmxWriter::TmxWriter(std::ostream& out, Lang src) : out_(out), src_(src) {
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
          "<tmx version=\"1.4\">\n"
       << fmt::format(
              "  <header creationtool=\"Tandem\" creationtoolversion=\"{}\" segtype=\"sentence\" "
              "o-tmf=\"tandem\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>\n",
              TANDEM_VERSION, to_tag(src_))
       << "  <body>\n";
}

void TmxWriter::write_props(const Unit& unit, std::optional<Lang> side, std::string_view indent) {
  for (const UnitProp& prop : unit.props) {
    if (prop.side != side) continue;
    buffer_ += indent;
    if (prop.kind == UnitProp::Kind::note) {
      buffer_ += "<note>";
      append_xml_escaped(buffer_, prop.value);
      buffer_ += "</note>\n";
    } else {
      buffer_ += "<prop type=\"";
      append_xml_escaped(buffer_, safe_prop_type(prop.type), true);
      buffer_ += "\">";
      append_xml_escaped(buffer_, prop.value);
      buffer_ += "</prop>\n";
    }
  }
}

void TmxWriter::write_tuv(const Unit& unit, Lang lang) {
  buffer_ += fmt::format("      <tuv xml:lang=\"{}\">\n", to_tag(lang));
  write_props(unit, lang, "        ");
  buffer_ += "        <seg>";
  if (!unit.markup(lang).empty()) {
    buffer_ += unit.markup(lang);  // verified XML from the imported file, written back as is
  } else {
    append_xml_escaped(buffer_, unit.text(lang));
  }
  buffer_ += "</seg>\n      </tuv>\n";
}

void TmxWriter::write(const Unit& unit) {
  buffer_.clear();
  buffer_ += "    <tu tuid=\"";
  append_xml_escaped(buffer_, unit.display_tuid(), true);
  buffer_ += '"';
  if (auto created = iso_to_tmx_date(unit.created_at); !created.empty()) {
    buffer_ += fmt::format(" creationdate=\"{}\"", created);
  }
  if (auto changed = iso_to_tmx_date(unit.changed_at); !changed.empty()) {
    buffer_ += fmt::format(" changedate=\"{}\"", changed);
  }
  buffer_ += ">\n";
  buffer_ +=
      fmt::format("      <prop type=\"{}\">{}</prop>\n", kPropOrigin, to_string(unit.origin));
  buffer_ += fmt::format("      <prop type=\"{}\">{:.4g}</prop>\n", kPropScore, unit.score);
  buffer_ +=
      fmt::format("      <prop type=\"{}\">{}</prop>\n", kPropStatus, to_string(unit.status));
  if (unit.count > 1) {
    buffer_ += fmt::format("      <prop type=\"{}\">{}</prop>\n", kPropCount, unit.count);
  }
  write_props(unit, std::nullopt, "      ");
  write_tuv(unit, src_);
  write_tuv(unit, other_lang(src_));
  buffer_ += "    </tu>\n";
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
}

void TmxWriter::finish() {
  out_ << "  </body>\n</tmx>\n";
  out_.flush();
}

}  // namespace tandem
