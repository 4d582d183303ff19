#include "glossary/csv.h"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <map>
#include <sstream>

#include "corpus/error.h"

namespace tandem {
namespace {

constexpr std::array kColumns = {"concept",      "status",  "subject_field", "definition",
                                 "note",         "lang",    "term",          "part_of_speech",
                                 "usage_status", "context", "source"};

std::string quote(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// A TSV field cannot hold tabs or line breaks: they become spaces.
std::string tsv_field(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

struct Field {
  std::string text;
  std::uint64_t line = 0, column = 0;
};

// RFC 4180 records, with where each field starts.
std::vector<std::vector<Field>> parse_records(std::string_view text, const std::string& name) {
  std::vector<std::vector<Field>> records;
  std::vector<Field> record;
  Field field;
  std::uint64_t line = 1, column = 1;
  std::size_t i = 0;
  if (text.starts_with("\xEF\xBB\xBF")) i = 3;
  bool field_started = false;
  auto start_field = [&] {
    field = Field{{}, line, column};
    field_started = true;
  };
  auto end_field = [&] {
    if (!field_started) start_field();
    record.push_back(std::move(field));
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    if (!(record.size() == 1 && record[0].text.empty())) records.push_back(std::move(record));
    record.clear();
  };
  while (i < text.size()) {
    char c = text[i];
    if (!field_started) start_field();
    if (c == '"' && field.text.empty()) {
      std::uint64_t qline = line, qcol = column;
      ++i, ++column;
      for (;;) {
        if (i >= text.size())
          throw Error(Location::at(name, qline, qcol), "unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.text += '"';
            i += 2, column += 2;
            continue;
          }
          ++i, ++column;
          break;
        }
        if (text[i] == '\n') ++line, column = 0;
        field.text += text[i++];
        ++column;
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
        throw Error(Location::at(name, line, column), "text after a closing quote");
      continue;
    }
    if (c == ',') {
      end_field();
      ++i, ++column;
    } else if (c == '\r' || c == '\n') {
      end_record();
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line, column = 1;
    } else {
      field.text += c;
      ++i, ++column;
    }
  }
  if (field_started || !record.empty()) end_record();
  return records;
}

}  // namespace

void write_csv(std::ostream& out, std::span<const Concept> concepts) {
  for (std::size_t i = 0; i < kColumns.size(); ++i) out << (i ? "," : "") << kColumns[i];
  out << "\r\n";
  for (const Concept& c : concepts) {
    for (const TermEntry& t : c.terms) {
      const std::string fields[] = {std::to_string(c.id),
                                    std::string(to_string(c.status)),
                                    c.subject_field,
                                    c.definition,
                                    c.note,
                                    std::string(to_tag(t.lang)),
                                    t.text,
                                    t.part_of_speech,
                                    std::string(to_string(t.usage)),
                                    t.context,
                                    t.source};
      for (std::size_t i = 0; i < std::size(fields); ++i) out << (i ? "," : "") << quote(fields[i]);
      out << "\r\n";
    }
  }
}

void write_tsv(std::ostream& out, std::span<const Concept> concepts) {
  for (const Concept& c : concepts) {
    const TermEntry* fr = c.term_in(Lang::fr);
    const TermEntry* en = c.term_in(Lang::en);
    if (!fr || !en) continue;
    out << tsv_field(fr->text) << '\t' << tsv_field(en->text) << '\t'
        << fmt::format("{:.4f}", c.score) << '\n';
  }
}

std::vector<Concept> read_csv(std::string_view text, const std::string& name) {
  auto records = parse_records(text, name);
  if (records.empty()) throw Error(Location::in_file(name), "empty CSV file");
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < records[0].size(); ++i) column[records[0][i].text] = i;
  for (const char* required : {"lang", "term"})
    if (!column.count(required))
      throw Error(Location::at(name, 1, 1),
                  fmt::format("CSV header without a \"{}\" column", required));
  std::vector<Concept> concepts;
  std::string current_key;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& row = records[r];
    auto get = [&](const char* col) -> const Field* {
      auto it = column.find(col);
      if (it == column.end() || it->second >= row.size()) return nullptr;
      return &row[it->second];
    };
    auto text_of = [&](const char* col) {
      const Field* f = get(col);
      return f ? f->text : std::string();
    };
    const Field* first = &row[0];
    std::string key = column.count("concept") ? text_of("concept") : std::to_string(r);
    if (concepts.empty() || key != current_key || key.empty()) {
      Concept c;
      c.origin = EntryOrigin::imported;
      c.status = EntryStatus::approved;
      if (const Field* s = get("status"); s && !s->text.empty()) {
        auto status = entry_status_from_string(s->text);
        if (!status)
          throw Error(Location::at(name, s->line, s->column),
                      fmt::format("unknown status \"{}\" (proposed or approved)", s->text));
        c.status = *status;
      }
      c.subject_field = text_of("subject_field");
      c.definition = text_of("definition");
      c.note = text_of("note");
      concepts.push_back(std::move(c));
      current_key = key;
    }
    TermEntry t;
    const Field* lang_field = get("lang");
    auto lang = lang_field ? lang_from_tag(lang_field->text) : std::nullopt;
    if (!lang || *lang == Lang::und) {
      const Field* at = lang_field ? lang_field : first;
      throw Error(
          Location::at(name, at->line, at->column),
          fmt::format("language \"{}\" is not fr or en", lang_field ? lang_field->text : ""));
    }
    t.lang = *lang;
    t.text = text_of("term");
    if (t.text.empty()) throw Error(Location::at(name, first->line, 1), "row without a term");
    t.part_of_speech = text_of("part_of_speech");
    if (const Field* u = get("usage_status"); u && !u->text.empty()) {
      auto usage = usage_status_from_string(u->text);
      if (!usage)
        throw Error(Location::at(name, u->line, u->column),
                    fmt::format("unknown usage status \"{}\"", u->text));
      t.usage = *usage;
    }
    t.context = text_of("context");
    t.source = text_of("source");
    concepts.back().terms.push_back(std::move(t));
  }
  return concepts;
}

std::vector<Concept> read_csv_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Location::in_file(path), "cannot open the file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return read_csv(buffer.str(), path);
}

}  // namespace tandem
