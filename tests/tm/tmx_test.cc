// TMX import and export: round trips, inline codes, encodings and bad input.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

#include "corpus/error.h"
#include "corpus/workspace.h"
#include "tests/test_support.h"
#include "tm/tm_export.h"
#include "tm/tm_store.h"
#include "tm/tmx_import.h"
#include "tm/tmx_writer.h"

namespace tandem {
namespace {

using testing::read_file;
using testing::TempDir;
using testing::write_file;

// Our own sentences; one unit with inline codes, props on the <tu> and a <tuv>, a note.
constexpr const char* kSample = R"(<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="Test" creationtoolversion="1" segtype="sentence" o-tmf="x"
          adminlang="en" srclang="fr-FR" datatype="plaintext"/>
  <body>
    <tu tuid="a1" creationdate="20240105T101500Z" changedate="20240106T080000Z">
      <prop type="x-domain">transport</prop>
      <note>vérifié par Claire</note>
      <tuv xml:lang="fr-FR"><seg>Le bus de 8 h part de la gare.</seg></tuv>
      <tuv xml:lang="en-GB"><prop type="x-reviewer">Sam</prop><seg>The 8 am bus leaves from the station.</seg></tuv>
    </tu>
    <tu tuid="a2">
      <tuv xml:lang="fr-CA"><seg>Cliquez sur <bpt i="1">&lt;b&gt;</bpt>Enregistrer<ept i="1">&lt;/b&gt;</ept> puis fermez.</seg></tuv>
      <tuv xml:lang="en"><seg>Click <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> then close.</seg></tuv>
    </tu>
    <tu tuid="a3">
      <tuv xml:lang="fr"><seg>Le jardin &amp; la maison <ph x="1"/>restent fermés.</seg></tuv>
      <tuv xml:lang="de"><seg>Garten und Haus bleiben geschlossen.</seg></tuv>
      <tuv xml:lang="en-US"><seg>The garden &amp; the house <ph x="1"/>stay <hi type="b">closed</hi>.</seg></tuv>
    </tu>
    <tu tuid="a4">
      <tuv xml:lang="fr"><seg>Seulement en français.</seg></tuv>
      <tuv xml:lang="es"><seg>Solo en español.</seg></tuv>
    </tu>
  </body>
</tmx>
)";

NewUnit plain(std::string fr, std::string en) {
  NewUnit unit;
  unit.fr = std::move(fr);
  unit.en = std::move(en);
  return unit;
}

std::vector<Unit> all_units(TranslationMemory& tm) { return tm.query({}); }

// What a round trip must preserve (ids and change dates are the workspace's own).
void expect_same_units(const std::vector<Unit>& a, const std::vector<Unit>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE(a[i].tuid);
    EXPECT_EQ(a[i].fr, b[i].fr);
    EXPECT_EQ(a[i].en, b[i].en);
    EXPECT_EQ(a[i].fr_markup, b[i].fr_markup);
    EXPECT_EQ(a[i].en_markup, b[i].en_markup);
    EXPECT_EQ(a[i].tuid, b[i].tuid);
    EXPECT_EQ(a[i].src, b[i].src);
    EXPECT_EQ(a[i].props, b[i].props);
    EXPECT_EQ(a[i].created_at, b[i].created_at);
    EXPECT_EQ(a[i].status, b[i].status);
    EXPECT_DOUBLE_EQ(a[i].score, b[i].score);
  }
}

TEST(TmxImport, KeepsPairsTagsPropsAndSkipsUnitsWithoutBothLanguages) {
  TempDir dir;
  write_file(dir / "in.tmx", kSample);
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  TmxImportStats stats = import_tmx(tm, (dir / "in.tmx").string());
  EXPECT_EQ(stats.tus, 4);
  EXPECT_EQ(stats.inserted, 3);
  EXPECT_EQ(stats.skipped_no_pair, 1);
  EXPECT_EQ(stats.ignored_variants, 2);  // de and es
  auto units = all_units(tm);
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0].tuid, "a1");
  EXPECT_EQ(units[0].src, Lang::fr);
  EXPECT_EQ(units[0].origin, Origin::imported);
  EXPECT_EQ(units[0].created_at, "2024-01-05T10:15:00Z");
  EXPECT_EQ(units[0].props.size(), 3u);
  EXPECT_EQ(units[0].props[2].side, Lang::en);
  EXPECT_EQ(units[1].fr, "Cliquez sur Enregistrer puis fermez.");
  EXPECT_EQ(units[1].en_markup,
            "Click <bpt i=\"1\">&lt;b&gt;</bpt>Save<ept i=\"1\">&lt;/b&gt;</ept> then close.");
  EXPECT_EQ(units[2].fr, "Le jardin & la maison restent fermés.");
  EXPECT_EQ(units[2].en, "The garden & the house stay closed.");
}

