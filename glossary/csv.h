// The term base as delimited text, for spreadsheets and scripts.
//
// CSV (RFC 4180: UTF-8, CRLF line ends, a header row, fields quoted when they hold a comma,
// quote or line break, quotes doubled) has one row per term, so nothing is lost and it reads
// back: concept,status,subject_field,definition,note,lang,term,part_of_speech,usage_status,
// context,source. Rows of one concept share its `concept` value; the concept fields are taken
// from its first row. The reader accepts LF or CRLF and any column order (by header name;
// `lang` and `term` are required).
//
// TSV is the short form scripts and the evaluation read: FR<TAB>EN<TAB>SCORE, one line per
// concept that has both languages (its preferred or first term in each), no header.
//
// Thread-safety: pure functions.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/term_base.h"

namespace tandem {

void write_csv(std::ostream& out, std::span<const Concept> concepts);
void write_tsv(std::ostream& out, std::span<const Concept> concepts);
// Errors (unterminated quote, missing column, unknown status) name `name`, line and column.
std::vector<Concept> read_csv(std::string_view text, const std::string& name);
std::vector<Concept> read_csv_file(const std::string& path);

}  // namespace tandem
