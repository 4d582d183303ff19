// A little deterministic parallelism for commands whose wall time matters (align-files): run two
// pieces of work at once, or an index range in two halves.
//
// Determinism is the caller's part: each piece must write only its own outputs (or its own half
// of an array) and compute every value with the same code it would run sequentially, so that
// one thread and two give bit-identical results.
//
// The second piece runs on one helper thread per process, started on first use and kept
// (handing it work costs a few microseconds; starting a thread costs tens). When the helper is
// busy (another thread of the caller's is using it, or a piece itself calls run_both), the
// pieces simply run one after the other on the calling thread: never a deadlock, same results.
// When the process may use two CPUs or more, the thread that first hands work over stays on the
// CPU it runs on and the helper is given another (sched affinity): otherwise the kernel wakes
// the helper on its waker's CPU and the two pieces take turns there. `taskset -c N` (one CPU)
// turns that off.
//
// Thread-safety: both functions may be called from any thread (not from a child process forked
// after the helper started without exec: the child has no helper). Exceptions thrown by a piece
// are rethrown to the caller once both pieces have finished (the first piece's first).
#pragma once

#include <cstddef>
#include <functional>

namespace tandem {

// The thread count worth using for one command on this machine: the hardware's, capped at
// `cap` (more threads than that only add hand-over cost for the sizes a command handles).
unsigned default_thread_count(unsigned cap = 2);

// Runs a() on the helper thread and b() on this one when `parallel`, else a() then b(); either
// way both run, and a()'s exception, else b()'s, is rethrown.
void run_both(bool parallel, const std::function<void()>& a, const std::function<void()>& b);

// Calls work(half, begin, end) on the two halves of [0, n) at once (half 0 = [0, n/2), on this
// thread), or work(0, 0, n) when not `parallel`.
template <typename F>
void for_halves(bool parallel, std::size_t n, F&& work) {
  if (!parallel || n < 2) {
    work(0u, std::size_t{0}, n);
    return;
  }
  run_both(
      true, [&] { work(1u, n / 2, n); }, [&] { work(0u, std::size_t{0}, n / 2); });
}

}  // namespace tandem