TEST(TmxImport, RoundTripThroughExportGivesTheSameUnitsTagsAndProps) {
  TempDir dir;
  write_file(dir / "in.tmx", kSample);
  Workspace first_ws(":memory:");
  TranslationMemory first(first_ws.db());
  import_tmx(first, (dir / "in.tmx").string());
  ASSERT_TRUE(first.set_status(first.query({}).front().id, UnitStatus::confirmed));
  ExportOptions options;
  export_tm(first, (dir / "out.tmx").string(), options);

  Workspace second_ws(":memory:");
  TranslationMemory second(second_ws.db());
  TmxImportStats stats = import_tmx(second, (dir / "out.tmx").string());
  EXPECT_EQ(stats.inserted, 3);
  EXPECT_EQ(stats.ignored_variants, 0);
  expect_same_units(all_units(first), all_units(second));

  // And once more, from the English side as source.
  options.src = Lang::en;
  export_tm(second, (dir / "out-en.tmx").string(), options);
  Workspace third_ws(":memory:");
  TranslationMemory third(third_ws.db());
  import_tmx(third, (dir / "out-en.tmx").string());
  auto third_units = all_units(third);
  for (auto& unit : third_units) unit.src = Lang::fr;  // the direction is the export's choice
  expect_same_units(all_units(first), third_units);
}

TEST(TmxImport, MalformedXmlReportsLineAndColumnAndAddsNothing) {
  TempDir dir;
  std::string broken = kSample;
  // Break the third unit: a mismatched end tag on line 17.
  broken.replace(broken.find("restent fermés.</seg>"), 21, "restent fermés.</sag>");
  write_file(dir / "bad.tmx", broken);
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  tm.add_unit(plain("Déjà là.", "Already there."));
  try {
    import_tmx(tm, (dir / "bad.tmx").string());
    FAIL() << "malformed XML was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, (dir / "bad.tmx").string());
    EXPECT_EQ(e.where().line, 17u) << e.describe();
    EXPECT_GT(e.where().column, 0u) << e.describe();
  }
  EXPECT_EQ(tm.counts().units, 1);  // the two good units before the error were rolled back
}

// A TMX with `n` units of our own numbered sentences, then `tail` (e.g. a broken unit).
std::string numbered_tmx(int n, const std::string& tail) {
  std::string tmx =
      "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\"/><body>\n";
  for (int i = 1; i <= n; ++i) {
    tmx += fmt::format(
        "<tu><tuv xml:lang=\"fr\"><seg>La phrase {0} parle du canal.</seg></tuv>"
        "<tuv xml:lang=\"en\"><seg>Sentence {0} is about the canal.</seg></tuv></tu>\n",
        i);
  }
  return tmx + tail + "</body></tmx>\n";
}

TEST(TmxImport, MalformedXmlFarIntoALargeFileStillAddsNothing) {
  // Far more units than the parser hands over before the writer catches up: the error comes
  // from the parsing thread while earlier units are already written in the transaction.
  TempDir dir;
  constexpr int kUnits = 30000;
  write_file(dir / "late.tmx",
             numbered_tmx(kUnits, "<tu><tuv xml:lang=\"fr\"><seg>Cassé</tuv></tu>\n"));
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  tm.add_unit(plain("Déjà là.", "Already there."));
  try {
    import_tmx(tm, (dir / "late.tmx").string());
    FAIL() << "malformed XML was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, static_cast<std::uint64_t>(kUnits + 3)) << e.describe();
  }
  EXPECT_EQ(tm.counts().units, 1);
}

TEST(TmxImport, DatabaseFailureStopsTheParserAndAddsNothing) {
  // The writing side fails (a read-only connection) while the parser has a large file ahead:
  // the error must come back promptly instead of the parser blocking on a full queue.
  TempDir dir;
  write_file(dir / "many.tmx", numbered_tmx(30000, ""));
  { Workspace ws((dir / "ws.db").string()); }
  Database read_only((dir / "ws.db").string(), Database::Mode::ReadOnly);
  TranslationMemory tm(read_only);
  EXPECT_THROW(import_tmx(tm, (dir / "many.tmx").string()), Error);
  EXPECT_EQ(tm.counts().units, 0);
}

