#include "tm/parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

#include <pthread.h>
#include <sched.h>

namespace tandem {
namespace {

// Keeps the calling thread and `helper` on two different CPUs, when the process may use two:
// the caller stays on the CPU it runs on, the helper takes the next one allowed. Left to itself,
// the kernel wakes the helper on the CPU of the thread that woke it (most wakers soon sleep),
// so the two pieces of a run_both() took turns on one CPU while the other idled (`perf sched
// timehist`: 0.97 CPUs busy during a two-thread align-files; pinned, 1.3 and 22% less wall time).
void place_on_two_cpus(std::thread& helper) {
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  const int here = sched_getcpu();
  if (here < 0 || sched_getaffinity(0, sizeof allowed, &allowed) != 0 || CPU_COUNT(&allowed) < 2 ||
      !CPU_ISSET(here, &allowed))
    return;
  int next = here;
  do next = (next + 1) % CPU_SETSIZE;
  while (!CPU_ISSET(next, &allowed));
  auto pin = [](pthread_t thread, int cpu) {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    pthread_setaffinity_np(thread, sizeof one, &one);  // a refusal only costs speed
  };
  pin(pthread_self(), here);
  pin(helper.native_handle(), next);
}

// One thread that runs the pieces handed to it, one at a time.
class Helper {
 public:
  Helper() : thread_([this] { loop(); }) { place_on_two_cpus(thread_); }
  ~Helper() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  Helper(const Helper&) = delete;
  Helper& operator=(const Helper&) = delete;

  // Claims the helper for one piece; false when another caller (or this one, nested) has it.
  // An atomic flag, not a mutex: a nested call from the claiming thread must see "busy", and
  // try_lock on a mutex the thread already owns is undefined.
  bool try_claim() {
    bool expected = false;
    return claimed_.compare_exchange_strong(expected, true, std::memory_order_acquire);
  }

  // Runs `task` on the helper (claimed by try_claim) while the caller runs `here`; releases it.
  std::exception_ptr run_with(const std::function<void()>& task, const std::function<void()>& here,
                              std::exception_ptr& here_error) {
    {
      std::lock_guard lock(mutex_);
      task_ = &task;
      done_ = false;
      error_ = nullptr;
    }
    wake_.notify_all();
    try {
      here();
    } catch (...) {
      here_error = std::current_exception();
    }
    std::exception_ptr error;
    {
      std::unique_lock lock(mutex_);
      finished_.wait(lock, [this] { return done_; });
      error = error_;
    }
    claimed_.store(false, std::memory_order_release);
    return error;
  }

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stop_ || task_ != nullptr; });
      if (stop_) return;
      const std::function<void()>* task = task_;
      task_ = nullptr;
      lock.unlock();
      std::exception_ptr error;
      try {
        (*task)();
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      error_ = error;
      done_ = true;
      finished_.notify_all();
    }
  }

  std::atomic<bool> claimed_{false};  // set by the caller whose piece the helper runs
  std::mutex mutex_;                  // guards the fields below
  std::condition_variable wake_, finished_;
  const std::function<void()>* task_ = nullptr;
  bool done_ = false, stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once the fields above exist
};

// Null when the system cannot start a thread: then everything runs on the caller's.
Helper* helper() {
  static const std::unique_ptr<Helper> instance = []() -> std::unique_ptr<Helper> {
    try {
      return std::make_unique<Helper>();
    } catch (const std::system_error&) {
      return nullptr;
    }
  }();
  return instance.get();
}

}  // namespace

unsigned default_thread_count(unsigned cap) {
  return std::clamp(std::thread::hardware_concurrency(), 1u, std::max(cap, 1u));
}

void run_both(bool parallel, const std::function<void()>& a, const std::function<void()>& b) {
  Helper* h = parallel ? helper() : nullptr;
  std::exception_ptr a_error, b_error;
  if (h && h->try_claim()) {
    a_error = h->run_with(a, b, b_error);
  } else {
    // In turn, with the same outcome: b() runs even when a() failed.
    try {
      a();
    } catch (...) {
      a_error = std::current_exception();
    }
    try {
      b();
    } catch (...) {
      b_error = std::current_exception();
    }
  }
  if (a_error) std::rethrow_exception(a_error);
  if (b_error) std::rethrow_exception(b_error);
}

}  // namespace tandem
