#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace tandem {
namespace {

TEST(Cli, HelpExitsZeroAndVersionPrints) {
  auto help = testing::run_tandem({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Usage"), std::string::npos);
}

TEST(Cli, UnknownOptionIsAUsageError) {
  auto bad = testing::run_tandem({"--no-such-option"});
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace tandem