TEST(TmxImport, RejectsAFileWhoseRootIsNotTmx) {
  TempDir dir;
  write_file(dir / "x.tmx", "<?xml version=\"1.0\"?>\n<xliff><file/></xliff>\n");
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  EXPECT_THROW(import_tmx(tm, (dir / "x.tmx").string()), Error);
}

TEST(TmxImport, MissingSrclangTakesTheFirstFrenchOrEnglishVariantAsSource) {
  TempDir dir;
  write_file(dir / "nosrc.tmx", R"(<?xml version="1.0"?>
<tmx version="1.1"><header creationtool="t" datatype="plaintext"/><body>
<tu><tuv lang="EN"><seg>Open the window.</seg></tuv><tuv lang="FR"><seg>Ouvrez la fenêtre.</seg></tuv></tu>
<tu srclang="fr"><tuv lang="EN"><seg>Close the door.</seg></tuv><tuv lang="FR"><seg>Fermez la porte.</seg></tuv></tu>
</body></tmx>
)");
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  TmxImportStats stats = import_tmx(tm, (dir / "nosrc.tmx").string());
  EXPECT_TRUE(stats.missing_srclang);
  auto units = all_units(tm);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].src, Lang::en);
  EXPECT_EQ(units[0].fr, "Ouvrez la fenêtre.");
  EXPECT_EQ(units[1].src, Lang::fr);  // the unit's own srclang wins
}

std::string to_utf16(const std::string& utf8, bool big_endian) {
  std::string out = big_endian ? std::string("\xFE\xFF") : std::string("\xFF\xFE");
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    char32_t code;
    int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    code = length == 1 ? c : length == 2 ? c & 0x1F : length == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < length; ++k) code = (code << 6) | (utf8[i + k] & 0x3F);
    i += length;
    auto put = [&](char16_t unit) {
      char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
      out += big_endian ? high : low;
      out += big_endian ? low : high;
    };
    if (code >= 0x10000) {
      put(static_cast<char16_t>(0xD800 + ((code - 0x10000) >> 10)));
      put(static_cast<char16_t>(0xDC00 + ((code - 0x10000) & 0x3FF)));
    } else {
      put(static_cast<char16_t>(code));
    }
  }
  return out;
}

TEST(TmxImport, ReadsUtf16LittleAndBigEndianWithBom) {
  std::string sample = kSample;
  sample.replace(sample.find("UTF-8"), 5, "UTF-16");
  for (bool big_endian : {false, true}) {
    SCOPED_TRACE(big_endian ? "UTF-16BE" : "UTF-16LE");
    TempDir dir;
    write_file(dir / "u16.tmx", to_utf16(sample, big_endian));
    Workspace ws(":memory:");
    TranslationMemory tm(ws.db());
    EXPECT_EQ(import_tmx(tm, (dir / "u16.tmx").string()).inserted, 3);
    auto units = all_units(tm);
    ASSERT_EQ(units.size(), 3u);
    EXPECT_EQ(units[2].fr, "Le jardin & la maison restent fermés.");
    EXPECT_EQ(units[0].props[1].value, "vérifié par Claire");
  }
}

TEST(TmxExport, WritesTsvWithEscapedTabsAndNewlines) {
  TempDir dir;
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  tm.add_unit(plain("Colonne\tune", "Column\\one"));
  ExportOptions options;
  options.format = ExportFormat::tsv;
  EXPECT_EQ(export_tm(tm, (dir / "tm.tsv").string(), options), 1);
  std::string tsv = read_file(dir / "tm.tsv");
  auto second_line = tsv.substr(tsv.find('\n') + 1);
  // NFC/whitespace normalisation turned the tab into a space; the backslash is escaped.
  EXPECT_TRUE(second_line.starts_with("Colonne une\tColumn\\\\one\t")) << second_line;
  EXPECT_EQ(escape_tsv_field("a\tb\nc\\"), "a\\tb\\nc\\\\");
}

TEST(TmxExport, LeavesNoFileBehindWhenTheTargetCannotBeWritten) {
  TempDir dir;
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  tm.add_unit(plain("Un.", "One."));
  EXPECT_THROW(export_tm(tm, (dir / "missing-dir" / "tm.tmx").string(), {}), Error);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(TmxDates, ConvertBetweenIsoAndTmxForms) {
  EXPECT_EQ(iso_to_tmx_date("2026-03-01T12:05:09Z"), "20260301T120509Z");
  EXPECT_EQ(tmx_to_iso_date("20260301T120509Z"), "2026-03-01T12:05:09Z");
  EXPECT_EQ(tmx_to_iso_date("2026-03-01"), "");
}

}  // namespace
}  // namespace tandem
