#include "tm/freedict_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <string_view>
#include <system_error>

#include <unicode/uversion.h>

#include "corpus/error.h"
#include "corpus/tokenizer.h"

namespace tandem {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "TNDFDICT";
// Bump whenever the layout below, read_freedict's parsing or the key folding changes.
constexpr std::uint32_t kVersion = 2;
// A lexicon key equal to the folded key it comes from (the usual case) is not stored twice.
constexpr std::uint32_t kSameAsKey = UINT32_MAX;

// What identifies the source files a cache was built from.
struct SourceStamp {
  std::uint64_t index_size = 0, dict_size = 0;
  std::int64_t index_mtime = 0, dict_mtime = 0;
  bool operator==(const SourceStamp&) const = default;
};

std::optional<SourceStamp> stamp_of(const FreeDictFiles& files) {
  std::error_code ec;
  SourceStamp s;
  s.index_size = fs::file_size(files.index, ec);
  if (ec) return std::nullopt;
  s.index_mtime = fs::last_write_time(files.index, ec).time_since_epoch().count();
  if (ec) return std::nullopt;
  s.dict_size = fs::file_size(files.dict_dz, ec);
  if (ec) return std::nullopt;
  s.dict_mtime = fs::last_write_time(files.dict_dz, ec).time_since_epoch().count();
  if (ec) return std::nullopt;
  return s;
}

// Native byte order: the cache never leaves the machine that wrote it.
class Writer {
 public:
  template <typename T>
  void number(T v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void text(std::string_view s) {
    number(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  // `s`, or only a marker when it equals `same`.
  void text_or_same(std::string_view s, std::string_view same) {
    if (s == same)
      number(kSameAsKey);
    else
      text(s);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what Writer wrote; every read reports failure instead of running past the end.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool number(T& v) {
    if (in_.size() < sizeof v) return false;
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return true;
  }
  bool text(std::string_view& s) {
    std::uint32_t n;
    if (!number(n) || in_.size() < n) return false;
    s = in_.substr(0, n);
    in_.remove_prefix(n);
    return true;
  }
  bool text_or_same(std::string_view& s, std::string_view same) {
    std::uint32_t n;
    if (in_.size() >= sizeof n) {
      std::memcpy(&n, in_.data(), sizeof n);
      if (n == kSameAsKey) {
        in_.remove_prefix(sizeof n);
        s = same;
        return true;
      }
    }
    return text(s);
  }
  bool literal(std::string_view expected) {
    if (!in_.starts_with(expected)) return false;
    in_.remove_prefix(expected.size());
    return true;
  }
  bool skip(std::size_t n) {
    if (in_.size() < n) return false;
    in_.remove_prefix(n);
    return true;
  }
  std::size_t remaining() const { return in_.size(); }
  bool at_end() const { return in_.empty(); }

 private:
  std::string_view in_;
};

// The keys depend on ICU's case folding and normalisation data as well as on the files.
void write_header(Writer& w, const FreeDictFiles& files, const SourceStamp& stamp) {
  w.bytes().append(kMagic);
  w.number(kVersion);
  w.text(U_ICU_VERSION);
  w.text(files.index);
  w.text(files.dict_dz);
  w.number(stamp.index_size);
  w.number(stamp.index_mtime);
  w.number(stamp.dict_size);
  w.number(stamp.dict_mtime);
}

bool header_matches(Reader& r, const FreeDictFiles& files, const SourceStamp& stamp) {
  std::uint32_t version;
  std::string_view icu, index, dict;
  SourceStamp s;
  return r.literal(kMagic) && r.number(version) && version == kVersion && r.text(icu) &&
         icu == U_ICU_VERSION && r.text(index) && index == files.index && r.text(dict) &&
         dict == files.dict_dz && r.number(s.index_size) && r.number(s.index_mtime) &&
         r.number(s.dict_size) && r.number(s.dict_mtime) && s == stamp;
}

// The whole file, mapped read-only: the pages come from the page cache, all at once, with
// neither a copy nor a fault per page (reading a megabyte into fresh heap memory costs more
// than the rest of loading). Writers replace the file by renaming a new one over it, so the
// mapped bytes never change. Null when it cannot be mapped.
std::shared_ptr<const char> map_file(const fs::path& path, std::size_t& size) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  void* map = MAP_FAILED;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    size = static_cast<std::size_t>(st.st_size);
    map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  }
  ::close(fd);  // the mapping stays valid
  if (map == MAP_FAILED) return nullptr;
  return std::shared_ptr<const char>(static_cast<const char*>(map), [size](const char* p) {
    ::munmap(const_cast<char*>(p), size);
  });
}

// Writes the cache atomically; any failure leaves no file behind and is otherwise ignored.
void store_cache(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return;
  // Unique per process and call, so concurrent writers never share a temporary file.
  static std::atomic<unsigned> counter{0};
  fs::path temp = path;
  temp += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      return;
    }
  }
  fs::rename(temp, path, ec);
  if (ec) fs::remove(temp, ec);
}

// Every article of the dictionary with its index headword; throws read_freedict's errors.
std::vector<std::pair<std::string, DictEntry>> parse_all(const FreeDictFiles& files) {
  std::vector<std::pair<std::string, DictEntry>> all;
  visit_freedict(files.index, files.dict_dz, {},
                 [&all](std::string_view index_headword, DictEntry&& entry) {
                   all.emplace_back(std::string(index_headword), std::move(entry));
                 });
  return all;
}

// A 64-bit checksum of the article bytes, 32 bytes a step in four independent lanes (cheap next
// to parsing them): what tells a damaged cache file from a good one.
std::uint64_t checksum(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 0x100000001B3ull;
  std::uint64_t lane[4] = {0x9E3779B97F4A7C15ull, 0xC2B2AE3D27D4EB4Full, 0x165667B19E3779F9ull,
                           bytes.size()};
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) {
    for (int k = 0; k < 4; ++k) {
      std::uint64_t w;
      std::memcpy(&w, bytes.data() + i + 8 * k, 8);
      lane[k] = std::rotl(lane[k] ^ w, 29) * kPrime;
    }
  }
  std::uint64_t h =
      lane[0] ^ std::rotl(lane[1], 16) ^ std::rotl(lane[2], 32) ^ std::rotl(lane[3], 48);
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * kPrime;
  return h ^ (h >> 32);
}

