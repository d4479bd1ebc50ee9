#include "io/interrupt.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>

namespace crbc::io {
namespace {

constexpr std::size_t kSlots = 256;
constexpr std::size_t kPathBytes = 4096;

struct Slot {
  std::atomic<bool> used{false};
  std::atomic<bool> ready{false};
  std::array<char, kPathBytes> path{};
};

// The only process-wide mutable state in crbc; see the header for why.
std::array<Slot, kSlots>& slots() {
  static std::array<Slot, kSlots> table;
  return table;
}

extern "C" void on_terminating_signal(int signal_number) {
  for (Slot& slot : slots()) {
    if (slot.ready.load()) ::unlink(slot.path.data());
  }
  ::_exit(128 + signal_number);
}

}  // namespace

void install_interrupt_handlers() {
  slots();  // construct the table before any handler can run
  struct sigaction action {};
  action.sa_handler = on_terminating_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

TemporaryPathGuard::TemporaryPathGuard(const std::string& path) {
  if (path.size() >= kPathBytes) return;
  for (std::size_t i = 0; i < kSlots; ++i) {
    Slot& slot = slots()[i];
    bool expected = false;
    if (slot.used.compare_exchange_strong(expected, true)) {
      std::memcpy(slot.path.data(), path.c_str(), path.size() + 1);
      slot.ready.store(true);
      slot_ = static_cast<std::ptrdiff_t>(i);
      return;
    }
  }
}

TemporaryPathGuard::~TemporaryPathGuard() {
  if (slot_ < 0) return;
  Slot& slot = slots()[static_cast<std::size_t>(slot_)];
  slot.ready.store(false);
  slot.used.store(false);
}

}  // namespace crbc::io
