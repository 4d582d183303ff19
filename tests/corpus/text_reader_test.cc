#include "corpus/text_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "corpus/error.h"
#include "tests/test_support.h"

namespace tandem {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using testing::TempDir;
using testing::write_file;

// Runs `action`, expecting a tandem::Error, and returns it for inspection.
template <typename F>
Error error_from(F&& action) {
  try {
    action();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected a tandem::Error";
  return Error("no error");
}

// Encodes UTF-16 text as bytes in the given byte order, optionally behind a byte-order mark.
std::string utf16_bytes(std::u16string_view text, bool big_endian, bool with_bom = true) {
  std::string out;
  auto put = [&](char16_t unit) {
    char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
    out += big_endian ? high : low;
    out += big_endian ? low : high;
  };
  if (with_bom) put(u'\uFEFF');
  for (char16_t unit : text) put(unit);
  return out;
}

const std::u16string kFrenchSentence = u"L’équipe a déjà quitté Tombouctou à l’aube. 🚀\n";
const std::string kFrenchSentenceUtf8 = "L’équipe a déjà quitté Tombouctou à l’aube. 🚀\n";

TEST(ReadTextFile, MissingFileIsAnErrorNamingTheFile) {
  TempDir dir;
  std::string path = (dir / "absent.txt").string();
  Error e = error_from([&] { read_text_file(path); });
  EXPECT_EQ(e.where().file, path);
  EXPECT_THAT(e.describe(), HasSubstr("absent.txt"));
  EXPECT_THAT(e.what(), HasSubstr("not found"));
}

TEST(ReadTextFile, DirectoryIsRefused) {
  TempDir dir;
  Error e = error_from([&] { read_text_file(dir.path().string()); });
  EXPECT_THAT(e.what(), HasSubstr("directory"));
}

TEST(ReadTextFile, EmptyFileIsRefused) {
  TempDir dir;
  write_file(dir / "empty.txt", "");
  Error e = error_from([&] { read_text_file((dir / "empty.txt").string()); });
  EXPECT_THAT(e.describe(), HasSubstr("empty.txt"));
  EXPECT_THAT(e.what(), HasSubstr("empty"));
}

TEST(ReadTextFile, FileWithOnlyWhiteSpaceAndBomIsRefusedAsEmpty) {
  TempDir dir;
  write_file(dir / "blank.txt", "\xEF\xBB\xBF  \r\n\t\n\xC2\xA0\n");
  Error e = error_from([&] { read_text_file((dir / "blank.txt").string()); });
  EXPECT_THAT(e.what(), HasSubstr("empty"));
}

TEST(ReadTextFile, BinaryFileWithNulBytesIsRefusedAtTheFirstNul) {
  TempDir dir;
  write_file(dir / "image.png", std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16));
  Error e = error_from([&] { read_text_file((dir / "image.png").string()); });
  EXPECT_THAT(e.what(), HasSubstr("binary"));
  EXPECT_EQ(e.where().byte_offset, 8u);
}

TEST(DecodeText, ControlCharacterSoupIsRefusedAsBinary) {
  std::string bytes;
  for (int i = 0; i < 40; ++i) bytes += std::string("ab\x01\x02\x03\x04", 6);
  Error e = error_from([&] { decode_text(bytes, "data.bin"); });
  EXPECT_THAT(e.what(), HasSubstr("binary"));
}

TEST(DecodeText, InvalidUtf8ReportsTheExactByteOffset) {
  std::string bytes = "Le café ferme à minuit.\nLa salle \xC3\x28 est pleine.\n";
  std::size_t bad = bytes.find('\xC3', bytes.find('\n'));
  Error e = error_from([&] { decode_text(bytes, "notes.txt"); });
  EXPECT_EQ(e.where().file, "notes.txt");
  EXPECT_EQ(e.where().byte_offset, bad);
  EXPECT_THAT(e.describe(), HasSubstr("notes.txt: byte " + std::to_string(bad)));
  EXPECT_THAT(e.what(), HasSubstr("invalid UTF-8"));
  EXPECT_THAT(e.what(), HasSubstr("0xC3"));
}

TEST(DecodeText, TruncatedSequenceAtTheEndReportsItsOffset) {
  std::string bytes = "Une phrase déjà presque finie \xE2\x80";
  Error e = error_from([&] { decode_text(bytes, "cut.txt"); });
  EXPECT_EQ(e.where().byte_offset, bytes.size() - 2);
}

TEST(DecodeText, ReplaceInvalidSubstitutesEachBadSequenceAndWarnsWithCount) {
  std::string bytes = "Déjà \xFF vu, et encore \xC3\x28 une fois.\n";
  DecodedText text = decode_text(bytes, "mixed.txt", ReadOptions{.replace_invalid = true});
  EXPECT_EQ(text.encoding, "UTF-8");
  EXPECT_EQ(text.utf8, "Déjà \uFFFD vu, et encore \uFFFD( une fois.\n");
  ASSERT_THAT(text.warnings, SizeIs(1));
  EXPECT_THAT(text.warnings[0], HasSubstr("replaced 2 invalid byte sequences"));
  EXPECT_THAT(text.warnings[0], HasSubstr("byte " + std::to_string(bytes.find('\xFF'))));
}

TEST(DecodeText, Utf8BomIsStripped) {
  DecodedText text = decode_text("\xEF\xBB\xBF" + kFrenchSentenceUtf8, "bom.txt");
  EXPECT_EQ(text.encoding, "UTF-8");
  EXPECT_EQ(text.utf8, kFrenchSentenceUtf8);
  EXPECT_THAT(text.warnings, IsEmpty());
}

TEST(ReadTextFile, Utf16LittleEndianWithBomIsConverted) {
  TempDir dir;
  write_file(dir / "le.txt", utf16_bytes(kFrenchSentence, false));
  DecodedText text = read_text_file((dir / "le.txt").string());
  EXPECT_EQ(text.encoding, "UTF-16LE");
  EXPECT_EQ(text.utf8, kFrenchSentenceUtf8);
  EXPECT_THAT(text.warnings, IsEmpty());
}

TEST(ReadTextFile, Utf16BigEndianWithBomIsConverted) {
  TempDir dir;
  write_file(dir / "be.txt", utf16_bytes(kFrenchSentence, true));
  DecodedText text = read_text_file((dir / "be.txt").string());
  EXPECT_EQ(text.encoding, "UTF-16BE");
  EXPECT_EQ(text.utf8, kFrenchSentenceUtf8);
}

TEST(DecodeText, Utf16WithUnpairedSurrogateReportsItsByteOffset) {
  std::u16string broken = u"Bonjour ";
  broken += static_cast<char16_t>(0xD800);  // a high surrogate with no low one after it
  broken += u"monde";
  Error e = error_from([&] { decode_text(utf16_bytes(broken, false), "broken16.txt"); });
  EXPECT_EQ(e.where().byte_offset, 2u + 2u * 8u);  // BOM, then 8 code units
  EXPECT_THAT(e.what(), HasSubstr("UTF-16LE"));
}

TEST(DecodeText, Utf16WithoutBomIsRecognisedWithAWarning) {
  DecodedText text = decode_text(utf16_bytes(kFrenchSentence, false, false), "nobom.txt");
  EXPECT_EQ(text.encoding, "UTF-16LE");
  EXPECT_EQ(text.utf8, kFrenchSentenceUtf8);
  ASSERT_THAT(text.warnings, SizeIs(1));
  EXPECT_THAT(text.warnings[0], HasSubstr("byte-order mark"));
}

TEST(DecodeText, Windows1252TextIsConvertedWithAWarning) {
  // é = E9, ’ = 92, À = C0 in Windows-1252.
  std::string bytes =
      "Le ministre a d\xE9"
      "clar\xE9 qu\x92il fallait agir vite. \xC0 Bamako, l\x92"
      "arm\xE9"
      "e pr\xE9pare une r\xE9ponse.\n";
  DecodedText text = decode_text(bytes, "legacy.txt");
  EXPECT_EQ(text.encoding, "windows-1252");
  EXPECT_EQ(text.utf8,
            "Le ministre a déclaré qu’il fallait agir vite. À Bamako, l’armée prépare une "
            "réponse.\n");
  ASSERT_THAT(text.warnings, SizeIs(1));
  EXPECT_THAT(text.warnings[0], HasSubstr("windows-1252"));
}

TEST(DecodeText, Latin1TextIsConvertedWithAWarning) {
  DecodedText text = decode_text("L'\xE9t\xE9 sera chaud \xE0 Gao, dit-on.\n", "latin1.txt");
  EXPECT_EQ(text.encoding, "ISO-8859-1");
  EXPECT_EQ(text.utf8, "L'été sera chaud à Gao, dit-on.\n");
  EXPECT_THAT(text.warnings, SizeIs(1));
}

TEST(DecodeText, Utf8WithOneStrayByteIsNotTakenForLegacyText) {
  // Many well-formed accented letters and one bad byte: damaged UTF-8, not Windows-1252.
  std::string bytes = "Été, café, thé, déjà, près, où, même \xE9 fin.\n";
  Error e = error_from([&] { decode_text(bytes, "damaged.txt"); });
  EXPECT_EQ(e.where().byte_offset, bytes.find('\xE9', bytes.find("même")));
}

TEST(DecodeText, BytesWithStrayControlsAreNotGuessedAsLegacyText) {
  std::string bytes = "Caf\xE9 cr\xE8me \x01 et th\xE9 \x02 bien chaud \x03 ici.\n";
  Error e = error_from([&] { decode_text(bytes, "odd.txt"); });
  EXPECT_EQ(e.where().byte_offset, 3u);
  EXPECT_THAT(e.what(), HasSubstr("invalid UTF-8"));
}

TEST(DecodeText, CrLfAndLoneCrBecomeLf) {
  DecodedText text = decode_text("un\r\ndeux\rtrois\n\r\nquatre", "crlf.txt");
  EXPECT_EQ(text.utf8, "un\ndeux\ntrois\n\nquatre");
}

TEST(ReadTextFile, ReadsASeedArticleAsUtf8WithoutWarnings) {
  DecodedText text = read_text_file(testing::shared_path("seeds/001_28478a00887480cc.txt"));
  EXPECT_EQ(text.encoding, "UTF-8");
  EXPECT_THAT(text.warnings, IsEmpty());
  EXPECT_THAT(text.utf8, HasSubstr("John Kirby"));
  EXPECT_EQ(text.utf8.find('\r'), std::string::npos);
}

}  // namespace
}  // namespace tandem

namespace tandem {
namespace {

TEST(SegmentFile, KeepsEveryLineSoLineNumbersStayIds) {
  testing::TempDir dir;
  auto path = dir / "segments.txt";
  testing::write_file(path, "\xEF\xBB\xBFPremière ligne.\r\n\r\nTroisième ligne.\r\n");
  SegmentFile file = read_segment_file(path.string());
  ASSERT_EQ(file.lines.size(), 3u);
  EXPECT_EQ(file.lines[0], "Première ligne.");
  EXPECT_EQ(file.lines[1], "");
  EXPECT_EQ(file.lines[2], "Troisième ligne.");
}

TEST(SegmentFile, EmptyFileHasNoLinesButBrokenFileIsAnError) {
  testing::TempDir dir;
  testing::write_file(dir / "empty.txt", "");
  EXPECT_TRUE(read_segment_file((dir / "empty.txt").string()).lines.empty());
  testing::write_file(dir / "broken.txt", "Déjà vu.\nUn octet \xC3( cassé.\n");
  try {
    read_segment_file((dir / "broken.txt").string());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(e.describe().find("broken.txt: byte 20"), std::string::npos) << e.describe();
  }
}

}  // namespace
}  // namespace tandem
