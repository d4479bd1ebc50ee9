// The batch fetcher: one curl multi handle, a queue per host, robots.txt first.
//
// Scheduling is ours, not curl's: a request starts when the batch has a free
// slot, its host has fewer than per_host transfers running, the host's delay has
// passed since its previous start, the host's robots.txt is known and allows it,
// and any backoff of a retry has elapsed.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <random>
#include <unordered_map>

#include "fetch/curl_library.hpp"
#include "fetch/detail.hpp"
#include "fetch/fetch.hpp"
#include "io/media_type.hpp"
#include "text/ascii.hpp"

namespace crbc::fetch {
namespace {

using detail::curl;

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxHeadBytes = 256 * 1024;
constexpr std::size_t kMaxRobotsBytes = 512 * 1024;  // RFC 9309 asks for at least 500 KiB
constexpr long kMaxRobotsRedirects = 5;
constexpr Milliseconds kMaxCrawlDelay{30'000};

struct EasyDeleter {
  void operator()(CURL* easy) const { curl().easy_cleanup(easy); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl().slist_free_all(list); }
};
struct MultiDeleter {
  void operator()(CURLM* multi) const { curl().multi_cleanup(multi); }
};

bool is_selected_header(std::string_view name) {
  static constexpr std::string_view kSelected[] = {"content-type",
                                                   "content-language",
                                                   "content-encoding",
                                                   "content-length",
                                                   "etag",
                                                   "last-modified",
                                                   "date",
                                                   "expires",
                                                   "cache-control",
                                                   "retry-after",
                                                   "link",
                                                   "x-robots-tag",
                                                   "server",
                                                   "location"};
  return std::find(std::begin(kSelected), std::end(kSelected), name) != std::end(kSelected);
}

// One request in flight or waiting.
struct Job {
  std::size_t index = 0;  // into the batch; unused for robots jobs
  FetchRequest request;
  std::string origin;
  bool robots = false;
  int attempts = 0;
  Clock::time_point not_before{};
};

// One attempt of one job: what the curl callbacks write into.
struct Transfer {
  Job job;
  std::unique_ptr<CURL, EasyDeleter> easy;
  std::unique_ptr<curl_slist, ListDeleter> headers;
  std::string body;
  std::string head;          // raw header block of the latest response
  std::string request_head;  // raw request of the latest hop
  std::map<std::string, std::string> selected;
  std::size_t max_body = 0;
  bool too_large = false;
  bool allow_private = false;
  std::string refused_address;
  char error[CURL_ERROR_SIZE] = {};
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  const std::size_t length = size * count;
  // Counted after curl decoded the content encoding: a gzip bomb stops here.
  if (transfer.body.size() + length > transfer.max_body) {
    transfer.too_large = true;
    return 0;
  }
  transfer.body.append(data, length);
  return length;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  const std::size_t length = size * count;
  const std::string_view line(data, length);
  if (line.starts_with("HTTP/")) {  // a new response (redirect hop, 100-continue)
    transfer.head.clear();
    transfer.selected.clear();
  }
  if (transfer.head.size() + length > kMaxHeadBytes) return length;  // keep what fits
  transfer.head.append(line);
  const auto colon = line.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    std::string name = text::ascii_lower(text::trim_ascii(line.substr(0, colon)));
    if (is_selected_header(name))
      transfer.selected[name] = std::string(text::trim_ascii(line.substr(colon + 1)));
  }
  return length;
}

int on_debug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type == CURLINFO_HEADER_OUT) {
    auto& transfer = *static_cast<Transfer*>(user);
    transfer.request_head.assign(data, std::min(size, kMaxHeadBytes));
  }
  return 0;
}

// Checks the address curl is about to connect to, for every hop and after DNS,
// so neither a redirect nor a rebinding DNS answer can reach a private network.
curl_socket_t on_open_socket(void* user, curlsocktype, struct curl_sockaddr* address) {
  auto& transfer = *static_cast<Transfer*>(user);
  if (!transfer.allow_private) {
    char numeric[INET6_ADDRSTRLEN] = {};
    if (address->family == AF_INET) {
      inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&address->addr)->sin_addr, numeric,
                sizeof numeric);
    } else if (address->family == AF_INET6) {
      inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&address->addr)->sin6_addr,
                numeric, sizeof numeric);
    }
    if (is_private_address(numeric)) {
      transfer.refused_address = numeric[0] ? numeric : "a non-IP address";
      return CURL_SOCKET_BAD;
    }
  }
  return socket(address->family, address->socktype, address->protocol);
}

