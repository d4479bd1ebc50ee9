// One instance of T per worker thread, made on first use: for tools that are
// not thread-safe (stemmers, database connections) inside a parallel transform.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace crbc::io {

template <typename T>
class PerThread {
 public:
  explicit PerThread(std::function<std::unique_ptr<T>()> make) : make_(std::move(make)) {}

  T& local() {
    const std::scoped_lock lock(mutex_);
    auto& slot = instances_[std::this_thread::get_id()];
    if (!slot) slot = make_();
    return *slot;
  }

 private:
  std::function<std::unique_ptr<T>()> make_;
  std::mutex mutex_;
  std::map<std::thread::id, std::unique_ptr<T>> instances_;
};

}  // namespace crbc::io
