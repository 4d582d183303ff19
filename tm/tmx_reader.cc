#include "tm/tmx_reader.h"

#include <fmt/format.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <cstring>
#include <memory>
#include <optional>

#include "corpus/error.h"

namespace tandem {
namespace {

struct ReaderFree {
  void operator()(xmlTextReaderPtr reader) const { xmlFreeTextReader(reader); }
};
struct BufferFree {
  void operator()(xmlBufferPtr buffer) const { xmlBufferFree(buffer); }
};
struct XmlFree {
  void operator()(xmlChar* text) const { xmlFree(text); }
};

// The first error libxml2 reports, with its position.
struct ParseError {
  std::string message;
  std::uint64_t line = 0;
  std::uint64_t column = 0;
};

void on_structured_error(void* context, xmlErrorPtr error) {
  auto* first = static_cast<std::optional<ParseError>*>(context);
  if (!error || error->level < XML_ERR_ERROR || first->has_value()) return;
  std::string message = error->message ? error->message : "XML error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  *first = ParseError{message, static_cast<std::uint64_t>(std::max(error->line, 0)),
                      static_cast<std::uint64_t>(std::max(error->int2, 0))};
}

bool is(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::string attribute(const xmlNode* node, const char* name) {
  std::unique_ptr<xmlChar, XmlFree> value(
      xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name)));
  return value ? reinterpret_cast<const char*>(value.get()) : std::string();
}

std::string xml_lang(const xmlNode* node) {
  std::unique_ptr<xmlChar, XmlFree> value(
      xmlGetNsProp(node, reinterpret_cast<const xmlChar*>("lang"), XML_XML_NAMESPACE));
  if (value) return reinterpret_cast<const char*>(value.get());
  return attribute(node, "lang");  // TMX 1.1–1.3
}

std::string content(const xmlNode* node) {
  std::unique_ptr<xmlChar, XmlFree> value(xmlNodeGetContent(node));
  return value ? reinterpret_cast<const char*>(value.get()) : std::string();
}

// Inline elements whose content is native code (not translatable text).
bool is_native_code(const xmlNode* node) {
  return is(node, "bpt") || is(node, "ept") || is(node, "ph") || is(node, "it") || is(node, "ut");
}

void append_plain_text(const xmlNode* node, std::string& out) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content) out += reinterpret_cast<const char*>(child->content);
    } else if (child->type == XML_ELEMENT_NODE && !is_native_code(child)) {
      append_plain_text(child, out);  // <hi> and unknown wrappers: their text is text
    }
  }
}

void read_seg(xmlNode* seg, TmxTuv& tuv) {
  append_plain_text(seg, tuv.text);
  bool has_element = false;
  for (const xmlNode* child = seg->children; child; child = child->next) {
    has_element = has_element || child->type == XML_ELEMENT_NODE;
  }
  if (!has_element) return;
  std::unique_ptr<xmlBuffer, BufferFree> buffer(xmlBufferCreate());
  for (xmlNode* child = seg->children; child; child = child->next) {
    xmlNodeDump(buffer.get(), seg->doc, child, 0, 0);
  }
  tuv.markup.assign(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                    static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

void read_prop(const xmlNode* node, std::vector<TmxProp>& props) {
  if (is(node, "prop")) props.push_back({false, attribute(node, "type"), content(node)});
  if (is(node, "note")) props.push_back({true, "", content(node)});
}

TmxTu read_tu(xmlNode* node) {
  TmxTu tu;
  tu.line = static_cast<std::uint64_t>(std::max(xmlGetLineNo(node), 0L));
  tu.tuid = attribute(node, "tuid");
  tu.srclang = attribute(node, "srclang");
  tu.creationdate = attribute(node, "creationdate");
  tu.changedate = attribute(node, "changedate");
  for (xmlNode* child = node->children; child; child = child->next) {
    read_prop(child, tu.props);
    if (!is(child, "tuv")) continue;
    TmxTuv tuv;
    tuv.lang = xml_lang(child);
    for (xmlNode* part = child->children; part; part = part->next) {
      read_prop(part, tuv.props);
      if (is(part, "seg")) read_seg(part, tuv);
    }
    tu.tuvs.push_back(std::move(tuv));
  }
  return tu;
}

}  // namespace

TmxReader::TmxReader(std::string path) : path_(std::move(path)) { xmlInitParser(); }

void TmxReader::read(const std::function<void(const TmxHeader&)>& on_header,
                     const std::function<void(TmxTu&&)>& on_tu) {
  // No DTD loading, no network, no entity expansion beyond the predefined ones: a TMX is data.
  std::unique_ptr<xmlTextReader, ReaderFree> reader(
      xmlReaderForFile(path_.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_BIG_LINES));
  if (!reader) throw Error(Location::in_file(path_), "cannot open file");
  std::optional<ParseError> error;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), on_structured_error, &error);
  auto fail = [&](std::string_view fallback) {
    if (error) throw Error(Location::at(path_, error->line, error->column), error->message);
    throw Error(Location::at(path_,
                             static_cast<std::uint64_t>(
                                 std::max(xmlTextReaderGetParserLineNumber(reader.get()), 0)),
                             static_cast<std::uint64_t>(
                                 std::max(xmlTextReaderGetParserColumnNumber(reader.get()), 0))),
                std::string(fallback));
  };
  auto here = [&] {
    return Location::at(
        path_,
        static_cast<std::uint64_t>(std::max(xmlTextReaderGetParserLineNumber(reader.get()), 0)),
        static_cast<std::uint64_t>(std::max(xmlTextReaderGetParserColumnNumber(reader.get()), 0)));
  };

  bool seen_root = false;
  bool header_done = false;
  TmxHeader header;
  int status = xmlTextReaderRead(reader.get());
  while (status == 1) {
    if (xmlTextReaderNodeType(reader.get()) != XML_READER_TYPE_ELEMENT) {
      status = xmlTextReaderRead(reader.get());
      continue;
    }
    const char* name = reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader.get()));
    if (!seen_root) {
      if (std::strcmp(name, "tmx") != 0) {
        throw Error(here(), fmt::format("not a TMX file: root element is <{}>, not <tmx>", name));
      }
      seen_root = true;
      std::unique_ptr<xmlChar, XmlFree> version(
          xmlTextReaderGetAttribute(reader.get(), reinterpret_cast<const xmlChar*>("version")));
      if (version) header.version = reinterpret_cast<const char*>(version.get());
    } else if (std::strcmp(name, "header") == 0 && !header_done) {
      for (auto [field, attr] : {std::pair{&header.srclang, "srclang"},
                                 std::pair{&header.creationtool, "creationtool"}}) {
        std::unique_ptr<xmlChar, XmlFree> value(
            xmlTextReaderGetAttribute(reader.get(), reinterpret_cast<const xmlChar*>(attr)));
        if (value) *field = reinterpret_cast<const char*>(value.get());
      }
      header_done = true;
      on_header(header);
    } else if (std::strcmp(name, "tu") == 0) {
      if (!header_done) {
        header_done = true;
        on_header(header);
      }
      xmlNode* node = xmlTextReaderExpand(reader.get());
      if (!node) fail("malformed <tu>");
      on_tu(read_tu(node));
      status = xmlTextReaderNext(reader.get());  // skips the subtree just read; frees it
      continue;
    }
    status = xmlTextReaderRead(reader.get());
  }
  if (status < 0 || error) fail("malformed XML");
  if (!seen_root) throw Error(Location::in_file(path_), "not a TMX file: no root element");
  if (!header_done) on_header(header);
}

}  // namespace tandem
