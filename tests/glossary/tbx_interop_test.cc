// Exports a small term base as TBX v2 and v3 and runs the shared interop checker on them
// (schemas, Schematron, translate-toolkit, OmegaT). Labelled "interop": it starts a JVM.
#include <gtest/gtest.h>

#include "glossary/tbx_writer.h"
#include "tests/glossary/glossary_fixture.h"
#include "tests/test_support.h"

namespace tandem {
namespace {

struct Outcome {
  int status = -1;
  std::string output;
};

Outcome run_check_tbx(const std::string& file) {
  auto report =
      testing::run_program(testing::shared_path("interop/check-tbx").string(), {file, "fr", "en"});
  return {report.exit_code, report.out + report.err};
}

class CheckTbx : public ::testing::TestWithParam<TbxVersion> {};

TEST_P(CheckTbx, ExportPassesTheInteropChecker) {
  auto concepts = testing::sample_concepts();
  for (std::size_t i = 0; i < concepts.size(); ++i)
    concepts[i].id = static_cast<std::int64_t>(i + 1);
  testing::TempDir dir;
  std::string path = (dir / "glossary.tbx").string();
  write_tbx_file(path, concepts, {GetParam(), Lang::fr});
  Outcome outcome = run_check_tbx(path);
  EXPECT_EQ(outcome.status, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("RESULT: PASS"), std::string::npos) << outcome.output;
  EXPECT_EQ(outcome.output.find("[FAIL]"), std::string::npos) << outcome.output;
}

INSTANTIATE_TEST_SUITE_P(Versions, CheckTbx, ::testing::Values(TbxVersion::v2, TbxVersion::v3));

}  // namespace
}  // namespace tandem
