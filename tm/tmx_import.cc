#include "tm/tmx_import.h"

#include <charconv>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "corpus/error.h"
#include "tm/tmx_reader.h"
#include "tm/tmx_writer.h"

namespace tandem {
namespace {

// Units per hand-over between the threads, and batches the queue holds: a few MB in flight.
constexpr std::size_t kBatch = 1000;
constexpr std::size_t kQueuedBatches = 8;

// Batches of units from the parsing thread to the writing thread, bounded so memory stays flat
// whatever the file size. The consumer stops the producer early with cancel().
class UnitQueue {
 public:
  explicit UnitQueue(std::size_t capacity) : capacity_(capacity) {}

  // On the producer thread: runs parse(emit), where emit(NewUnit&&) queues a unit. Ends the
  // queue when parse returns or throws; its exception is rethrown by next().
  template <typename Parse>
  void produce(Parse&& parse) {
    std::vector<NewUnit> batch;
    batch.reserve(kBatch);
    try {
      parse([&](NewUnit&& unit) {
        batch.push_back(std::move(unit));
        if (batch.size() == kBatch) push(batch);
      });
      if (!batch.empty()) push(batch);
      finish(nullptr);
    } catch (const Cancelled&) {
      finish(nullptr);
    } catch (...) {
      finish(std::current_exception());
    }
  }

  // On the consumer thread: the next batch (valid until the next call), nullptr at the end.
  // Rethrows the producer's exception as soon as there is one.
  std::vector<NewUnit>* next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || done_; });
    if (error_) std::rethrow_exception(error_);
    if (ready_.empty()) return nullptr;
    current_ = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return &current_;
  }

  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    changed_.notify_all();
  }

 private:
  struct Cancelled {};

  void push(std::vector<NewUnit>& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return ready_.size() < capacity_ || cancelled_; });
    if (cancelled_) throw Cancelled{};
    ready_.push_back(std::move(batch));
    changed_.notify_all();
    batch.clear();  // a moved-from vector is valid but unspecified
    batch.reserve(kBatch);
  }

  void finish(std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    done_ = true;
    error_ = std::move(error);
    changed_.notify_all();
  }

  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<NewUnit>> ready_;
  std::vector<NewUnit> current_;  // the batch the consumer is writing
  bool done_ = false;
  bool cancelled_ = false;
  std::exception_ptr error_;
};

// Cancels the queue on scope exit, so that a producer blocked on a full queue wakes up before
// its thread is joined (whether the consumer finished or threw).
class CancelOnExit {
 public:
  explicit CancelOnExit(UnitQueue& queue) : queue_(queue) {}
  ~CancelOnExit() { queue_.cancel(); }
  CancelOnExit(const CancelOnExit&) = delete;
  CancelOnExit& operator=(const CancelOnExit&) = delete;

 private:
  UnitQueue& queue_;
};

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

// The unit a <tu> becomes (texts normalised), or nullopt when it is skipped (counted in stats).
std::optional<NewUnit> to_unit(TmxTu&& tu, std::optional<Lang> header_src, TmxImportStats& stats) {
  TmxTuv* sides[2] = {nullptr, nullptr};  // fr, en
  std::optional<Lang> first;
  for (TmxTuv& tuv : tu.tuvs) {
    auto lang = lang_from_tag(tuv.lang);
    if (!lang || *lang == Lang::und || sides[static_cast<int>(*lang)]) {
      ++stats.ignored_variants;
      continue;
    }
    sides[static_cast<int>(*lang)] = &tuv;
    if (!first) first = lang;
  }
  if (!sides[0] || !sides[1]) {
    ++stats.skipped_no_pair;
    return std::nullopt;
  }
  NewUnit unit;
  unit.fr = normalize_unit_text(sides[0]->text);
  unit.en = normalize_unit_text(sides[1]->text);
  if (unit.fr.empty() || unit.en.empty()) {
    ++stats.skipped_no_pair;
    return std::nullopt;
  }
  unit.origin = Origin::imported;
  unit.fr_markup = std::move(sides[0]->markup);
  unit.en_markup = std::move(sides[1]->markup);
  auto own_src = lang_from_tag(tu.srclang);
  unit.src = own_src && *own_src != Lang::und ? *own_src : header_src.value_or(*first);
  unit.tuid = std::move(tu.tuid);
  unit.created_at = tmx_to_iso_date(tu.creationdate);
  unit.changed_at = tmx_to_iso_date(tu.changedate);
  keep_props(tu.props, std::nullopt, unit);
  keep_props(sides[0]->props, Lang::fr, unit);
  keep_props(sides[1]->props, Lang::en, unit);
  return unit;
}

}  // namespace

TmxImportStats import_tmx(TranslationMemory& tm, const std::string& path) {
  TmxImportStats stats;
  std::optional<Lang> header_src;
  // The calling thread only writes to the database (SQLite, concordance indexing); parsing and
  // normalising run on their own thread, a bounded queue ahead, so the two overlap while
  // memory stays flat. Stats fields are each written by one thread and read after the join.
  UnitQueue queue(kQueuedBatches);
  TmxReader reader(path);
  std::jthread parser([&] {
    queue.produce([&](const auto& emit) {
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
            if (auto unit = to_unit(std::move(tu), header_src, stats)) emit(std::move(*unit));
          });
    });
  });
  CancelOnExit cancel(queue);  // before the jthread joins: a blocked parser must wake up

  // A large import touches the whole unique-pair index and the FTS5 segments: a page cache of
  // 256 MB (instead of SQLite's 2 MB) keeps them in memory for the one long transaction.
  CacheSize cache(tm.db(), 256 * 1024);
  Transaction tx(tm.db());
  TranslationMemory::Writer writer(tm);
  std::size_t index = 0;
  while (std::vector<NewUnit>* batch = queue.next()) {
    for (const NewUnit& unit : *batch) writer.add_normalized(unit, index++);
  }
  writer.finish();
  tx.commit();
  stats.inserted = static_cast<std::int64_t>(writer.inserted());
  stats.merged = static_cast<std::int64_t>(writer.merged());
  return stats;
}

}  // namespace tandem
