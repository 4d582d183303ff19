#include "glossary/tbx_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <cstring>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>

#include "corpus/error.h"
#include "glossary/tbx_format.h"

namespace tandem {
namespace {

// Element name without a namespace prefix ("tbx:termSec" → "termSec").
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string trimmed_text(const pugi::xml_node& node) {
  std::string text = node.child_value();
  if (text.empty()) {  // mixed content (<hi>, <sc/>): take all the text
    std::ostringstream s;
    for (const pugi::xpath_node& n : node.select_nodes(".//text()")) s << n.node().value();
    text = s.str();
  }
  auto b = text.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = text.find_last_not_of(" \t\r\n");
  return text.substr(b, e - b + 1);
}

class Reader {
 public:
  Reader(std::string_view xml, std::string name) : xml_(xml), name_(std::move(name)) {}

  TbxReadResult read() {
    pugi::xml_document doc;
    pugi::xml_parse_result parsed =
        doc.load_buffer(xml_.data(), xml_.size(), pugi::parse_default, pugi::encoding_auto);
    if (!parsed)
      throw Error(where(parsed.offset), fmt::format("not XML: {}", parsed.description()));
    pugi::xml_node root = doc.document_element();
    std::string_view root_name = local_name(root);
    if (root_name != "martif" && root_name != "tbx")
      throw Error(where(root.offset_debug()),
                  fmt::format("not a TBX file: the root element is <{}>", root.name()));
    pugi::xml_node body = child(child(root, "text"), "body");
    if (!body) throw Error(where(root.offset_debug()), "TBX without <text><body>");
    TbxReadResult result;
    for (pugi::xml_node entry : body.children()) {
      std::string_view n = local_name(entry);
      if (n != "termEntry" && n != "conceptEntry") continue;
      Concept c = read_entry(entry, result);
      if (c.terms.empty()) {
        if (skipped_in_entry_) continue;  // only other languages: nothing for us
        throw Error(where(entry.offset_debug()),
                    fmt::format("<{}> without any term", entry.name()));
      }
      result.concepts.push_back(std::move(c));
    }
    return result;
  }

 private:
  static pugi::xml_node child(pugi::xml_node parent, std::string_view name) {
    for (pugi::xml_node n : parent.children())
      if (local_name(n) == name) return n;
    return {};
  }

  Location where(std::ptrdiff_t offset) const {
    std::uint64_t line = 1, column = 1;
    for (std::ptrdiff_t i = 0; i < offset && static_cast<std::size_t>(i) < xml_.size(); ++i) {
      if (xml_[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(xml_[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    return Location::at(name_, line, column);
  }

  void read_tandem_note(std::string_view note, Concept& c) {
    note.remove_prefix(kTandemNotePrefix.size());
    while (!note.empty()) {
      auto end = note.find(';');
      std::string_view item = note.substr(0, end);
      note = end == std::string_view::npos ? std::string_view{} : note.substr(end + 1);
      auto eq = item.find('=');
      if (eq == std::string_view::npos) continue;
      std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
      while (!key.empty() && key.front() == ' ') key.remove_prefix(1);
      if (key == "status") {
        if (auto s = entry_status_from_string(value)) c.status = *s;
      } else if (key == "origin") {
        if (value == "extracted") c.origin = EntryOrigin::extracted;
        if (value == "manual") c.origin = EntryOrigin::manual;
      } else if (key == "score") {
        c.score = std::strtod(std::string(value).c_str(), nullptr);
      } else if (key == "frequency") {
        std::from_chars(value.data(), value.data() + value.size(), c.frequency);
      }
    }
  }

  // Data categories that may sit on the concept or on a language section.
  void read_concept_level(pugi::xml_node node, Concept& c) {
    std::string_view n = local_name(node);
    std::string_view type = node.attribute("type").value();
    if (n == "descrip" && type == "subjectField" && c.subject_field.empty()) {
      c.subject_field = trimmed_text(node);
    } else if (n == "descrip" && type == "definition" && c.definition.empty()) {
      c.definition = trimmed_text(node);
    } else if (n == "note") {
      std::string text = trimmed_text(node);
      if (std::string_view(text).starts_with(kTandemNotePrefix)) {
        read_tandem_note(text, c);
      } else if (!text.empty()) {
        c.note += (c.note.empty() ? "" : "\n") + text;
      }
    } else if (n == "descripGrp" || n == "adminGrp") {
      for (pugi::xml_node inner : node.children()) read_concept_level(inner, c);
    }
  }

  void read_term_detail(pugi::xml_node node, TermEntry& t) {
    std::string_view n = local_name(node);
    std::string_view type = node.attribute("type").value();
    if (n == "term") {
      t.text = trimmed_text(node);
    } else if (n == "termNote" && type == "partOfSpeech") {
      std::string pos = trimmed_text(node);
      t.part_of_speech = is_part_of_speech(pos) ? pos : "other";
    } else if (n == "termNote" && (type == "administrativeStatus" || type == "usageStatus")) {
      if (auto u = usage_from_administrative_status(trimmed_text(node))) t.usage = *u;
    } else if (n == "descrip" && type == "context" && t.context.empty()) {
      t.context = trimmed_text(node);
    } else if (n == "admin" && type == "source" && t.source.empty()) {
      t.source = trimmed_text(node);
    } else if (n == "termGrp" || n == "termNoteGrp" || n == "descripGrp" || n == "adminGrp") {
      for (pugi::xml_node inner : node.children()) read_term_detail(inner, t);
    }
  }

  Concept read_entry(pugi::xml_node entry, TbxReadResult& result) {
    Concept c;
    c.status = EntryStatus::approved;
    c.origin = EntryOrigin::imported;
    skipped_in_entry_ = false;
    for (pugi::xml_node node : entry.children()) {
      std::string_view n = local_name(node);
      if (n != "langSet" && n != "langSec") {
        read_concept_level(node, c);
        continue;
      }
      std::string_view tag = node.attribute("xml:lang").value();
      auto lang = lang_from_tag(tag);
      if (tag.empty())
        throw Error(where(node.offset_debug()), fmt::format("<{}> without xml:lang", node.name()));
      for (pugi::xml_node term_node : node.children()) {
        std::string_view tn = local_name(term_node);
        if (tn != "tig" && tn != "ntig" && tn != "termSec") {
          read_concept_level(term_node, c);
          continue;
        }
        if (!lang || *lang == Lang::und) {
          ++result.skipped_terms;
          skipped_in_entry_ = true;
          continue;
        }
        TermEntry t;
        t.lang = *lang;
        for (pugi::xml_node detail : term_node.children()) read_term_detail(detail, t);
        if (t.text.empty())
          throw Error(where(term_node.offset_debug()),
                      fmt::format("<{}> without a <term>", term_node.name()));
        c.terms.push_back(std::move(t));
      }
    }
    return c;
  }

  std::string_view xml_;
  std::string name_;
  bool skipped_in_entry_ = false;
};

}  // namespace

TbxReadResult read_tbx(std::string_view xml, const std::string& name) {
  return Reader(xml, name).read();
}

TbxReadResult read_tbx_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Location::in_file(path), "cannot open the file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return read_tbx(buffer.str(), path);
}

}  // namespace tandem
