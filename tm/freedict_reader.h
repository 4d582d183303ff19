// Reads a dictd dictionary as FreeDict ships it: NAME.index (one line per headword,
// `headword<TAB>offset<TAB>length`, numbers in dictd's base64) and NAME.dict.dz (dictzip, which
// is gzip with a random-access table in an extra field, so plain zlib inflates it whole).
//
// Each FreeDict article starts with `Headword /pronunciation/ <pos>`, then either one line of
// comma-separated equivalents or numbered senses `1. a, b`. read_freedict() returns the
// headword as written in the article and its equivalents, with sense numbers and parenthesised
// glosses removed; dictd's own 00-database-* pseudo-entries are skipped.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

struct DictEntry {
  std::string headword;                  // as written in the article ("Asie Mineure")
  std::vector<std::string> equivalents;  // in the other language, one phrase each
};

// Value of a dictd base64 number ("5HO"); throws tandem::Error on a character outside it.
std::uint64_t dictd_base64(std::string_view digits);

// Whole content of a gzip or dictzip file; throws tandem::Error naming the file when it cannot
// be read or inflated.
std::string inflate_gzip_file(const std::string& path);

// The Debian package's files for FreeDict `source`→other (/usr/share/dictd/freedict-fra-eng.*
// or freedict-eng-fra.*); throws tandem::Error naming the missing file and package.
struct FreeDictFiles {
  std::string index, dict_dz;
};
FreeDictFiles installed_freedict(bool french_headwords);

// Which articles to parse, judged on the index headword (lower case, as dictd writes it) before
// the article is read; an empty filter keeps all.
using HeadwordFilter = std::function<bool(std::string_view index_headword)>;

// What a headword filter may look at cheaply: for each word of an index headword, the folded
// key (tandem::fold_key) of its first four code points and whether the word goes on after them.
struct HeadwordPrefix {
  std::string key;
  bool longer = false;
};
// The prefixes of every non-empty space-separated word of `index_headword`, in order, into `out`
// (cleared first).
void headword_prefixes(std::string_view index_headword, std::vector<HeadwordPrefix>& out);

// Every article of the dictionary (that `keep` accepts). Errors name the file and the index line.
std::vector<DictEntry> read_freedict(const std::string& index_path, const std::string& dict_dz_path,
                                     const HeadwordFilter& keep = {});

// The same articles in the same order, each passed to `visit` with the index headword `keep` saw
// (what tm/freedict_cache.h stores so that it can filter later).
using DictEntryVisitor = std::function<void(std::string_view index_headword, DictEntry&& entry)>;
void visit_freedict(const std::string& index_path, const std::string& dict_dz_path,
                    const HeadwordFilter& keep, const DictEntryVisitor& visit);

}  // namespace tandem
