// Whole-engine throughput of the embedded tenant (LocalDirectory), for docs/benchmarks.md.
//
//   engine_throughput [--chosen N] [--generated N] [--list-users N] [--threads T] [--dir PATH]
//
// Measures, on a fresh tenant in PATH (default: a temporary directory):
//   1. the bare Argon2id hashing rate (libsodium, the engine's parameters) on T threads;
//   2. users created per second with a given (person-chosen) password, T threads;
//   3. users created per second with a generated password, T threads;
//   4. users listed per second over a tenant of --list-users users, pages of 999, with
//      and without a $filter.
// Prints one Markdown table row per measurement.

#include <sodium.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "engine/local_directory.h"
#include "query/filter_parser.h"

namespace admin365 {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void Row(std::string_view what, long long items, double seconds, std::string_view unit) {
  fmt::print("| {} | {} | {:.2f} s | {:.1f} {}/s |\n", what, items, seconds, items / seconds,
             unit);
}

template <class T>
void Check(const Result<T>& result, std::string_view what) {
  if (!result) {
    fmt::print(stderr, "{}: {}\n", what, result.error().message);
    std::exit(1);
  }
}

// Runs `work(i)` for i in [0, count) on `threads` threads.
template <class Work>
double Parallel(long long count, int threads, Work work) {
  std::atomic<long long> next{0};
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (long long i = next++; i < count; i = next++) work(i);
    });
  }
  for (std::thread& thread : pool) thread.join();
  return Seconds(start);
}

NewUser Request(std::string_view prefix, long long i, std::string password) {
  NewUser request;
  request.properties = {
      {"accountEnabled", true},
      {"displayName", fmt::format("Bench User {}", i)},
      {"mailNickname", fmt::format("{}{}", prefix, i)},
      {"userPrincipalName", fmt::format("{}{}@bench.example.com", prefix, i)},
      {"department", i % 10 == 0 ? std::string("Sales") : std::string("Engineering")},
  };
  request.password_profile = PasswordProfile{.password = std::move(password),
                                             .force_change_password_next_sign_in = true};
  return request;
}

int Main(int argc, char** argv) {
  long long chosen = 200, generated = 20000, list_users = 100000;
  int threads = static_cast<int>(std::thread::hardware_concurrency());
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / fmt::format("admin365-bench-{}", ::getpid());
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--chosen") chosen = std::stoll(argv[i + 1]);
    if (flag == "--generated") generated = std::stoll(argv[i + 1]);
    if (flag == "--list-users") list_users = std::stoll(argv[i + 1]);
    if (flag == "--threads") threads = std::stoi(argv[i + 1]);
    if (flag == "--dir") dir = argv[i + 1];
  }
  std::filesystem::remove_all(dir);
  auto directory = LocalDirectory::Open({.data_directory = dir});
  Check(directory, "open");
  LocalDirectory& tenant = **directory;
  const Actor actor{"bench"};
  Check(tenant.InitializeTenant(actor, "Bench", "bench"), "init");
  // A verified custom domain, as any real tenant has: it also lifts the quota to 300,000.
  Check(tenant.AddDomain(actor, "bench.example.com"), "add domain");
  Check(tenant.VerifyDomain(actor, "bench.example.com"), "verify domain");

  fmt::print("| measurement ({} threads) | items | time | rate |\n|---|---|---|---|\n", threads);

  const Argon2Parameters argon2;
  const long long hashes = chosen;
  const double hash_seconds = Parallel(hashes, threads, [&](long long i) {
    char out[crypto_pwhash_STRBYTES];
    const std::string password = fmt::format("Chosen-Pass-{}", i);
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), argon2.ops_limit,
                              argon2.mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
      std::abort();
    }
  });
  Row("bare Argon2id hashes (m=19 MiB, t=2, p=1)", hashes, hash_seconds, "hashes");

  const double chosen_seconds = Parallel(chosen, threads, [&](long long i) {
    Check(tenant.CreateUser(actor, Request("chosen", i, fmt::format("Chosen-Pass-{}x", i)), false),
          "create chosen");
  });
  Row("CreateUser, chosen password (Argon2id)", chosen, chosen_seconds, "users");
  fmt::print("| ratio to bare hashing | | | {:.0f}% |\n",
             100.0 * (chosen / chosen_seconds) / (hashes / hash_seconds));

  const double generated_seconds = Parallel(generated, threads, [&](long long i) {
    Check(tenant.CreateUser(actor, Request("gen", i, ""), true), "create generated");
  });
  Row("CreateUser, generated password (keyed BLAKE2b)", generated, generated_seconds, "users");

  // Fill up to --list-users, then page through everything.
  const long long have = chosen + generated;
  if (list_users > have) {
    Parallel(list_users - have, threads, [&](long long i) {
      Check(tenant.CreateUser(actor, Request("fill", i, ""), true), "fill");
    });
  }
  const auto list_all = [&](std::optional<query::Filter> filter, UserOrder order) {
    UserListOptions options{.filter = std::move(filter), .order = order, .page_size = 999};
    long long listed = 0;
    const auto start = Clock::now();
    for (;;) {
      auto page = tenant.ListUsers(options);
      Check(page, "list");
      listed += static_cast<long long>(page->users.size());
      if (page->next_skip_token.empty()) break;
      options.skip_token = page->next_skip_token;
    }
    return std::pair{listed, Seconds(start)};
  };
  auto [listed, list_seconds] = list_all(std::nullopt, UserOrder::kId);
  Row("ListUsers, pages of 999, by id", listed, list_seconds, "users");
  std::tie(listed, list_seconds) = list_all(std::nullopt, UserOrder::kDisplayName);
  Row("ListUsers, pages of 999, by displayName", listed, list_seconds, "users");
  std::tie(listed, list_seconds) =
      list_all(*query::ParseFilter("department eq 'Sales'"), UserOrder::kId);
  Row("ListUsers, $filter department eq 'Sales' (10%)", listed, list_seconds, "users");

  directory->reset();
  std::filesystem::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace admin365

int main(int argc, char** argv) { return admin365::Main(argc, argv); }