// Walks the articles of a cache body (after the count). Article layout: u32 size of the rest
// of the article; u8 prefix count, then per prefix its key and a u8 `longer`; index headword;
// headword; its key; its lexicon key (or kSameAsKey); u32 equivalent count, then per
// equivalent its text, key and lexicon key (or kSameAsKey). Returns false on malformed bytes;
// articles `keep` rejects are skipped by their size, unread.
bool walk_articles(std::string_view body, std::uint32_t count, const HeadwordPrefixFilter& keep,
                   const std::function<void(const FoldedArticle&)>& visit) {
  Reader r(body);
  std::vector<HeadwordPrefixView> prefixes;
  std::vector<FoldedArticle::Equivalent> equivalents;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t size;
    if (!r.number(size) || r.remaining() < size) return false;
    const std::size_t end = r.remaining() - size;  // remaining() once the article is read
    std::uint8_t n_prefixes;
    if (!r.number(n_prefixes)) return false;
    prefixes.clear();
    for (std::uint8_t k = 0; k < n_prefixes; ++k) {
      HeadwordPrefixView p;
      std::uint8_t longer;
      if (!r.text(p.key) || !r.number(longer)) return false;
      p.longer = longer != 0;
      prefixes.push_back(p);
    }
    if (keep && !keep(prefixes)) {
      if (r.remaining() < end || !r.skip(r.remaining() - end)) return false;
      continue;
    }
    FoldedArticle a;
    std::uint32_t n;
    if (!r.text(a.index_headword) || !r.text(a.headword) || !r.text(a.key) ||
        !r.text_or_same(a.lexicon_key, a.key) || !r.number(n))
      return false;
    equivalents.clear();
    for (std::uint32_t k = 0; k < n; ++k) {
      FoldedArticle::Equivalent e;
      if (!r.text(e.text) || !r.text(e.key) || !r.text_or_same(e.lexicon_key, e.key)) return false;
      equivalents.push_back(e);
    }
    if (r.remaining() != end) return false;
    a.equivalents = equivalents;
    if (visit) visit(a);
  }
  return r.at_end();
}

}  // namespace

std::string FoldedFreeDict::serialize(
    const FreeDictFiles& files, const std::vector<std::pair<std::string, DictEntry>>& articles) {
  Writer w;
  std::optional<SourceStamp> stamp = stamp_of(files);
  write_header(w, files, stamp.value_or(SourceStamp{}));
  Writer body;
  std::vector<HeadwordPrefix> prefixes;
  for (const auto& [index_headword, entry] : articles) {
    Writer a;
    headword_prefixes(index_headword, prefixes);
    // A headword of more than 255 words is no dictionary headword; such an article could not be
    // told by its prefixes, so it is stored with none and kept only by an empty filter.
    if (prefixes.size() > UINT8_MAX) prefixes.clear();
    a.number(static_cast<std::uint8_t>(prefixes.size()));
    for (const HeadwordPrefix& p : prefixes) {
      a.text(p.key);
      a.number(static_cast<std::uint8_t>(p.longer));
    }
    a.text(index_headword);
    a.text(entry.headword);
    std::string key = fold_key(entry.headword);
    a.text(key);
    a.text_or_same(fold_key(key), key);
    a.number(static_cast<std::uint32_t>(entry.equivalents.size()));
    for (const std::string& e : entry.equivalents) {
      std::string ekey = fold_key(e);
      a.text(e);
      a.text(ekey);
      a.text_or_same(fold_key(ekey), ekey);
    }
    body.number(static_cast<std::uint32_t>(a.bytes().size()));
    body.bytes().append(a.bytes());
  }
  w.number(static_cast<std::uint32_t>(articles.size()));
  w.number(checksum(body.bytes()));
  w.bytes().append(body.bytes());
  return std::move(w.bytes());
}

