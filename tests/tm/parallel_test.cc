// tm/parallel.h: two pieces of work at once, with the results and errors of running them in turn.
#include "tm/parallel.h"

#include <gtest/gtest.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

namespace tandem {
namespace {

TEST(RunBoth, RunsBothPiecesOnTwoThreadsWhenParallel) {
  std::thread::id a_thread, b_thread;
  run_both(
      true, [&] { a_thread = std::this_thread::get_id(); },
      [&] { b_thread = std::this_thread::get_id(); });
  EXPECT_EQ(b_thread, std::this_thread::get_id());
  EXPECT_NE(a_thread, b_thread);  // the helper thread, whatever the core count
  run_both(
      false, [&] { a_thread = std::this_thread::get_id(); },
      [&] { b_thread = std::this_thread::get_id(); });
  EXPECT_EQ(a_thread, std::this_thread::get_id());
  EXPECT_EQ(b_thread, std::this_thread::get_id());
}

// Regression: the kernel woke the helper on the caller's CPU, so the two pieces took turns on
// one CPU. With two CPUs allowed, the pieces run on two different ones, every time.
// The CPUs the process may use, read before any test runs: run_both's first call pins the
// calling thread to one.
const int kAllowedCpus = [] {
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  return sched_getaffinity(0, sizeof allowed, &allowed) == 0 ? CPU_COUNT(&allowed) : 1;
}();

TEST(RunBoth, PiecesRunOnTwoDifferentCpusWhenTwoAreAllowed) {
  for (int round = 0; round < 20; ++round) {
    int a_cpu = -1, b_cpu = -1;
    run_both(
        true, [&] { a_cpu = sched_getcpu(); }, [&] { b_cpu = sched_getcpu(); });
    ASSERT_GE(a_cpu, 0);
    if (kAllowedCpus >= 2)
      EXPECT_NE(a_cpu, b_cpu);
    else
      EXPECT_EQ(a_cpu, b_cpu);  // one CPU: the helper still runs, on it
  }
}

TEST(RunBoth, RethrowsTheFirstPiecesErrorAfterBothFinished) {
  for (bool parallel : {false, true}) {
    bool b_done = false;
    try {
      run_both(
          parallel, [] { throw std::runtime_error("first"); }, [&] { b_done = true; });
      ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "first");
    }
    EXPECT_TRUE(b_done);
    try {
      run_both(
          parallel, [] { throw std::runtime_error("first"); },
          [] { throw std::runtime_error("second"); });
      ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "first");
    }
    try {
      run_both(
          parallel, [] {}, [] { throw std::runtime_error("second"); });
      ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "second");
    }
  }
}

TEST(RunBoth, NestedAndConcurrentCallsRunInTurnInsteadOfDeadlocking) {
  std::atomic<int> runs{0};
  auto nested = [&] {
    run_both(
        true, [&] { ++runs; }, [&] { ++runs; });
  };
  run_both(true, nested, nested);
  EXPECT_EQ(runs, 4);
  std::vector<std::thread> callers;
  for (int t = 0; t < 4; ++t)
    callers.emplace_back([&] {
      for (int k = 0; k < 50; ++k) run_both(true, nested, [&] { ++runs; });
    });
  for (auto& c : callers) c.join();
  EXPECT_EQ(runs, 4 + 4 * 50 * 3);
}

TEST(ForHalves, CoversTheRangeOnceInTwoContiguousHalves) {
  for (bool parallel : {false, true}) {
    for (std::size_t n : {0u, 1u, 2u, 7u, 1000u}) {
      std::vector<int> seen(n, 0);
      std::vector<unsigned> half_of(n, 9);
      for_halves(parallel, n, [&](unsigned half, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
          ++seen[i];
          half_of[i] = half;
        }
      });
      EXPECT_EQ(std::accumulate(seen.begin(), seen.end(), 0), static_cast<int>(n));
      EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](int v) { return v == 1; }));
      EXPECT_TRUE(std::is_sorted(half_of.begin(), half_of.end()));
      if (parallel && n >= 2) {
        EXPECT_EQ(half_of.front(), 0u);
        EXPECT_EQ(half_of.back(), 1u);
      }
    }
  }
}

}  // namespace
}  // namespace tandem
