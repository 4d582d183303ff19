#include <gtest/gtest.h>

#include <sstream>

#include "corpus/error.h"
#include "glossary/csv.h"
#include "glossary/tbx_reader.h"
#include "glossary/tbx_writer.h"
#include "tests/glossary/glossary_fixture.h"

namespace tandem {
namespace {

std::vector<Concept> numbered_sample() {
  auto concepts = testing::sample_concepts();
  for (std::size_t i = 0; i < concepts.size(); ++i)
    concepts[i].id = static_cast<std::int64_t>(i + 1);
  return concepts;
}

std::string export_tbx(std::span<const Concept> concepts, TbxVersion version) {
  std::ostringstream out;
  write_tbx(out, concepts, {version, Lang::fr});
  return out.str();
}

class TbxRoundTrip : public ::testing::TestWithParam<TbxVersion> {};

TEST_P(TbxRoundTrip, ExportImportExportGivesTheSameFile) {
  auto concepts = numbered_sample();
  std::string first = export_tbx(concepts, GetParam());
  TbxReadResult back = read_tbx(first, "first.tbx");
  ASSERT_EQ(back.concepts.size(), concepts.size());
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    back.concepts[i].id = concepts[i].id;  // a store gives new ids; keep them for comparison
    EXPECT_EQ(back.concepts[i].status, concepts[i].status);
    EXPECT_EQ(back.concepts[i].note, concepts[i].note);
    auto expected = concepts[i].terms;  // TBX carries neither counts nor document ids
    for (auto& t : expected) {
      t.frequency = 0;
      t.document_id.reset();
    }
    EXPECT_EQ(back.concepts[i].terms, expected);
  }
  EXPECT_EQ(export_tbx(back.concepts, GetParam()), first);
}

TEST_P(TbxRoundTrip, SourceLanguageSectionComesFirst) {
  auto concepts = numbered_sample();
  std::swap(concepts[1].terms[0], concepts[1].terms[1]);  // English first in the store
  std::string xml = export_tbx(concepts, GetParam());
  auto entry = xml.find("c2");
  ASSERT_NE(entry, std::string::npos);
  EXPECT_LT(xml.find("xml:lang=\"fr\"", entry), xml.find("xml:lang=\"en\"", entry));
}

INSTANTIATE_TEST_SUITE_P(Versions, TbxRoundTrip, ::testing::Values(TbxVersion::v2, TbxVersion::v3));

TEST(TbxWriter, V3DeclaresTheTbxBasicDialect) {
  std::string xml = export_tbx(numbered_sample(), TbxVersion::v3);
  EXPECT_NE(xml.find("xmlns=\"urn:iso:std:iso:30042:ed-2\""), std::string::npos);
  EXPECT_NE(xml.find("style=\"dca\""), std::string::npos);
  EXPECT_NE(xml.find("<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>"),
            std::string::npos);
  EXPECT_NE(xml.find("<descrip type=\"subjectField\">défense</descrip>"), std::string::npos);
}

TEST(TbxReader, ReadsAnotherToolsV2FileWithNtigAndForeignLanguages) {
  const char* xml = R"(<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en-GB">
 <martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
 <text><body>
  <termEntry id="t7">
   <descrip type="subjectField">energy</descrip>
   <langSet xml:lang="en-GB"><ntig><termGrp><term>nacelle</term>
     <termNote type="partOfSpeech">noun</termNote></termGrp></ntig></langSet>
   <langSet xml:lang="fr-FR"><tig><term> nacelle </term></tig></langSet>
   <langSet xml:lang="de"><tig><term>Gondel</term></tig></langSet>
  </termEntry>
 </body></text>
</martif>)";
  TbxReadResult r = read_tbx(xml, "other.tbx");
  ASSERT_EQ(r.concepts.size(), 1u);
  EXPECT_EQ(r.skipped_terms, 1u);
  const Concept& c = r.concepts[0];
  EXPECT_EQ(c.subject_field, "energy");
  EXPECT_EQ(c.status, EntryStatus::approved);
  ASSERT_EQ(c.terms.size(), 2u);
  EXPECT_EQ(c.terms[0].lang, Lang::en);
  EXPECT_EQ(c.terms[0].part_of_speech, "noun");
  EXPECT_EQ(c.terms[1].text, "nacelle");
}

TEST(TbxReader, MalformedXmlIsReportedWithLineAndColumn) {
  try {
    read_tbx("<martif type=\"TBX-Basic\">\n  <text><body>\n  </bdy></text></martif>", "bad.tbx");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "bad.tbx");
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_GT(e.where().column, 1u);
  }
}

TEST(TbxReader, EntryWithoutTermIsAnErrorAtItsLine) {
  try {
    read_tbx(
        "<tbx><text><body>\n<conceptEntry id=\"a\">\n<langSec xml:lang=\"fr\"><termSec>"
        "<term></term></termSec></langSec></conceptEntry></body></text></tbx>",
        "empty.tbx");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 3u);
  }
  EXPECT_THROW(read_tbx("<tmx version=\"1.4\"/>", "x.tmx"), Error);
}

TEST(Csv, RoundTripKeepsQuotesCommasAndLineBreaks) {
  auto concepts = numbered_sample();
  concepts[1].note = "deux lignes,\nune \"citation\"";
  std::ostringstream out;
  write_csv(out, concepts);
  std::string csv = out.str();
  EXPECT_TRUE(csv.starts_with("concept,status,subject_field"));
  EXPECT_NE(csv.find("\"deux lignes,\nune \"\"citation\"\"\""), std::string::npos);
  auto back = read_csv(csv, "g.csv");
  ASSERT_EQ(back.size(), concepts.size());
  EXPECT_EQ(back[1].note, concepts[1].note);
  EXPECT_EQ(back[0].terms.size(), 3u);
  EXPECT_EQ(back[0].terms[1].usage, UsageStatus::deprecated);
  EXPECT_EQ(back[1].status, EntryStatus::proposed);
  std::ostringstream again;
  for (std::size_t i = 0; i < back.size(); ++i) back[i].id = concepts[i].id;
  write_csv(again, back);
  EXPECT_EQ(again.str(), csv);
}

TEST(Csv, ErrorsNameLineAndColumn) {
  try {
    read_csv("lang,term,usage_status\nfr,vent,admitted\nen,wind,often\n", "g.csv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_EQ(e.where().column, 9u);
  }
  try {
    read_csv("lang,term\nfr,\"vent\n", "q.csv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_EQ(e.where().column, 4u);
  }
}

TEST(Tsv, WritesPreferredPairsWithScore) {
  std::ostringstream out;
  write_tsv(out, numbered_sample());
  EXPECT_EQ(out.str(),
            "mercenaires\tmercenaries\t0.0000\n"
            "éolienne\twind turbine\t0.7500\n"
            "matériel militaire\tmilitary equipment\t0.0000\n");
}

TEST(TbxWriter, LeavesOutEntriesWithoutASourceTerm) {
  auto concepts = numbered_sample();
  Concept english_only;
  english_only.id = 9;
  english_only.terms = {testing::term(Lang::en, "yaw drive")};
  concepts.push_back(english_only);
  std::ostringstream out;
  EXPECT_EQ(write_tbx(out, concepts, {TbxVersion::v2, Lang::fr}), 3u);
  EXPECT_EQ(out.str().find("yaw drive"), std::string::npos);
  std::ostringstream all;
  TbxWriteOptions keep{TbxVersion::v2, Lang::fr, false};
  EXPECT_EQ(write_tbx(all, concepts, keep), 4u);
}

}  // namespace
}  // namespace tandem