bool FoldedFreeDict::parse(std::string_view bytes, const FreeDictFiles& files) {
  auto data = std::make_shared_for_overwrite<char[]>(bytes.size());
  std::memcpy(data.get(), bytes.data(), bytes.size());
  return adopt(std::shared_ptr<const char>(data, data.get()), bytes.size(), files);
}

bool FoldedFreeDict::adopt(std::shared_ptr<const char> data, std::size_t size,
                           const FreeDictFiles& files) {
  data_.reset();
  size_ = 0;
  body_ = 0;
  count_ = 0;
  const std::string_view bytes(data.get(), size);
  std::optional<SourceStamp> stamp = stamp_of(files);
  Reader r(bytes);
  std::uint32_t count;
  std::uint64_t sum;
  if (!header_matches(r, files, stamp.value_or(SourceStamp{})) || !r.number(count) ||
      !r.number(sum))
    return false;
  const std::size_t body = bytes.size() - r.remaining();
  if (checksum(bytes.substr(body)) != sum) return false;
  // The articles must also fill the body exactly (a checksum collision must not make
  // for_each() read past an article).
  Reader sizes(bytes.substr(body));
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t article;
    if (!sizes.number(article) || !sizes.skip(article)) return false;
  }
  if (!sizes.at_end()) return false;
  data_ = std::move(data);
  size_ = size;
  body_ = body;
  count_ = count;
  return true;
}

FoldedFreeDict FoldedFreeDict::load(const FreeDictFiles& files) {
  FoldedFreeDict dict;
  fs::path path = freedict_cache_file(files);
  if (!path.empty()) {
    std::size_t size = 0;
    if (auto file = map_file(path, size))
      if (dict.adopt(std::move(file), size, files)) {
        dict.source_ = path;
        return dict;
      }
  }
  std::string bytes = serialize(files, parse_all(files));
  if (!path.empty() && stamp_of(files)) store_cache(path, bytes);
  if (!dict.parse(bytes, files))
    throw Error(Location::in_file(files.index), "the dictionary changed while it was read");
  return dict;
}

void FoldedFreeDict::for_each(const HeadwordPrefixFilter& keep,
                              const std::function<void(const FoldedArticle&)>& visit) const {
  if (!walk_articles(std::string_view(data_.get(), size_).substr(body_), count_, keep, visit))
    throw Error(Location::in_file(source_.string()),
                "damaged dictionary cache (delete the file; it is rebuilt on the next run)");
}

fs::path freedict_cache_directory() {
  if (const char* dir = std::getenv("TANDEM_CACHE_DIR"); dir && *dir) return fs::path(dir);
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "tandem";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".cache" / "tandem";
  return {};
}

fs::path freedict_cache_file(const FreeDictFiles& files) {
  fs::path dir = freedict_cache_directory();
  if (dir.empty()) return {};
  // The stem names the dictionary for a human; the hash tells apart same-named copies.
  std::size_t h = std::hash<std::string>{}(files.index + '\n' + files.dict_dz);
  // The version is in the name too, so that binaries of different versions sharing a cache
  // directory do not keep rebuilding each other's files.
  return dir / (fs::path(files.index).stem().string() + "-" + std::to_string(h) + ".v" +
                std::to_string(kVersion) + ".fdcache");
}

std::vector<DictEntry> read_freedict_cached(const FreeDictFiles& files,
                                            const HeadwordFilter& keep) {
  if (freedict_cache_file(files).empty() || !stamp_of(files))
    return read_freedict(files.index, files.dict_dz, keep);
  FoldedFreeDict dict;
  try {
    dict = FoldedFreeDict::load(files);
  } catch (const Error&) {
    // A damaged line the filter would have skipped must not fail the call: read as before,
    // which reports the error only when it matters.
    return read_freedict(files.index, files.dict_dz, keep);
  }
  std::vector<DictEntry> entries;
  dict.for_each({}, [&](const FoldedArticle& a) {
    if (keep && !keep(a.index_headword)) return;
    DictEntry entry;
    entry.headword = a.headword;
    entry.equivalents.reserve(a.equivalents.size());
    for (const FoldedArticle::Equivalent& e : a.equivalents) entry.equivalents.emplace_back(e.text);
    entries.push_back(std::move(entry));
  });
  return entries;
}

}  // namespace tandem
