#pragma once
// Progress of a long import or export on stderr: a bar redrawn in place when stderr is a
// terminal, and only the final count when it is piped or redirected (logs stay clean).

#include <chrono>
#include <cstdint>
#include <streambuf>
#include <string>

namespace ticketcore::cli {

/// Counts units of work ("rows", "bytes") towards an optional total and shows it.
class Progress {
 public:
  /// `what` names the work ("importing customers"); `total` is 0 when unknown.
  Progress(std::string what, std::uint64_t total);
  /// Moves on by `n` units; redraws the bar at most a few times a second.
  void advance(std::uint64_t n = 1);
  /// Ends the bar; writes "<what>: <summary>" on its own line.
  void finish(const std::string& summary);

 private:
  void draw();

  std::string what_;
  std::uint64_t total_, done_ = 0;
  bool terminal_;
  std::chrono::steady_clock::time_point last_draw_{};
};

/// A read buffer over another stream buffer that tells a Progress how many bytes went
/// through and counts the lines, so a JSON-lines import shows how far it is.
class CountingReadBuffer : public std::streambuf {
 public:
  /// Reads from `source`, reporting to `progress`; both must outlive the buffer.
  CountingReadBuffer(std::streambuf& source, Progress& progress) : source_(source), progress_(progress) {}
  /// How many line ends were read.
  std::uint64_t lines() const { return lines_; }

 protected:
  int_type underflow() override;

 private:
  std::streambuf& source_;
  Progress& progress_;
  char chunk_[1 << 16];
  std::uint64_t lines_ = 0;
};

/// A write buffer over another stream buffer that counts the lines written and tells a Progress.
class CountingWriteBuffer : public std::streambuf {
 public:
  /// Writes to `sink`, reporting each line to `progress`; both must outlive the buffer.
  CountingWriteBuffer(std::streambuf& sink, Progress& progress) : sink_(sink), progress_(progress) {}
  /// How many line ends were written.
  std::uint64_t lines() const { return lines_; }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override { return sink_.pubsync(); }

 private:
  std::streambuf& sink_;
  Progress& progress_;
  std::uint64_t lines_ = 0;
};

}  // namespace ticketcore::cli
