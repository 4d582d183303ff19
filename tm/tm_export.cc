#include "tm/tm_export.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "corpus/error.h"
#include "tm/tmx_writer.h"

namespace tandem {
namespace {

// A file that appears at its final path only on commit(); removed otherwise.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path)
      : path_(std::move(path)), temp_(fmt::format("{}.tmp-{}", path_, ::getpid())) {
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) throw Error(Location::in_file(path_), "cannot create output file");
  }
  ~AtomicFile() {
    if (!committed_) {
      out_.close();
      std::error_code ignored;
      std::filesystem::remove(temp_, ignored);
    }
  }
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  void commit() {
    out_.close();
    if (!out_) throw Error(Location::in_file(path_), "write failed (disk full?)");
    std::error_code error;
    std::filesystem::rename(temp_, path_, error);
    if (error) throw Error(Location::in_file(path_), "cannot rename output: " + error.message());
    committed_ = true;
  }

 private:
  std::string path_;
  std::string temp_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace

std::string escape_tsv_field(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::int64_t export_tm(TranslationMemory& tm, const std::string& path,
                       const ExportOptions& options) {
  AtomicFile file(path);
  std::ostream& out = file.stream();
  std::int64_t written = 0;
  const Lang src = options.src;
  const Lang tgt = other_lang(src);
  if (options.format == ExportFormat::tmx) {
    TmxWriter writer(out, src);
    tm.for_each(options.filter, [&](const Unit& unit) {
      writer.write(unit);
      ++written;
      return static_cast<bool>(out);
    });
    writer.finish();
  } else {
    out << fmt::format("{}\t{}\ttuid\torigin\tstatus\tscore\tcount\tcreated\tchanged\n",
                       to_tag(src), to_tag(tgt));
    tm.for_each(
        options.filter,
        [&](const Unit& unit) {
          out << fmt::format("{}\t{}\t{}\t{}\t{}\t{:.4g}\t{}\t{}\t{}\n",
                             escape_tsv_field(unit.text(src)), escape_tsv_field(unit.text(tgt)),
                             escape_tsv_field(unit.display_tuid()), to_string(unit.origin),
                             to_string(unit.status), unit.score, unit.count, unit.created_at,
                             unit.changed_at);
          ++written;
          return static_cast<bool>(out);
        },
        false);
  }
  if (!out) throw Error(Location::in_file(path), "write failed (disk full?)");
  file.commit();
  return written;
}

}  // namespace tandem