bool retryable_network_error(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
      return true;
    default:
      return false;
  }
}

std::string seconds_text(Milliseconds duration) {
  const double seconds = static_cast<double>(duration.count()) / 1000.0;
  char text[32];
  std::snprintf(text, sizeof text, "%g s", seconds);
  return text;
}

}  // namespace

std::string default_user_agent() {
  return std::string("crbc/") + CRBC_VERSION + " (+https://github.com/crbc/crbc)";
}

std::string utc_timestamp(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

struct Fetcher::Impl {
  struct Host {
    enum class Robots { unknown, fetching, known };
    Robots robots = Robots::unknown;
    RobotsRules rules = RobotsRules::allow_all();
    std::size_t active = 0;
    Clock::time_point next_start{};
    Milliseconds delay{0};
    std::deque<Job> queue;
    std::string refusal;  // why every page of the host fails, when robots.txt says so
  };

  FetchOptions options;
  std::unique_ptr<CURLM, MultiDeleter> multi;
  std::map<std::string, Host> hosts;  // by origin; robots.txt cache for the Fetcher's life
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> running;
  std::mt19937 random{std::random_device{}()};
  std::size_t waiting = 0;                     // jobs queued in hosts
  std::optional<Clock::time_point> next_wake;  // earliest start of a job held back by time
  const PageCallback* on_page = nullptr;

  explicit Impl(FetchOptions chosen) : options(std::move(chosen)), multi(curl().multi_init()) {
    options.parallel = std::max<std::size_t>(options.parallel, 1);
    options.per_host = std::max<std::size_t>(options.per_host, 1);
    // No CURLMOPT_MAX_TOTAL_CONNECTIONS: our own scheduler bounds the transfers, and
    // curl's queue of handles waiting for a connection stalls curl_multi_poll.
    curl().multi_setopt(multi.get(), CURLMOPT_MAXCONNECTS, static_cast<long>(options.parallel));
  }

  void run(const std::vector<FetchRequest>& requests, const PageCallback& callback) {
    on_page = &callback;
    try {
      run_loop(requests);
    } catch (...) {
      abandon();  // a callback threw: leave the Fetcher reusable
      throw;
    }
    on_page = nullptr;
  }

  void abandon() {
    for (auto& [easy, transfer] : running) {
      curl().multi_remove_handle(multi.get(), easy);
      if (Host& host = hosts[transfer->job.origin]; host.active > 0) --host.active;
    }
    running.clear();
    for (auto& [origin, host] : hosts) {
      if (host.robots == Host::Robots::fetching) host.robots = Host::Robots::unknown;
      host.queue.clear();
    }
    waiting = 0;
    on_page = nullptr;
  }

  void run_loop(const std::vector<FetchRequest>& requests) {
    for (std::size_t i = 0; i < requests.size(); ++i) enqueue(i, requests[i]);
    while (waiting > 0 || !running.empty()) {
      start_ready_jobs();
      int still_running = 0;
      curl().multi_perform(multi.get(), &still_running);
      // A finished transfer frees a slot: start the next job before sleeping.
      if (collect_finished() > 0) continue;
      if (waiting == 0 && running.empty()) break;
      curl().multi_poll(multi.get(), nullptr, 0, poll_timeout_ms(), nullptr);
    }
  }

  void enqueue(std::size_t index, const FetchRequest& request) {
    FetchRequest normalized = request;
    normalized.url = normalize_url(request.url);
    if (normalized.url.empty()) {
      FetchResult failed;
      failed.url = request.url;
      failed.fetched_at = utc_timestamp(std::chrono::system_clock::now());
      failed.error = request.url.empty() ? "empty url" : "not an absolute http or https url";
      (*on_page)(std::move(failed));
      return;
    }
    Job job;
    job.index = index;
    job.origin = origin_of(normalized.url);
    job.request = std::move(normalized);
    Host& host = hosts[job.origin];
    if (host.delay < options.per_host_delay) host.delay = options.per_host_delay;
    host.queue.push_back(std::move(job));
    ++waiting;
  }

  // Curl wakes the poll on socket activity; otherwise come back when the first
  // delayed job may start (a per-host delay, a backoff).
  int poll_timeout_ms() const {
    constexpr long long kIdle = 300;
    if (!next_wake) return static_cast<int>(kIdle);
    const auto wait =
        std::chrono::duration_cast<Milliseconds>(*next_wake - Clock::now()).count() + 1;
    return static_cast<int>(std::clamp<long long>(wait, 0, kIdle));
  }

  void start_ready_jobs() {
    const auto now = Clock::now();
    next_wake.reset();
    for (auto& [origin, host] : hosts) {
      if (running.size() >= options.parallel) return;
      if (options.robots && host.robots == Host::Robots::unknown && !host.queue.empty())
        queue_robots(origin, host);
      while (!host.queue.empty() && running.size() < options.parallel) {
        Job& job = host.queue.front();
        if (!job.robots && options.robots) {
          if (host.robots != Host::Robots::known) break;
          if (!host.rules.allowed(detail::path_and_query(job.request.url))) {
            Job refused = std::move(job);
            host.queue.pop_front();
            --waiting;
            report_failure(refused, host.refusal.empty()
                                        ? "disallowed by robots.txt (use --no-robots to ignore it)"
                                        : host.refusal);
            continue;
          }
        }
        if (host.active >= options.per_host) break;
        if (now < host.next_start || now < job.not_before) {
          const auto ready_at = std::max(host.next_start, job.not_before);
          next_wake = next_wake ? std::min(*next_wake, ready_at) : ready_at;
          break;
        }
        Job ready = std::move(job);
        host.queue.pop_front();
        --waiting;
        start(std::move(ready), host, now);
      }
    }
  }

  void queue_robots(const std::string& origin, Host& host) {
    host.robots = Host::Robots::fetching;
    Job job;
    job.robots = true;
    job.origin = origin;
    job.request.url = resolve_http_url(origin, "/robots.txt");
    host.queue.push_front(std::move(job));
    ++waiting;
  }

  void start(Job job, Host& host, Clock::time_point now) {
    ++job.attempts;
    auto transfer = std::make_unique<Transfer>();
    transfer->job = std::move(job);
    transfer->easy.reset(curl().easy_init());
    transfer->max_body = transfer->job.robots ? kMaxRobotsBytes : options.max_size;
    transfer->allow_private = options.allow_private;
    configure(*transfer);
    CURL* easy = transfer->easy.get();
    running.emplace(easy, std::move(transfer));
    curl().multi_add_handle(multi.get(), easy);
    ++host.active;
    host.next_start = now + host.delay;
  }

  void configure(Transfer& transfer) {
    CURL* easy = transfer.easy.get();
    const FetchRequest& request = transfer.job.request;
    curl().easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl().easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl().easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl().easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl().easy_setopt(easy, CURLOPT_MAXREDIRS,
                       transfer.job.robots ? kMaxRobotsRedirects : options.max_redirects);
    curl().easy_setopt(easy, CURLOPT_AUTOREFERER, 1L);
    curl().easy_setopt(easy, CURLOPT_USERAGENT, options.user_agent.c_str());
    curl().easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
    curl().easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl().easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl().easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl().easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl().easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
    curl().easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                       static_cast<long>(options.connect_timeout.count()));
    curl().easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes);
    curl().easy_setopt(
        easy, CURLOPT_LOW_SPEED_TIME,
        std::max(1L, static_cast<long>((options.low_speed_time.count() + 999) / 1000)));
    curl().easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(transfer.max_body));
    if (!options.env_proxy) curl().easy_setopt(easy, CURLOPT_PROXY, "");
    curl().easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.error);
    curl().easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl().easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
    curl().easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl().easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
    curl().easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    curl().easy_setopt(easy, CURLOPT_OPENSOCKETDATA, &transfer);
    curl().easy_setopt(easy, CURLOPT_PRIVATE, &transfer);
    if (options.keep_raw_headers) {
      curl().easy_setopt(easy, CURLOPT_DEBUGFUNCTION, on_debug);
      curl().easy_setopt(easy, CURLOPT_DEBUGDATA, &transfer);
      curl().easy_setopt(easy, CURLOPT_VERBOSE, 1L);
    }
    curl_slist* headers = nullptr;
    headers = curl().slist_append(
        headers, transfer.job.robots
                     ? "Accept: text/plain,*/*;q=0.5"
                     : "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    if (!request.etag.empty())
      headers = curl().slist_append(headers, ("If-None-Match: " + request.etag).c_str());
    if (!request.last_modified.empty()) {
      headers =
          curl().slist_append(headers, ("If-Modified-Since: " + request.last_modified).c_str());
    }
    transfer.headers.reset(headers);
    curl().easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  }

  std::size_t collect_finished() {
    std::size_t finished = 0;
    int left = 0;
    while (CURLMsg* message = curl().multi_info_read(multi.get(), &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* easy = message->easy_handle;
      const CURLcode code = message->data.result;
      curl().multi_remove_handle(multi.get(), easy);
      auto found = running.find(easy);
      if (found == running.end()) continue;
      std::unique_ptr<Transfer> transfer = std::move(found->second);
      running.erase(found);
      Host& host = hosts[transfer->job.origin];
      if (host.active > 0) --host.active;
      finish(std::move(transfer), code, host);
      ++finished;
    }
    return finished;
  }

  FetchResult result_of(Transfer& transfer, CURLcode code) {
    FetchResult result;
    CURL* easy = transfer.easy.get();
    result.url = transfer.job.request.url;
    result.attempts = transfer.job.attempts;
    result.fetched_at = utc_timestamp(std::chrono::system_clock::now());
    curl().easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &result.status);
    const char* effective = nullptr;
    curl().easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective);
    result.final_url = effective ? effective : result.url;
    const char* content_type = nullptr;
    curl().easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &content_type);
    if (content_type) result.content_type = content_type;
    result.charset = io::charset_parameter(result.content_type);
    long version = 0;
    curl().easy_getinfo(easy, CURLINFO_HTTP_VERSION, &version);
    result.http_version = version == CURL_HTTP_VERSION_2_0   ? "2"
                          : version == CURL_HTTP_VERSION_1_0 ? "1.0"
                                                             : "1.1";
    result.headers = std::move(transfer.selected);
    if (options.keep_raw_headers) {
      result.request_head = std::move(transfer.request_head);
      result.response_head = std::move(transfer.head);
    }
    if (code != CURLE_OK) {
      result.error = describe_error(transfer, code);
    } else if (result.status == 304 && (!transfer.job.request.etag.empty() ||
                                        !transfer.job.request.last_modified.empty())) {
      result.ok = true;
      result.not_modified = true;
    } else if (result.status >= 200 && result.status < 300) {
      result.ok = true;
      result.body = std::move(transfer.body);
    } else {
      result.error = "HTTP " + std::to_string(result.status);
    }
    return result;
  }

  std::string describe_error(const Transfer& transfer, CURLcode code) const {
    if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
      return "body larger than the limit of " + std::to_string(transfer.max_body) +
             " bytes (--max-size)";
    }
    if (!transfer.refused_address.empty()) {
      return "refused: the host resolves to the private address " + transfer.refused_address +
             " (use --allow-private to allow it)";
    }
    switch (code) {
      case CURLE_TOO_MANY_REDIRECTS:
        return "too many redirects (more than " + std::to_string(options.max_redirects) +
               ", --max-redirects)";
      case CURLE_UNSUPPORTED_PROTOCOL:
        return "refused: redirect to a scheme other than http or https";
      case CURLE_OPERATION_TIMEDOUT:
        return std::string("timed out: ") +
               (transfer.error[0] ? transfer.error : curl().easy_strerror(code));
      default:
        return transfer.error[0] ? std::string(transfer.error)
                                 : std::string(curl().easy_strerror(code));
    }
  }

  // How long to wait before the next attempt, or nullopt when the url should fail now.
  std::optional<Milliseconds> retry_delay(Transfer& transfer, CURLcode code,
                                          const FetchResult& result, std::string& why_not) {
    if (transfer.job.attempts > options.retries) return std::nullopt;
    const bool network = code != CURLE_OK && !transfer.too_large &&
                         transfer.refused_address.empty() && retryable_network_error(code);
    const bool server = code == CURLE_OK && (result.status == 429 || result.status >= 500);
    if (!network && !server) return std::nullopt;
    curl_off_t retry_after = -1;
    if (server) curl().easy_getinfo(transfer.easy.get(), CURLINFO_RETRY_AFTER, &retry_after);
    if (retry_after > 0) {
      const Milliseconds asked{retry_after * 1000};
      if (asked > options.retry_after_max) {
        why_not = "; the server asks to retry after " + seconds_text(asked) + ", longer than " +
                  seconds_text(options.retry_after_max);
        return std::nullopt;
      }
      return asked;
    }
    const int exponent = std::min(transfer.job.attempts - 1, 20);
    const double full = std::min<double>(
        static_cast<double>(options.backoff_base.count()) * std::ldexp(1.0, exponent),
        static_cast<double>(options.backoff_max.count()));
    std::uniform_real_distribution<double> jitter(0.5, 1.0);  // "equal jitter"
    return Milliseconds{static_cast<long long>(full * jitter(random))};
  }

  void finish(std::unique_ptr<Transfer> transfer, CURLcode code, Host& host) {
    FetchResult result = result_of(*transfer, code);
    std::string why_not;
    if (!result.ok) {
      if (const auto delay = retry_delay(*transfer, code, result, why_not)) {
        Job again = std::move(transfer->job);
        again.not_before = Clock::now() + *delay;
        if (result.status == 429 || result.status == 503)
          host.next_start = std::max(host.next_start, again.not_before);
        host.queue.push_front(std::move(again));
        ++waiting;
        return;
      }
      result.error += why_not;
    }
    if (transfer->job.robots) {
      learn_robots(host, result);
      return;
    }
    (*on_page)(std::move(result));
  }

  void learn_robots(Host& host, const FetchResult& result) {
    host.robots = Host::Robots::known;
    if (result.ok && result.status >= 200 && result.status < 300) {
      host.rules = RobotsRules::parse(result.body, robots_token(options.user_agent));
      if (const auto crawl_delay = host.rules.crawl_delay()) {
        host.delay = std::max(host.delay, std::min(*crawl_delay, kMaxCrawlDelay));
      }
    } else if (result.status >= 400 && result.status < 500) {
      host.rules = RobotsRules::allow_all();  // RFC 9309: unavailable means no rules
    } else {
      // Server error or unreachable: RFC 9309 says assume everything is disallowed.
      host.rules = RobotsRules::disallow_all();
      host.refusal = robots_refusal(result);
    }
  }

  // One cause, one hint: a host that answered with a server error is fetched with
  // --no-robots; one that could not be reached (refused address, closed port) says
  // why, with that error's own hint, since the pages would fail the same way.
  static std::string robots_refusal(const FetchResult& robots) {
    if (robots.status == 0) return "robots.txt unavailable: " + robots.error;
    const std::string why =
        robots.error.empty() ? "HTTP " + std::to_string(robots.status) : robots.error;
    return "robots.txt unavailable (" + why + "), so nothing is fetched (use --no-robots)";
  }

  void report_failure(const Job& job, std::string message) {
    FetchResult failed;
    failed.url = job.request.url;
    failed.final_url = job.request.url;
    failed.attempts = job.attempts;
    failed.fetched_at = utc_timestamp(std::chrono::system_clock::now());
    failed.error = std::move(message);
    (*on_page)(std::move(failed));
  }
};

