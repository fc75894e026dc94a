#include "progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace ticketcore::cli {

Progress::Progress(std::string what, std::uint64_t total)
    : what_(std::move(what)), total_(total), terminal_(isatty(STDERR_FILENO) == 1) {}

void Progress::advance(std::uint64_t n) {
  done_ += n;
  if (!terminal_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  if (total_ == 0) {
    std::fprintf(stderr, "\r%s: %llu", what_.c_str(), static_cast<unsigned long long>(done_));
    return;
  }
  constexpr int kWidth = 30;
  const double share = std::min(1.0, static_cast<double>(done_) / static_cast<double>(total_));
  const int filled = static_cast<int>(share * kWidth);
  std::fprintf(stderr, "\r%s [%s%s] %3d%%", what_.c_str(), std::string(filled, '#').c_str(),
               std::string(kWidth - filled, ' ').c_str(), static_cast<int>(share * 100));
}

void Progress::finish(const std::string& summary) {
  if (terminal_) std::fputs("\r\033[K", stderr);  // clear the bar's line
  std::fprintf(stderr, "%s: %s\n", what_.c_str(), summary.c_str());
}

CountingReadBuffer::int_type CountingReadBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  const std::streamsize n = source_.sgetn(chunk_, sizeof chunk_);
  if (n <= 0) return traits_type::eof();
  lines_ += static_cast<std::uint64_t>(std::count(chunk_, chunk_ + n, '\n'));
  progress_.advance(static_cast<std::uint64_t>(n));
  setg(chunk_, chunk_, chunk_ + n);
  return traits_type::to_int_type(*gptr());
}

CountingWriteBuffer::int_type CountingWriteBuffer::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  const char c = traits_type::to_char_type(ch);
  return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
}

std::streamsize CountingWriteBuffer::xsputn(const char* s, std::streamsize n) {
  const auto ends = static_cast<std::uint64_t>(std::count(s, s + n, '\n'));
  lines_ += ends;
  if (ends) progress_.advance(ends);
  return sink_.sputn(s, n);
}

}  // namespace ticketcore::cli
