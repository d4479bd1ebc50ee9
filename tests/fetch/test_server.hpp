// A real HTTP server on 127.0.0.1 with an ephemeral port, run on a thread of the
// test binary. Nothing in these tests talks to any other address.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

#include "fetch/fetch.hpp"

namespace crbc::fetch::testing {

class TestServer {
 public:
  explicit TestServer(const std::function<void(httplib::Server&)>& routes) {
    routes(server_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cannot bind a test server on 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 500 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  ~TestServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  int port() const { return port_; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

// Options for a test against the local server: private addresses allowed (it is
// one), no proxy from the environment, fast backoff.
inline FetchOptions local_options() {
  FetchOptions options;
  options.allow_private = true;
  options.env_proxy = false;
  options.robots = false;
  options.backoff_base = std::chrono::milliseconds(20);
  options.backoff_max = std::chrono::milliseconds(200);
  options.timeout = std::chrono::milliseconds(10'000);
  options.connect_timeout = std::chrono::milliseconds(2'000);
  options.per_host = 8;
  return options;
}

}  // namespace crbc::fetch::testing
