#include "cli/bulk_progress.h"

#include <unistd.h>

#include <string>

#include <fmt/format.h>

namespace admin365::cli {

namespace {

constexpr auto kPlainLineInterval = std::chrono::seconds(5);
constexpr int kBarWidth = 30;

std::string Duration(double seconds) {
  const long long total = static_cast<long long>(seconds + 0.5);
  return total >= 3600 ? fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60)
                       : fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace

BulkProgressPrinter::BulkProgressPrinter(std::FILE* out)
    : out_(out),
      terminal_(::isatty(::fileno(out)) == 1),
      start_(std::chrono::steady_clock::now()),
      last_line_(start_) {}

void BulkProgressPrinter::Update(const manage::BulkProgress& progress) {
  const auto now = std::chrono::steady_clock::now();
  if (!terminal_ && now - last_line_ < kPlainLineInterval) return;
  last_line_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(progress.rows_done) / elapsed : 0;
  const double fraction =
      progress.total_bytes > 0
          ? static_cast<double>(progress.bytes_read) / static_cast<double>(progress.total_bytes)
          : 0;
  const std::string eta = fraction > 0.01 ? Duration(elapsed / fraction - elapsed) : "--:--";
  const std::string counts = fmt::format("{} rows, {} failed, {:.0f} rows/s, ETA {}",
                                         progress.rows_done, progress.failed, rate, eta);
  if (terminal_) {
    const int filled = static_cast<int>(fraction * kBarWidth);
    fmt::print(out_, "\r[{}{}] {:3.0f}% {}\033[K", std::string(filled, '#'),
               std::string(kBarWidth - filled, ' '), fraction * 100, counts);
    drawn_ = true;
  } else {
    fmt::print(out_, "bulk: {:.0f}% read, {}\n", fraction * 100, counts);
  }
  std::fflush(out_);
}

void BulkProgressPrinter::Finish() {
  if (drawn_) fmt::print(out_, "\n");
}

}  // namespace admin365::cli
