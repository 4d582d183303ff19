// The translation memory: French–English translation units stored in the workspace (SQLite).
//
// Every stage that produces sentence pairs (alignment, mining, TMX import, manual entry) adds
// them here through add_units(). A unit holds both texts as plain text (what matching and
// concordance read) and, when it came from a TMX with inline codes, the <seg> inner XML verbatim
// (what display and export write back). Units are unique per normalised pair (NFC, whitespace
// collapsed, case kept): adding the same pair again bumps its `count`, keeps the higher score and
// the better status, and returns the existing id.
//
// Every write goes through this class: it keeps the concordance index (FTS5, in the same
// transaction) and the generation counter that invalidates the fuzzy-lookup index (see
// tm/fuzzy_index.h) in step with the units.
//
// Transactions: each write runs in its own transaction, or joins the caller's when one is open
// on the connection (so a stage can add units and its own rows atomically).
//
// Thread-safety: none; one TranslationMemory per Database, used from one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/database.h"
#include "corpus/language.h"

namespace tandem {

enum class Origin { aligned, mined, imported, manual };
enum class UnitStatus { draft, confirmed, rejected };

std::string_view to_string(Origin origin);
std::string_view to_string(UnitStatus status);
std::optional<Origin> origin_from_string(std::string_view text);
std::optional<UnitStatus> status_from_string(std::string_view text);

// Where a side of a unit came from in the corpus (documents/sentences tables).
struct SentenceRef {
  std::int64_t document_id = 0;
  std::int64_t sentence_id = 0;
  bool operator==(const SentenceRef&) const = default;
};

// A TMX <prop> or <note>, on the <tu> (side = nullopt) or on one <tuv> (side = fr/en).
struct UnitProp {
  enum class Kind { prop, note };
  Kind kind = Kind::prop;
  std::string type;  // prop type, e.g. "x-domain"; empty for notes
  std::string value;
  std::optional<Lang> side;
  bool operator==(const UnitProp&) const = default;
};

// What a stage hands to add_units().
struct NewUnit {
  std::string fr;  // plain text (inline codes removed), never empty
  std::string en;
  Lang src = Lang::fr;  // the side that was the source of the translation
  Origin origin = Origin::manual;
  double score = 1.0;  // stage confidence in [0, 1]; 1 for imported/manual
  UnitStatus status = UnitStatus::draft;
  std::vector<SentenceRef> fr_sentences;  // optional provenance in the corpus
  std::vector<SentenceRef> en_sentences;
  std::string tuid;       // TMX tuid of imported units
  std::string fr_markup;  // <seg> inner XML when it holds inline codes; empty = plain text
  std::string en_markup;
  std::vector<UnitProp> props;
  std::string created_at;  // ISO 8601 UTC ("2026-03-01T12:00:00Z"); empty = now
  std::string changed_at;
};

struct Unit {
  std::int64_t id = 0;
  std::string fr, en;
  std::string fr_markup, en_markup;  // empty when plain
  Lang src = Lang::fr;
  Origin origin = Origin::manual;
  double score = 1.0;
  UnitStatus status = UnitStatus::draft;
  std::int64_t count = 1;  // how many times this pair was added
  std::string tuid;        // empty when not imported
  std::string created_at, changed_at;
  std::vector<SentenceRef> fr_sentences, en_sentences;
  std::vector<UnitProp> props;

  // The id a TMX or batch output names the unit by: its tuid, else its own id.
  std::string display_tuid() const { return tuid.empty() ? std::to_string(id) : tuid; }
  const std::string& text(Lang lang) const { return lang == Lang::en ? en : fr; }
  const std::string& markup(Lang lang) const { return lang == Lang::en ? en_markup : fr_markup; }
};

// Selects units; empty lists and unset fields match everything.
struct UnitFilter {
  std::vector<Origin> origins;
  std::vector<UnitStatus> statuses;
  std::optional<double> min_score;
  std::optional<Lang> src;
};

struct AddResult {
  std::vector<std::int64_t> ids;  // one per input unit, in order (existing id when merged)
  std::size_t inserted = 0;
  std::size_t merged = 0;  // duplicates of a stored pair (or of an earlier input unit)
};

struct TmCounts {
  std::int64_t units = 0;
  std::map<Origin, std::int64_t> by_origin;
  std::map<UnitStatus, std::int64_t> by_status;
  std::map<Lang, std::int64_t> by_source;  // fr = fr→en units, en = en→fr
};

class TranslationMemory {
 public:
  explicit TranslationMemory(Database& db);

  // Adds the units atomically. Throws tandem::Error (nothing added) when a unit has an empty
  // side, a score outside [0, 1] or a source language other than fr/en.
  AddResult add_units(std::span<const NewUnit> units);
  std::int64_t add_unit(const NewUnit& unit) { return add_units({&unit, 1}).ids.front(); }

  std::optional<Unit> unit(std::int64_t id);
  // False when no such unit.
  bool remove(std::int64_t id);
  bool set_status(std::int64_t id, UnitStatus status);

  // Units matching the filter, by ascending id, streamed to `visit` (return false to stop).
  // Props and sentence refs are filled only when `with_details` (export needs them, lists not).
  void for_each(const UnitFilter& filter, const std::function<bool(const Unit&)>& visit,
                bool with_details = true);
  std::vector<Unit> query(const UnitFilter& filter, std::size_t limit = SIZE_MAX);

  TmCounts counts();
  // Changes whenever a unit's text is added or removed; the fuzzy index compares it with the
  // one it was built at. `instance` identifies this workspace's TM (random, set at creation).
  std::int64_t generation();
  std::string instance();

  Database& db() { return db_; }

  // Adds units over many calls inside one transaction the caller holds (bulk loads such as a
  // TMX import, where add_units per batch would re-prepare its statements and index each batch
  // separately). New units enter the concordance index together in finish(), which must run
  // before the transaction commits: until then concordance does not see them, and a writer
  // dropped without finish() leaves them unindexed (the caller then rolls back).
  class Writer {
   public:
    // Throws tandem::Error when no transaction is open on the connection.
    explicit Writer(TranslationMemory& tm);
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    ~Writer();

    // Adds one unit and returns its id (the existing one when merged). Validates like
    // add_units(); `index` numbers the unit in error messages.
    std::int64_t add(const NewUnit& unit, std::size_t index = 0);
    // Same, for a unit whose fr/en are already normalize_unit_text() output and non-empty (lets
    // a caller do that work on another thread).
    std::int64_t add_normalized(const NewUnit& unit, std::size_t index = 0);
    // Indexes the new units for concordance and invalidates the fuzzy index; once.
    void finish();

    std::size_t inserted() const { return inserted_; }
    std::size_t merged() const { return merged_; }

   private:
    struct Statements;
    TranslationMemory& tm_;
    std::unique_ptr<Statements> statements_;
    std::int64_t first_new_above_ = 0;  // new rows get ids above the maximum before the writer
    std::string now_;
    std::size_t inserted_ = 0;
    std::size_t merged_ = 0;
    bool finished_ = false;
  };

 private:
  class UnitReader;
  void bump_generation();
  Database& db_;
};

// The normalised form units are deduplicated on: NFC, whitespace runs → one space, trimmed.
std::string normalize_unit_text(std::string_view text);

}  // namespace tandem
