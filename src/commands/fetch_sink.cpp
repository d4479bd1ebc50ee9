#include "commands/fetch_sink.hpp"

#include <cerrno>
#include <filesystem>
#include <utility>

#include "io/media_type.hpp"

namespace crbc::commands {

PageEmitter::PageEmitter(PageOutput output, std::ostream& out, Delivered delivered)
    : output_(std::move(output)), out_(out), delivered_(std::move(delivered)) {}

void PageEmitter::emit(const fetch::FetchResult& page) {
  if (!output_.dir.empty()) {
    const std::string name =
        fetch::output_file_name(page.final_url.empty() ? page.url : page.final_url);
    fetch::write_file_atomically((std::filesystem::path(output_.dir) / name).string(), page.body);
    delivered_(page.url);
    return;
  }
  std::ostream& out = target();
  if (output_.records) {
    out << fetch::fetch_record(page).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
  } else {
    out.write(page.body.data(), static_cast<std::streamsize>(page.body.size()));
  }
  out.flush();
  if (!out) {
    if (!file_ && errno == EPIPE) throw ClosedPipe{};
    throw io::OutputError("cannot write the output");
  }
  if (file_) {
    committed_with_file_.push_back(page.url);
  } else if (!output_.stdout_is_pipe) {
    delivered_(page.url);
  }
}

void PageEmitter::finish() {
  if (!file_) return;
  file_->commit();
  for (const std::string& url : committed_with_file_) delivered_(url);
}

std::ostream& PageEmitter::target() {
  if (output_.file.empty() || output_.file == "-") return out_;
  if (!file_) file_ = std::make_unique<io::AtomicFile>(output_.file);
  return file_->stream();
}

PageSink::PageSink(fetch::StateStore* state, bool new_only, Archive archive, PageEmitter& emitter,
                   io::Reporter& report, io::ProgressLine& progress)
    : state_(state),
      new_only_(new_only),
      archive_(std::move(archive)),
      emitter_(emitter),
      report_(report),
      progress_(progress) {}

bool PageSink::take(fetch::FetchResult&& page) {
  if (!page.ok) {
    fail(page.url, page.error);
    return false;
  }
  if (!page.not_modified && !io::is_page_media_type(page.content_type)) {
    fail(page.url, "not an HTML page (Content-Type: " + page.content_type + ")");
    return false;
  }
  return deliver(std::move(page));
}

bool PageSink::deliver(fetch::FetchResult&& page) {
  using fetch::Delivery;
  // The row is committed before the page is emitted, and the page counts as
  // seen only once delivered: a run killed at any moment loses nothing.
  const fetch::Novelty novelty = state_ ? state_->record(page) : fetch::Novelty::new_page;
  const Delivery delivery = state_ ? state_->delivery(page.url) : Delivery::never;
  if (novelty != fetch::Novelty::new_page && delivery == Delivery::never) ++sent_again_;
  const bool wanted = new_only_ ? delivery == Delivery::never : delivery != Delivery::current;
  if (page.not_modified || !wanted) {
    skip();
    return false;
  }
  if (archive_) archive_(page);
  emitter_.emit(page);
  ++written_;
  show_progress();
  return true;
}

bool PageSink::delivered_before(const std::string& url) {
  if (!state_ || state_->delivery(url) == fetch::Delivery::never) return false;
  skip();
  return true;
}

void PageSink::fail(const std::string& url, const std::string& message) {
  report_.error({url}, message);
  show_progress();
}

void PageSink::skip() {
  ++skipped_;
  show_progress();
}

void PageSink::show_progress() {
  progress_.update(done(), report_.errors());
}

}  // namespace crbc::commands
