#include "tm/freedict_cache.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <string_view>
#include <system_error>

#include "corpus/error.h"

namespace tandem {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "TNDFDICT";
// Bump whenever the layout below or read_freedict's parsing changes.
constexpr std::uint32_t kVersion = 1;

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

// An article with the index headword read_freedict's filter is applied to.
struct CachedArticle {
  std::string index_headword;
  DictEntry entry;
};

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
  bool literal(std::string_view expected) {
    if (!in_.starts_with(expected)) return false;
    in_.remove_prefix(expected.size());
    return true;
  }
  bool at_end() const { return in_.empty(); }

 private:
  std::string_view in_;
};

void write_header(Writer& w, const FreeDictFiles& files, const SourceStamp& stamp) {
  w.bytes().append(kMagic);
  w.number(kVersion);
  w.text(files.index);
  w.text(files.dict_dz);
  w.number(stamp.index_size);
  w.number(stamp.index_mtime);
  w.number(stamp.dict_size);
  w.number(stamp.dict_mtime);
}

bool header_matches(Reader& r, const FreeDictFiles& files, const SourceStamp& stamp) {
  std::uint32_t version;
  std::string_view index, dict;
  SourceStamp s;
  return r.literal(kMagic) && r.number(version) && version == kVersion && r.text(index) &&
         index == files.index && r.text(dict) && dict == files.dict_dz && r.number(s.index_size) &&
         r.number(s.index_mtime) && r.number(s.dict_size) && r.number(s.dict_mtime) && s == stamp;
}

std::optional<std::string> read_file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  std::string out(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(out.data(), static_cast<std::streamsize>(out.size()))) return std::nullopt;
  return out;
}

// The kept articles of an up-to-date cache file; nullopt when it is missing, stale or damaged.
std::optional<std::vector<DictEntry>> load_cache(const fs::path& path, const FreeDictFiles& files,
                                                 const SourceStamp& stamp,
                                                 const HeadwordFilter& keep) {
  std::optional<std::string> bytes = read_file_bytes(path);
  if (!bytes) return std::nullopt;
  Reader r(*bytes);
  std::uint32_t count;
  if (!header_matches(r, files, stamp) || !r.number(count)) return std::nullopt;
  std::vector<DictEntry> entries;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string_view index_headword, headword, equivalent;
    std::uint32_t n;
    if (!r.text(index_headword) || !r.text(headword) || !r.number(n)) return std::nullopt;
    // Articles the filter rejects are only skipped over: no strings are built for them.
    const bool wanted = !keep || keep(index_headword);
    DictEntry entry;
    if (wanted) entry.headword = headword;
    for (std::uint32_t k = 0; k < n; ++k) {
      if (!r.text(equivalent)) return std::nullopt;
      if (wanted) entry.equivalents.emplace_back(equivalent);
    }
    if (wanted) entries.push_back(std::move(entry));
  }
  if (!r.at_end()) return std::nullopt;
  return entries;
}

// Writes the cache atomically; any failure leaves no file behind and is otherwise ignored.
void store_cache(const fs::path& path, const FreeDictFiles& files, const SourceStamp& stamp,
                 const std::vector<CachedArticle>& articles) {
  Writer w;
  write_header(w, files, stamp);
  w.number(static_cast<std::uint32_t>(articles.size()));
  for (const CachedArticle& a : articles) {
    w.text(a.index_headword);
    w.text(a.entry.headword);
    w.number(static_cast<std::uint32_t>(a.entry.equivalents.size()));
    for (const std::string& e : a.entry.equivalents) w.text(e);
  }
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return;
  // Unique per process and call, so concurrent writers never share a temporary file.
  static std::atomic<unsigned> counter{0};
  fs::path temp = path;
  temp += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (out) out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      return;
    }
  }
  fs::rename(temp, path, ec);
  if (ec) fs::remove(temp, ec);
}

}  // namespace

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
  return dir / (fs::path(files.index).stem().string() + "-" + std::to_string(h) + ".fdcache");
}

std::vector<DictEntry> read_freedict_cached(const FreeDictFiles& files,
                                            const HeadwordFilter& keep) {
  fs::path path = freedict_cache_file(files);
  std::optional<SourceStamp> stamp = stamp_of(files);
  if (path.empty() || !stamp) return read_freedict(files.index, files.dict_dz, keep);
  if (auto cached = load_cache(path, files, *stamp, keep)) return std::move(*cached);

  std::vector<CachedArticle> all;
  try {
    visit_freedict(files.index, files.dict_dz, {},
                   [&all](std::string_view index_headword, DictEntry&& entry) {
                     all.push_back({std::string(index_headword), std::move(entry)});
                   });
  } catch (const Error&) {
    // A damaged line the filter would have skipped must not fail the call: read as before,
    // which reports the error only when it matters.
    return read_freedict(files.index, files.dict_dz, keep);
  }
  store_cache(path, files, *stamp, all);
  std::vector<DictEntry> entries;
  for (CachedArticle& a : all)
    if (!keep || keep(a.index_headword)) entries.push_back(std::move(a.entry));
  return entries;
}

}  // namespace tandem
