#include "tm/tm_store.h"

#include <gtest/gtest.h>

#include "corpus/error.h"
#include "corpus/workspace.h"

namespace tandem {
namespace {

NewUnit pair(std::string fr, std::string en, Origin origin = Origin::manual, double score = 1.0) {
  NewUnit unit;
  unit.fr = std::move(fr);
  unit.en = std::move(en);
  unit.origin = origin;
  unit.score = score;
  return unit;
}

TEST(TranslationMemory, AddsUnitsAndReadsThemBack) {
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  std::vector<NewUnit> units = {
      pair("Le chat dort sur le canapé.", "The cat sleeps on the sofa."),
      pair("Il pleut à Lyon.", "It is raining in Lyon.", Origin::aligned, 0.8)};
  units[1].props.push_back({UnitProp::Kind::prop, "x-domain", "météo", std::nullopt});
  units[1].props.push_back({UnitProp::Kind::note, "", "relu", Lang::en});
  AddResult added = tm.add_units(units);
  ASSERT_EQ(added.ids.size(), 2u);
  EXPECT_EQ(added.inserted, 2u);
  auto second = tm.unit(added.ids[1]);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->fr, "Il pleut à Lyon.");
  EXPECT_EQ(second->en, "It is raining in Lyon.");
  EXPECT_EQ(second->origin, Origin::aligned);
  EXPECT_DOUBLE_EQ(second->score, 0.8);
  EXPECT_EQ(second->props, units[1].props);
  EXPECT_EQ(second->display_tuid(), std::to_string(added.ids[1]));
}

TEST(TranslationMemory, SamePairAfterNormalisationIsCountedNotDuplicated) {
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  auto first = tm.add_unit(
      pair("Le  train part\tà midi.", "The train leaves at noon.", Origin::aligned, 0.5));
  // "é" composed vs decomposed, extra spaces: the same normalised pair.
  std::vector<NewUnit> again = {
      pair("Le train part à midi. ", " The train leaves at noon.", Origin::mined, 0.9),
      pair("Le train part a\xCC\x80 midi.", "The train leaves at noon.")};
  AddResult result = tm.add_units(again);
  EXPECT_EQ(result.merged, 2u);
  EXPECT_EQ(result.ids, (std::vector<std::int64_t>{first, first}));
  auto unit = tm.unit(first);
  EXPECT_EQ(unit->count, 3);
  EXPECT_DOUBLE_EQ(unit->score, 1.0);
  EXPECT_EQ(tm.counts().units, 1);
}

TEST(TranslationMemory, RejectsInvalidUnitsWithoutAddingAny) {
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  std::vector<NewUnit> units = {pair("Bonjour.", "Hello."), pair("  ", "Empty French side.")};
  EXPECT_THROW(tm.add_units(units), Error);
  EXPECT_EQ(tm.counts().units, 0);
  units[1] = pair("Au revoir.", "Goodbye.", Origin::mined, 1.5);
  EXPECT_THROW(tm.add_units(units), Error);
  EXPECT_EQ(tm.counts().units, 0);
}

TEST(TranslationMemoryWriter, MergesAcrossCallsAndIndexesNewUnitsForConcordanceAtFinish) {
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  auto before = tm.add_unit(pair("Le musée ouvre à neuf heures.", "The museum opens at nine."));
  Transaction tx(ws.db());
  TranslationMemory::Writer writer(tm);
  auto added = writer.add(pair("Le musée ferme le lundi.", "The museum is closed on Mondays."));
  EXPECT_EQ(writer.add(pair(" Le musée  ouvre à neuf heures.", "The museum opens at nine.")),
            before);
  EXPECT_EQ(writer.add(pair("Le musée ferme le  lundi.", "The museum is closed on Mondays.")),
            added);
  auto fts_count = [&](std::string_view word) {
    Statement count(ws.db(), "SELECT count(*) FROM tm_fts WHERE tm_fts MATCH ?");
    count.bind(1, word);
    count.step();
    return count.column_int(0);
  };
  EXPECT_EQ(fts_count("musée"), 1);  // the new unit waits for finish()
  auto generation = tm.generation();
  writer.finish();
  tx.commit();
  EXPECT_EQ(fts_count("musée"), 2);
  EXPECT_EQ(fts_count("lundi"), 1);
  EXPECT_EQ(writer.inserted(), 1u);
  EXPECT_EQ(writer.merged(), 2u);
  EXPECT_EQ(tm.unit(before)->count, 2);
  EXPECT_EQ(tm.unit(added)->count, 2);
  EXPECT_GT(tm.generation(), generation);
}

TEST(TranslationMemoryWriter, RefusesToWriteOutsideATransaction) {
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  EXPECT_THROW(TranslationMemory::Writer writer(tm), Error);
}

TEST(TranslationMemory, FiltersCountsStatusAndRemoval) {
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  std::vector<NewUnit> units = {pair("Un.", "One.", Origin::aligned, 0.9),
                                pair("Deux.", "Two.", Origin::mined, 0.4),
                                pair("Trois.", "Three.", Origin::mined, 0.7)};
  units[2].src = Lang::en;
  auto ids = tm.add_units(units).ids;
  auto generation = tm.generation();
  EXPECT_TRUE(tm.set_status(ids[0], UnitStatus::confirmed));
  UnitFilter mined;
  mined.origins = {Origin::mined};
  mined.min_score = 0.5;
  auto found = tm.query(mined);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].en, "Three.");
  TmCounts counts = tm.counts();
  EXPECT_EQ(counts.by_origin[Origin::mined], 2);
  EXPECT_EQ(counts.by_status[UnitStatus::confirmed], 1);
  EXPECT_EQ(counts.by_source[Lang::en], 1);
  EXPECT_TRUE(tm.remove(ids[1]));
  EXPECT_FALSE(tm.remove(ids[1]));
  EXPECT_FALSE(tm.unit(ids[1]));
  EXPECT_GT(tm.generation(), generation);
  EXPECT_EQ(tm.counts().units, 2);
}

}  // namespace
}  // namespace tandem
