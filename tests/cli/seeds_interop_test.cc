// End to end on the real seeds, as a translator would run Tandem, then the exports checked by
// the real consumers (../shared/interop: schemas, translate-toolkit, OmegaT):
//   corpus add → align → tm export (TMX) → check-tmx; import → export again → check-tmx;
//   glossary extract → export TBX v3 and v2 → check-tbx.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

#include "tests/test_support.h"

namespace tandem {
namespace {

using ::testing::HasSubstr;
using testing::run_program;
using testing::run_tandem;

class SeedsInterop : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::TempDir>();
    db_ = (*dir_ / "seeds.db").string();
    std::vector<std::string> add{"--db", db_, "corpus", "add"};
    for (const char* seed :
         {"000_8fca94e8e463837d.txt", "001_28478a00887480cc.txt", "002_9e0a7987417c006f.txt",
          "003_ce2aef6978b8f79b.txt", "004_d110b3afd0e57c97.txt"})
      add.push_back(testing::shared_path(std::string("seeds/") + seed).string());
    ASSERT_EQ(run_tandem(add).exit_code, 0);
    auto aligned = run_tandem({"--db", db_, "align"});
    ASSERT_EQ(aligned.exit_code, 0) << aligned.err;
    auto extracted = run_tandem({"--db", db_, "glossary", "extract"});
    ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  }
  static void TearDownTestSuite() { dir_.reset(); }

  static testing::RunResult check(const std::string& checker, const std::string& file) {
    return run_program(testing::shared_path("interop/" + checker).string(), {file, "fr", "en"});
  }

  static std::unique_ptr<testing::TempDir> dir_;
  static std::string db_;
};

std::unique_ptr<testing::TempDir> SeedsInterop::dir_;
std::string SeedsInterop::db_;

TEST_F(SeedsInterop, TmxExportAndItsRoundTripPassCheckTmx) {
  std::string tmx = (*dir_ / "seeds.tmx").string();
  auto exported = run_tandem({"--db", db_, "tm", "export", "-o", tmx});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto report = check("check-tmx", tmx);
  EXPECT_EQ(report.exit_code, 0) << report.out << report.err;
  EXPECT_THAT(report.out, HasSubstr("RESULT: PASS"));
  EXPECT_THAT(testing::read_file(tmx), HasSubstr("Turkish contacts"));

  std::string again_db = (*dir_ / "again.db").string();
  std::string again = (*dir_ / "again.tmx").string();
  ASSERT_EQ(run_tandem({"--db", again_db, "tm", "import", tmx}).exit_code, 0);
  ASSERT_EQ(run_tandem({"--db", again_db, "tm", "export", "-o", again}).exit_code, 0);
  auto round_trip = check("check-tmx", again);
  EXPECT_EQ(round_trip.exit_code, 0) << round_trip.out << round_trip.err;
  EXPECT_THAT(round_trip.out, HasSubstr("RESULT: PASS"));
}

TEST_F(SeedsInterop, TbxV3AndV2ExportsPassCheckTbx) {
  for (const std::string format : {"tbx", "tbx2"}) {
    std::string tbx = (*dir_ / ("seeds." + format)).string();
    auto exported = run_tandem({"--db", db_, "glossary", "export", "--format", format, "-o", tbx});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    auto report = check("check-tbx", tbx);
    EXPECT_EQ(report.exit_code, 0) << format << "\n" << report.out << report.err;
    EXPECT_THAT(report.out, HasSubstr("RESULT: PASS")) << format;
  }
}

}  // namespace
}  // namespace tandem
