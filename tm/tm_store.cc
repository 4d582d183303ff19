#include "tm/tm_store.h"

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>

#include "corpus/error.h"
#include "corpus/workspace.h"

namespace tandem {
namespace {

constexpr std::array<std::string_view, 4> kOrigins = {"aligned", "mined", "imported", "manual"};
constexpr std::array<std::string_view, 3> kStatuses = {"draft", "confirmed", "rejected"};

template <typename Enum, std::size_t N>
std::optional<Enum> enum_from(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

// FNV-1a: stable across builds and platforms, which std::hash is not (the hash is persisted).
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ull) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::int64_t pair_hash(std::string_view fr, std::string_view en, std::uint64_t probe) {
  std::uint64_t hash = fnv1a(en, fnv1a(std::string_view("\0", 1), fnv1a(fr)));
  return static_cast<std::int64_t>(hash + probe);
}

Lang lang_column(std::string_view text) { return text == "en" ? Lang::en : Lang::fr; }

std::string in_list(std::size_t n) {
  std::string out = "(";
  for (std::size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out + ")";
}

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos;
}

void validate(const NewUnit& unit, std::size_t index) {
  auto fail = [&](std::string_view why) {
    throw Error(fmt::format("translation unit {}: {}", index + 1, why));
  };
  if (blank(unit.fr)) fail("empty French text");
  if (blank(unit.en)) fail("empty English text");
  if (unit.src == Lang::und) fail("source language must be fr or en");
  if (!(unit.score >= 0.0 && unit.score <= 1.0))
    fail(fmt::format("score {} not in [0, 1]", unit.score));
}

}  // namespace

std::string_view to_string(Origin origin) { return kOrigins[static_cast<std::size_t>(origin)]; }
std::string_view to_string(UnitStatus status) {
  return kStatuses[static_cast<std::size_t>(status)];
}
std::optional<Origin> origin_from_string(std::string_view text) {
  return enum_from<Origin>(kOrigins, text);
}
std::optional<UnitStatus> status_from_string(std::string_view text) {
  return enum_from<UnitStatus>(kStatuses, text);
}

std::string normalize_unit_text(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string composed;
  // Most text is already NFC: check on UTF-8 directly and convert only when needed.
  icu::StringPiece piece(text.data(), static_cast<std::int32_t>(text.size()));
  if (U_SUCCESS(status) && !nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    nfc->normalize(icu::UnicodeString::fromUTF8(piece), status).toUTF8String(composed);
  } else {
    composed.assign(text);
  }
  std::string out;
  out.reserve(composed.size());
  bool space = false;
  for (char c : composed) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

TranslationMemory::TranslationMemory(Database& db) : db_(db) {}

AddResult TranslationMemory::add_units(std::span<const NewUnit> units) {
  for (std::size_t i = 0; i < units.size(); ++i) validate(units[i], i);
  std::optional<Transaction> tx;
  if (sqlite3_get_autocommit(db_.handle())) tx.emplace(db_);
  AddResult result;
  result.ids.reserve(units.size());
  {
    Writer writer(*this);
    for (std::size_t i = 0; i < units.size(); ++i) result.ids.push_back(writer.add(units[i], i));
    writer.finish();
    result.inserted = writer.inserted();
    result.merged = writer.merged();
  }
  if (tx) tx->commit();
  return result;
}

struct TranslationMemory::Writer::Statements {
  explicit Statements(Database& db)
      : insert(db,
               "INSERT INTO tm_units(pair_hash, src_lang, fr, en, fr_markup, en_markup, origin, "
               "score, status, tuid, created_at, changed_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(pair_hash) DO NOTHING"),
        find(db, "SELECT id, fr, en FROM tm_units WHERE pair_hash = ?"),
        merge(db,
              "UPDATE tm_units SET count = count + 1, score = max(score, ?2), "
              "status = CASE WHEN status = 'draft' AND ?3 = 'confirmed' THEN ?3 ELSE status "
              "END, changed_at = ?4 WHERE id = ?1"),
        add_source(db,
                   "INSERT OR IGNORE INTO tm_unit_sources(unit_id, lang, document_id, "
                   "sentence_id) VALUES (?, ?, ?, ?)"),
        add_prop(db,
                 "INSERT INTO tm_unit_props(unit_id, position, side, kind, type, value) "
                 "VALUES (?, ?, ?, ?, ?, ?)") {}
  Statement insert, find, merge, add_source, add_prop;
};

TranslationMemory::Writer::Writer(TranslationMemory& tm)
    : tm_(tm), statements_(std::make_unique<Statements>(tm.db_)), now_(utc_now_iso8601()) {
  if (sqlite3_get_autocommit(tm_.db_.handle())) {
    throw Error("translation memory writer used outside a transaction");
  }
  Statement max_id(tm_.db_, "SELECT coalesce(max(id), 0) FROM tm_units");
  max_id.step();
  first_new_above_ = max_id.column_int(0);
}

TranslationMemory::Writer::~Writer() = default;

std::int64_t TranslationMemory::Writer::add(const NewUnit& unit, std::size_t index) {
  validate(unit, index);
  NewUnit normalized = unit;  // cheap next to the insert; keeps add_normalized the one path
  normalized.fr = normalize_unit_text(unit.fr);
  normalized.en = normalize_unit_text(unit.en);
  return add_normalized(normalized, index);
}

std::int64_t TranslationMemory::Writer::add_normalized(const NewUnit& unit, std::size_t index) {
  validate(unit, index);
  Statements& s = *statements_;
  const std::string& changed = unit.changed_at.empty() ? now_ : unit.changed_at;
  auto optional_text = [](const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string_view>(text);
  };
  // Insert first: in a bulk load almost every pair is new, so one B-tree descent on the unique
  // pair_hash index instead of a lookup then an insert. On conflict, the stored pair is either
  // the same (merge) or an (astronomically rare) hash collision: probe the next hash.
  std::int64_t id = 0;
  for (std::uint64_t probe = 0; id == 0; ++probe) {
    const std::int64_t hash = pair_hash(unit.fr, unit.en, probe);
    s.insert.bind(1, hash)
        .bind(2, to_tag(unit.src))
        .bind(3, unit.fr)
        .bind(4, unit.en)
        .bind(5, optional_text(unit.fr_markup))
        .bind(6, optional_text(unit.en_markup))
        .bind(7, to_string(unit.origin))
        .bind(8, unit.score)
        .bind(9, to_string(unit.status))
        .bind(10, optional_text(unit.tuid))
        .bind(11, unit.created_at.empty() ? now_ : unit.created_at)
        .bind(12, changed);
    s.insert.run();
    if (tm_.db_.changes() > 0) {
      id = tm_.db_.last_insert_id();
      ++inserted_;
      int position = 0;
      for (const UnitProp& prop : unit.props) {
        s.add_prop.bind(1, id).bind(2, position++);
        if (prop.side) {
          s.add_prop.bind(3, to_tag(*prop.side));
        } else {
          s.add_prop.bind_null(3);
        }
        s.add_prop.bind(4, prop.kind == UnitProp::Kind::note ? "note" : "prop")
            .bind(5, prop.type)
            .bind(6, prop.value);
        s.add_prop.run();
      }
      break;
    }
    s.find.bind(1, hash);
    if (s.find.step() && s.find.column_text(1) == unit.fr && s.find.column_text(2) == unit.en) {
      id = s.find.column_int(0);
    }
    s.find.reset();
    if (id != 0) {
      s.merge.bind(1, id).bind(2, unit.score).bind(3, to_string(unit.status)).bind(4, changed);
      s.merge.run();
      ++merged_;
    }
  }
  for (Lang lang : {Lang::fr, Lang::en}) {
    for (const SentenceRef& ref : lang == Lang::fr ? unit.fr_sentences : unit.en_sentences) {
      s.add_source.bind(1, id)
          .bind(2, to_tag(lang))
          .bind(3, ref.document_id)
          .bind(4, ref.sentence_id);
      s.add_source.run();
    }
  }
  return id;
}

void TranslationMemory::Writer::finish() {
  if (finished_) return;
  finished_ = true;
  if (inserted_ == 0) return;
  // New rows have ids above the maximum before the writer (INTEGER PRIMARY KEY without
  // AUTOINCREMENT): one statement hands exactly them to the concordance index.
  Statement index(tm_.db_,
                  "INSERT INTO tm_fts(rowid, fr, en) SELECT id, fr, en FROM tm_units WHERE id > ?");
  index.bind(1, first_new_above_);
  index.run();
  tm_.bump_generation();
}

void TranslationMemory::bump_generation() {
  db_.exec("UPDATE tm_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'");
}

std::int64_t TranslationMemory::generation() {
  Statement select(db_, "SELECT CAST(value AS INTEGER) FROM tm_meta WHERE key = 'generation'");
  return select.step() ? select.column_int(0) : 0;
}

std::string TranslationMemory::instance() {
  Statement select(db_, "SELECT value FROM tm_meta WHERE key = 'instance'");
  return select.step() ? select.column_string(0) : std::string();
}

namespace {

constexpr std::string_view kUnitColumns =
    "SELECT id, src_lang, fr, en, fr_markup, en_markup, origin, score, status, count, tuid, "
    "created_at, changed_at FROM tm_units";

Unit read_unit_row(const Statement& row) {
  Unit unit;
  unit.id = row.column_int(0);
  unit.src = lang_column(row.column_text(1));
  unit.fr = row.column_string(2);
  unit.en = row.column_string(3);
  unit.fr_markup = row.column_string(4);
  unit.en_markup = row.column_string(5);
  unit.origin = origin_from_string(row.column_text(6)).value_or(Origin::manual);
  unit.score = row.column_double(7);
  unit.status = status_from_string(row.column_text(8)).value_or(UnitStatus::draft);
  unit.count = row.column_int(9);
  unit.tuid = row.column_string(10);
  unit.created_at = row.column_string(11);
  unit.changed_at = row.column_string(12);
  return unit;
}

}  // namespace

// Reads the rows of a statement selecting kUnitColumns, adding props and sources on demand.
class TranslationMemory::UnitReader {
 public:
  explicit UnitReader(Database& db)
      : props_(db,
               "SELECT side, kind, type, value FROM tm_unit_props WHERE unit_id = ? "
               "ORDER BY position"),
        sources_(db,
                 "SELECT lang, document_id, sentence_id FROM tm_unit_sources WHERE unit_id = ? "
                 "ORDER BY rowid") {}

  Unit read(const Statement& row, bool with_details) {
    Unit unit = read_unit_row(row);
    if (!with_details) return unit;
    props_.bind(1, unit.id);
    while (props_.step()) {
      UnitProp prop;
      if (!props_.is_null(0)) prop.side = lang_column(props_.column_text(0));
      prop.kind = props_.column_text(1) == "note" ? UnitProp::Kind::note : UnitProp::Kind::prop;
      prop.type = props_.column_string(2);
      prop.value = props_.column_string(3);
      unit.props.push_back(std::move(prop));
    }
    props_.reset();
    sources_.bind(1, unit.id);
    while (sources_.step()) {
      SentenceRef ref{sources_.column_int(1), sources_.column_int(2)};
      (lang_column(sources_.column_text(0)) == Lang::en ? unit.en_sentences : unit.fr_sentences)
          .push_back(ref);
    }
    sources_.reset();
    return unit;
  }

 private:
  Statement props_;
  Statement sources_;
};

std::optional<Unit> TranslationMemory::unit(std::int64_t id) {
  Statement select(db_, fmt::format("{} WHERE id = ?", kUnitColumns));
  select.bind(1, id);
  if (!select.step()) return std::nullopt;
  UnitReader reader(db_);
  return reader.read(select, true);
}

bool TranslationMemory::remove(std::int64_t id) {
  std::optional<Transaction> tx;
  if (sqlite3_get_autocommit(db_.handle())) tx.emplace(db_);
  Statement erase(db_, "DELETE FROM tm_units WHERE id = ?");
  erase.bind(1, id);
  erase.run();
  bool removed = db_.changes() > 0;
  if (removed) bump_generation();
  if (tx) tx->commit();
  return removed;
}

bool TranslationMemory::set_status(std::int64_t id, UnitStatus status) {
  Statement update(db_, "UPDATE tm_units SET status = ?, changed_at = ? WHERE id = ?");
  update.bind(1, to_string(status)).bind(2, utc_now_iso8601()).bind(3, id);
  update.run();
  bool changed = db_.changes() > 0;
  if (changed) bump_generation();  // rejected units leave the fuzzy index
  return changed;
}

void TranslationMemory::for_each(const UnitFilter& filter,
                                 const std::function<bool(const Unit&)>& visit, bool with_details) {
  std::string sql(kUnitColumns);
  std::vector<std::string> conditions;
  if (!filter.origins.empty()) conditions.push_back("origin IN " + in_list(filter.origins.size()));
  if (!filter.statuses.empty())
    conditions.push_back("status IN " + in_list(filter.statuses.size()));
  if (filter.min_score) conditions.push_back("score >= ?");
  if (filter.src) conditions.push_back("src_lang = ?");
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    sql += (i ? " AND " : " WHERE ") + conditions[i];
  }
  sql += " ORDER BY id";
  Statement select(db_, sql);
  int index = 1;
  for (Origin origin : filter.origins) select.bind(index++, to_string(origin));
  for (UnitStatus status : filter.statuses) select.bind(index++, to_string(status));
  if (filter.min_score) select.bind(index++, *filter.min_score);
  if (filter.src) select.bind(index++, to_tag(*filter.src));
  UnitReader reader(db_);
  while (select.step()) {
    if (!visit(reader.read(select, with_details))) break;
  }
}

std::vector<Unit> TranslationMemory::query(const UnitFilter& filter, std::size_t limit) {
  std::vector<Unit> units;
  if (limit == 0) return units;
  for_each(filter, [&](const Unit& unit) {
    units.push_back(unit);
    return units.size() < limit;
  });
  return units;
}

TmCounts TranslationMemory::counts() {
  TmCounts counts;
  Statement select(db_,
                   "SELECT origin, status, src_lang, count(*) FROM tm_units "
                   "GROUP BY origin, status, src_lang");
  while (select.step()) {
    std::int64_t n = select.column_int(3);
    counts.units += n;
    counts.by_origin[origin_from_string(select.column_text(0)).value_or(Origin::manual)] += n;
    counts.by_status[status_from_string(select.column_text(1)).value_or(UnitStatus::draft)] += n;
    counts.by_source[lang_column(select.column_text(2))] += n;
  }
  return counts;
}

}  // namespace tandem
