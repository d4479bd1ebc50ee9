// Runs tasks on worker threads and hands their results back in submission
// order, on the submitting thread, with a bounded number in flight: `-j N`
// without reordering the output or buffering a whole stream.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace crbc::io {

template <typename Result>
class OrderedPool {
 public:
  using Task = std::function<Result()>;
  using Deliver = std::function<void(Result&&)>;

  // threads <= 1 runs every task inline on submit().
  OrderedPool(unsigned threads, Deliver deliver)
      : deliver_(std::move(deliver)), window_(threads <= 1 ? 1 : std::size_t{threads} * 4) {
    if (threads <= 1) return;
    workers_.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }

  ~OrderedPool() {
    {
      const std::scoped_lock lock(mutex_);
      stopping_ = true;
    }
    wake_workers_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }

  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  void submit(Task task) {
    if (workers_.empty()) {
      deliver_(task());
      return;
    }
    std::unique_lock lock(mutex_);
    deliver_ready(lock, window_ - 1);
    slots_.push_back(Slot{std::move(task), std::nullopt});
    pending_.push_back(next_sequence_++);
    wake_workers_.notify_one();
  }

  // Waits for every submitted task and delivers the rest of the results.
  void finish() {
    if (workers_.empty()) return;
    std::unique_lock lock(mutex_);
    deliver_ready(lock, 0);
  }

 private:
  struct Slot {
    Task task;
    std::optional<Result> result;
  };

  // Delivers finished results in order until at most `keep` are outstanding.
  void deliver_ready(std::unique_lock<std::mutex>& lock, std::size_t keep) {
    while (!slots_.empty()) {
      if (!slots_.front().result) {
        if (slots_.size() <= keep) return;
        result_ready_.wait(lock, [this] { return slots_.front().result.has_value(); });
      }
      Result result = std::move(*slots_.front().result);
      slots_.pop_front();
      ++first_sequence_;
      lock.unlock();
      deliver_(std::move(result));
      lock.lock();
    }
  }

  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_workers_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
      if (pending_.empty()) return;
      const std::size_t sequence = pending_.front();
      pending_.pop_front();
      Task task = std::move(slots_[sequence - first_sequence_].task);
      lock.unlock();
      Result result = task();
      lock.lock();
      slots_[sequence - first_sequence_].result = std::move(result);
      result_ready_.notify_all();
    }
  }

  Deliver deliver_;
  std::size_t window_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_workers_;
  std::condition_variable result_ready_;
  std::deque<Slot> slots_;           // in submission order, from first_sequence_
  std::deque<std::size_t> pending_;  // sequences not yet taken by a worker
  std::size_t first_sequence_ = 0;
  std::size_t next_sequence_ = 0;
  bool stopping_ = false;
};

}  // namespace crbc::io