Fetcher::Fetcher(FetchOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Fetcher::~Fetcher() = default;

const FetchOptions& Fetcher::options() const noexcept {
  return impl_->options;
}

void Fetcher::run(const std::vector<FetchRequest>& requests, const PageCallback& on_page) {
  impl_->run(requests, on_page);
}

const RobotsRules* Fetcher::robots_rules(std::string_view url) const {
  const auto host = impl_->hosts.find(origin_of(url));
  if (host == impl_->hosts.end() || host->second.robots != Impl::Host::Robots::known)
    return nullptr;
  return &host->second.rules;
}

FetchResult Fetcher::fetch_one(const FetchRequest& request) {
  FetchResult result;
  impl_->run({request}, [&](FetchResult&& page) { result = std::move(page); });
  return result;
}

void fetch_until(Fetcher& fetcher, const std::vector<FetchRequest>& requests, std::size_t wanted,
                 const std::function<bool(FetchResult&&)>& on_page) {
  std::size_t taken = 0;
  for (auto next = requests.begin(); next != requests.end() && taken < wanted;) {
    const auto batch_size =
        std::min<std::size_t>(wanted - taken, static_cast<std::size_t>(requests.end() - next));
    const std::vector<FetchRequest> batch(next, next + static_cast<std::ptrdiff_t>(batch_size));
    next += static_cast<std::ptrdiff_t>(batch_size);
    fetcher.run(batch, [&](FetchResult&& page) {
      if (on_page(std::move(page))) ++taken;
    });
  }
}

}  // namespace crbc::fetch
