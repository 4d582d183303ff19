#include "tm/freedict_reader.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <memory>

#include "corpus/error.h"
#include "corpus/tokenizer.h"

namespace tandem {
namespace {

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw Error(Location::in_file(path), "cannot open the file");
  // One read of the known size: istreambuf_iterator copies byte by byte, a measurable share of
  // a short document's alignment time.
  std::string out(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(out.data(), static_cast<std::streamsize>(out.size())))
    throw Error(Location::in_file(path), "cannot read the file");
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Drops "(...)" glosses: "stamp (postage)" → "stamp".
std::string without_parentheses(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

// Adds the comma-separated equivalents of one definition line ("1. alarm, stamp").
void add_equivalents(std::string_view line, std::vector<std::string>& out) {
  line = trim(line);
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && digits < line.size() && line[digits] == '.') line.remove_prefix(digits + 1);
  std::string cleaned = without_parentheses(line);
  std::string_view rest = cleaned;
  while (!rest.empty()) {
    std::size_t comma = rest.find_first_of(",;");
    std::string_view piece = trim(rest.substr(0, comma));
    if (!piece.empty()) out.emplace_back(piece);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
}

DictEntry parse_article(std::string_view article) {
  DictEntry entry;
  std::size_t eol = article.find('\n');
  std::string_view first = article.substr(0, eol);
  // "Headword /pron/ <pos>": the headword ends where the pronunciation or the POS starts.
  std::size_t cut = first.find(" /");
  if (cut == std::string_view::npos) cut = first.find(" <");
  entry.headword = std::string(trim(first.substr(0, cut)));
  if (eol == std::string_view::npos) return entry;
  std::string_view body = article.substr(eol + 1);
  while (!body.empty()) {
    std::size_t end = body.find('\n');
    add_equivalents(body.substr(0, end), entry.equivalents);
    if (end == std::string_view::npos) break;
    body.remove_prefix(end + 1);
  }
  return entry;
}

struct InflateEnd {
  void operator()(z_stream* z) const { inflateEnd(z); }
};

}  // namespace

std::uint64_t dictd_base64(std::string_view digits) {
  std::uint64_t value = 0;
  for (char c : digits) {
    int d;
    if (c >= 'A' && c <= 'Z')
      d = c - 'A';
    else if (c >= 'a' && c <= 'z')
      d = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      d = c - '0' + 52;
    else if (c == '+')
      d = 62;
    else if (c == '/')
      d = 63;
    else
      throw Error("not a dictd base64 number: \"" + std::string(digits) + "\"");
    value = value * 64 + static_cast<std::uint64_t>(d);
  }
  return value;
}

std::string inflate_gzip_file(const std::string& path) {
  std::string compressed = read_whole(path);
  z_stream stream{};
  // 16 + MAX_WBITS: expect a gzip header (dictzip's extra field is part of it).
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
    throw Error(Location::in_file(path), "cannot initialise zlib");
  std::unique_ptr<z_stream, InflateEnd> guard(&stream);
  std::string out;
  out.resize(compressed.size() * 3 + 4096);
  stream.next_in = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_in = static_cast<uInt>(compressed.size());
  for (;;) {
    if (stream.total_out == out.size()) out.resize(out.size() * 2);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + stream.total_out);
    stream.avail_out = static_cast<uInt>(out.size() - stream.total_out);
    int rc = inflate(&stream, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) break;
    if (rc != Z_OK && rc != Z_BUF_ERROR)
      throw Error(Location::at_byte(path, stream.total_in),
                  std::string("not a valid gzip/dictzip file: ") +
                      (stream.msg ? stream.msg : "inflate failed"));
    if (rc == Z_BUF_ERROR && stream.avail_in == 0)
      throw Error(Location::at_byte(path, stream.total_in), "truncated gzip/dictzip file");
  }
  out.resize(stream.total_out);
  return out;
}

FreeDictFiles installed_freedict(bool french_headwords) {
  const std::string name = french_headwords ? "freedict-fra-eng" : "freedict-eng-fra";
  FreeDictFiles files{"/usr/share/dictd/" + name + ".index",
                      "/usr/share/dictd/" + name + ".dict.dz"};
  for (const std::string& path : {files.index, files.dict_dz}) {
    std::ifstream probe(path, std::ios::binary);
    if (!probe)
      throw Error(Location::in_file(path),
                  "FreeDict dictionary missing: install the Debian package dict-" + name);
  }
  return files;
}

void visit_freedict(const std::string& index_path, const std::string& dict_dz_path,
                    const HeadwordFilter& keep, const DictEntryVisitor& visit) {
  std::string index = read_whole(index_path);
  std::string dict = inflate_gzip_file(dict_dz_path);
  std::string_view rest = index;
  std::uint64_t line_no = 0;
  while (!rest.empty()) {
    ++line_no;
    std::size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);
    if (trim(line).empty()) continue;
    std::size_t tab1 = line.find('\t');
    std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos)
      throw Error(Location::at(index_path, line_no), "expected headword<TAB>offset<TAB>length");
    std::string_view headword = line.substr(0, tab1);
    if (headword.starts_with("00database") || headword.starts_with("00-database")) continue;
    if (keep && !keep(headword)) continue;
    std::uint64_t offset, length;
    try {
      offset = dictd_base64(line.substr(tab1 + 1, tab2 - tab1 - 1));
      length = dictd_base64(trim(line.substr(tab2 + 1)));
    } catch (const Error& e) {
      throw Error(Location::at(index_path, line_no), e.what());
    }
    if (offset > dict.size() || length > dict.size() - offset)
      throw Error(Location::at(index_path, line_no), "article lies outside " + dict_dz_path + " (" +
                                                         std::to_string(dict.size()) + " bytes)");
    DictEntry entry = parse_article(std::string_view(dict).substr(offset, length));
    if (!entry.headword.empty() && !entry.equivalents.empty()) visit(headword, std::move(entry));
  }
}

void headword_prefixes(std::string_view index_headword, std::vector<HeadwordPrefix>& out) {
  out.clear();
  std::size_t start = 0;
  while (start < index_headword.size()) {
    std::size_t end = std::min(index_headword.find(' ', start), index_headword.size());
    std::string_view word = index_headword.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    // Folding only the first code points is enough for a prefix test, and cheap.
    std::size_t cut = 0;
    for (int points = 0; cut < word.size() && points < 4; ++points) {
      ++cut;
      while (cut < word.size() && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) ++cut;
    }
    out.push_back({fold_key(word.substr(0, cut)), cut < word.size()});
  }
}

std::vector<DictEntry> read_freedict(const std::string& index_path, const std::string& dict_dz_path,
                                     const HeadwordFilter& keep) {
  std::vector<DictEntry> entries;
  visit_freedict(index_path, dict_dz_path, keep, [&entries](std::string_view, DictEntry&& entry) {
    entries.push_back(std::move(entry));
  });
  return entries;
}

}  // namespace tandem
