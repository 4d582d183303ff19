#include "glossary/tbx_writer.h"

#include <fmt/format.h>

#include <fstream>
#include <pugixml.hpp>

#include "corpus/error.h"

namespace tandem {
namespace {

void add_text_child(pugi::xml_node parent, const char* name, const char* type,
                    std::string_view text) {
  pugi::xml_node node = parent.append_child(name);
  if (type) node.append_attribute("type") = type;
  node.text().set(std::string(text).c_str());
}

std::string tandem_note(const Concept& c) {
  return fmt::format("{} status={}; origin={}; score={:.4g}; frequency={}", kTandemNotePrefix,
                     to_string(c.status), to_string(c.origin), c.score, c.frequency);
}

void write_term(pugi::xml_node parent, const TermEntry& t, TbxVersion version) {
  pugi::xml_node section = parent.append_child(version == TbxVersion::v3 ? "termSec" : "tig");
  add_text_child(section, "term", nullptr, t.text);
  if (is_part_of_speech(t.part_of_speech))
    add_text_child(section, "termNote", "partOfSpeech", t.part_of_speech);
  add_text_child(section, "termNote", "administrativeStatus", to_administrative_status(t.usage));
  if (!t.context.empty()) add_text_child(section, "descrip", "context", t.context);
  if (!t.source.empty()) add_text_child(section, "admin", "source", t.source);
}

}  // namespace

std::size_t write_tbx(std::ostream& out, std::span<const Concept> concepts,
                      const TbxWriteOptions& options) {
  std::size_t written = 0;
  const bool v3 = options.version == TbxVersion::v3;
  const std::string lang_tag(to_tag(options.source));
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root;
  if (v3) {
    root = doc.append_child("tbx");
    root.append_attribute("type") = "TBX-Basic";
    root.append_attribute("style") = "dca";
    root.append_attribute("xml:lang") = lang_tag.c_str();
    root.append_attribute("xmlns") = std::string(kTbxV3Namespace).c_str();
  } else {
    doc.append_child(pugi::node_doctype).set_value("martif SYSTEM \"TBXBasiccoreStructV02.dtd\"");
    root = doc.append_child("martif");
    root.append_attribute("type") = "TBX-Basic";
    root.append_attribute("xml:lang") = lang_tag.c_str();
  }
  pugi::xml_node header = root.append_child(v3 ? "tbxHeader" : "martifHeader");
  pugi::xml_node file_desc = header.append_child("fileDesc");
  add_text_child(file_desc.append_child("sourceDesc"), "p", nullptr,
                 "Term base exported by Tandem " TANDEM_VERSION);
  if (!v3) add_text_child(header.append_child("encodingDesc"), "p", "XCSURI", "TBXBasicXCSV02.xcs");
  pugi::xml_node body = root.append_child("text").append_child("body");

  const Lang order[] = {options.source, other_lang(options.source)};
  for (const Concept& c : concepts) {
    if (c.terms.empty()) continue;  // a TBX entry needs at least one language section
    if (options.require_source_term && !c.term_in(options.source)) continue;
    ++written;
    pugi::xml_node entry = body.append_child(v3 ? "conceptEntry" : "termEntry");
    entry.append_attribute("id") = fmt::format("c{}", c.id).c_str();
    if (!c.subject_field.empty()) add_text_child(entry, "descrip", "subjectField", c.subject_field);
    if (!c.definition.empty()) add_text_child(entry, "descrip", "definition", c.definition);
    if (!c.note.empty()) add_text_child(entry, "note", nullptr, c.note);
    add_text_child(entry, "note", nullptr, tandem_note(c));
    for (Lang lang : order) {
      pugi::xml_node section;
      for (const TermEntry& t : c.terms) {
        if (t.lang != lang) continue;
        if (!section) {
          section = entry.append_child(v3 ? "langSec" : "langSet");
          section.append_attribute("xml:lang") = std::string(to_tag(lang)).c_str();
        }
        write_term(section, t, options.version);
      }
    }
  }
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return written;
}

std::size_t write_tbx_file(const std::string& path, std::span<const Concept> concepts,
                           const TbxWriteOptions& options) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw Error(Location::in_file(path), "cannot create the file");
  std::size_t written = write_tbx(out, concepts, options);
  out.close();
  if (!out) throw Error(Location::in_file(path), "cannot write the file");
  return written;
}

}  // namespace tandem
