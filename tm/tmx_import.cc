#include "tm/tmx_import.h"

#include <charconv>
#include <optional>
#include <vector>

#include "corpus/error.h"
#include "tm/tmx_reader.h"
#include "tm/tmx_writer.h"

namespace tandem {
namespace {

constexpr std::size_t kBatch = 20000;  // also the unit of FTS5 indexing: fewer, larger segments

// Sets the connection's page cache size (KiB) and restores it on scope exit.
class CacheSize {
 public:
  CacheSize(Database& db, std::int64_t kib) : db_(db) {
    Statement current(db_, "PRAGMA cache_size");
    previous_ = current.step() ? current.column_int(0) : -2000;
    db_.exec("PRAGMA cache_size = -" + std::to_string(kib));
  }
  ~CacheSize() {
    sqlite3_exec(db_.handle(), ("PRAGMA cache_size = " + std::to_string(previous_)).c_str(),
                 nullptr, nullptr, nullptr);
  }
  CacheSize(const CacheSize&) = delete;
  CacheSize& operator=(const CacheSize&) = delete;

 private:
  Database& db_;
  std::int64_t previous_ = -2000;
};

void keep_props(const std::vector<TmxProp>& props, std::optional<Lang> side, NewUnit& unit) {
  for (const TmxProp& prop : props) {
    if (!side && !prop.is_note) {
      if (prop.type == kPropScore) {
        double score = 0;
        auto [end, error] =
            std::from_chars(prop.value.data(), prop.value.data() + prop.value.size(), score);
        if (error == std::errc() && score >= 0 && score <= 1) unit.score = score;
        continue;
      }
      if (prop.type == kPropStatus) {
        if (auto status = status_from_string(prop.value)) unit.status = *status;
        continue;
      }
      if (prop.type.starts_with("x-tandem-")) continue;  // origin/count: recomputed here
    }
    unit.props.push_back(
        {prop.is_note ? UnitProp::Kind::note : UnitProp::Kind::prop, prop.type, prop.value, side});
  }
}

}  // namespace

TmxImportStats import_tmx(TranslationMemory& tm, const std::string& path) {
  TmxImportStats stats;
  std::optional<Lang> header_src;
  std::vector<NewUnit> batch;
  batch.reserve(kBatch);
  auto flush = [&] {
    if (batch.empty()) return;
    AddResult result = tm.add_units(batch);
    stats.inserted += static_cast<std::int64_t>(result.inserted);
    stats.merged += static_cast<std::int64_t>(result.merged);
    batch.clear();
  };

  // A large import touches the whole unique-pair index and the FTS5 segments: a page cache of
  // 256 MB (instead of SQLite's 2 MB) keeps them in memory for the one long transaction.
  CacheSize cache(tm.db(), 256 * 1024);
  Transaction tx(tm.db());
  TmxReader reader(path);
  reader.read(
      [&](const TmxHeader& header) {
        stats.version = header.version;
        if (auto lang = lang_from_tag(header.srclang); lang && *lang != Lang::und) {
          header_src = lang;
        } else if (header.srclang.empty() || header.srclang == "*all*") {
          stats.missing_srclang = true;
        }
      },
      [&](TmxTu&& tu) {
        ++stats.tus;
        const TmxTuv* sides[2] = {nullptr, nullptr};  // fr, en
        std::optional<Lang> first;
        for (const TmxTuv& tuv : tu.tuvs) {
          auto lang = lang_from_tag(tuv.lang);
          if (!lang || *lang == Lang::und || sides[static_cast<int>(*lang)]) {
            ++stats.ignored_variants;
            continue;
          }
          sides[static_cast<int>(*lang)] = &tuv;
          if (!first) first = lang;
        }
        if (!sides[0] || !sides[1] || normalize_unit_text(sides[0]->text).empty() ||
            normalize_unit_text(sides[1]->text).empty()) {
          ++stats.skipped_no_pair;
          return;
        }
        NewUnit unit;
        unit.origin = Origin::imported;
        unit.fr = sides[0]->text;
        unit.en = sides[1]->text;
        unit.fr_markup = sides[0]->markup;
        unit.en_markup = sides[1]->markup;
        auto own_src = lang_from_tag(tu.srclang);
        unit.src = own_src && *own_src != Lang::und ? *own_src : header_src.value_or(*first);
        unit.tuid = tu.tuid;
        unit.created_at = tmx_to_iso_date(tu.creationdate);
        unit.changed_at = tmx_to_iso_date(tu.changedate);
        keep_props(tu.props, std::nullopt, unit);
        keep_props(sides[0]->props, Lang::fr, unit);
        keep_props(sides[1]->props, Lang::en, unit);
        batch.push_back(std::move(unit));
        if (batch.size() == kBatch) flush();
      });
  flush();
  tx.commit();
  return stats;
}

}  // namespace tandem
