#include "server/http_server.h"

#include <fmt/format.h>
#include <malloc.h>
#include <openssl/ssl.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace admin365::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

namespace {

class Session;

// What the acceptor and every session share.
struct Shared {
  const HttpServerOptions options;
  Router& router;
  AccessLog& log;
  std::atomic<bool> stopping = false;
  std::mutex mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  std::unordered_map<std::string, std::size_t> sessions_per_address;
  std::size_t peak_sessions = 0;          // since memory was last returned
  std::function<void()> on_last_session;  // called when stopping and the last one ends
};

// Returns the memory freed since the session count was at its peak to the system, once
// the count has halved from a peak of at least 64: after a burst, not per connection.
// Called with shared.mutex held.
bool ShouldReturnMemory(Shared& shared) {
  const std::size_t live = shared.sessions.size();
  if (shared.peak_sessions < 64 || live * 2 > shared.peak_sessions) return false;
  shared.peak_sessions = live;
  return true;
}

bool IsParseError(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_method).category();
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  static constexpr std::size_t kKeptBufferBytes = 64 * 1024;

  // Registered in shared.sessions (and counted for `remote`) by the acceptor.
  Session(tcp::socket socket, std::string remote, ssl::context& tls, Shared& shared)
      : stream_(std::move(socket), tls), shared_(shared), remote_(std::move(remote)) {}

  ~Session() {
    bool return_memory = false;
    {
      std::lock_guard lock(shared_.mutex);
      shared_.sessions.erase(this);
      if (auto count = shared_.sessions_per_address.find(remote_);
          count != shared_.sessions_per_address.end() && --count->second == 0) {
        shared_.sessions_per_address.erase(count);
      }
      if (shared_.stopping && shared_.sessions.empty() && shared_.on_last_session) {
        shared_.on_last_session();
      }
      return_memory = ShouldReturnMemory(shared_);
    }
    if (return_memory) ::malloc_trim(0);
  }

  void Run() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::Handshake, shared_from_this()));
  }

  // Closes the connection if it is waiting for a request; one in progress finishes.
  void StopIfIdle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) beast::get_lowest_layer(self->stream_).cancel();
    });
  }

 private:
  void Handshake() {
    if (shared_.stopping) return;
    idle_ = true;  // nothing asked yet: a shutdown may cut it
    beast::get_lowest_layer(stream_).expires_after(
        std::chrono::seconds(shared_.options.handshake_timeout_seconds));
    stream_.async_handshake(ssl::stream_base::server,
                            beast::bind_front_handler(&Session::OnHandshake, shared_from_this()));
  }

  void OnHandshake(beast::error_code ec) {
    idle_ = false;
    if (!ec) Read();
  }

  void Read() {
    if (shared_.stopping) return Close();
    // A large body grew the buffer: an idle connection does not keep it.
    if (buffer_.capacity() > kKeptBufferBytes) buffer_.shrink_to_fit();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.header_limit));
    parser_->body_limit(shared_.options.body_limit);
    idle_ = true;
    beast::get_lowest_layer(stream_).expires_after(
        std::chrono::seconds(shared_.options.idle_timeout_seconds));
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    idle_ = false;
    const auto start = std::chrono::steady_clock::now();
    if (ec == http::error::header_limit) {
      return Refuse(
          431, "RequestHeaderFieldsTooLarge",
          fmt::format("The request's headers exceed {} bytes.", shared_.options.header_limit),
          start);
    }
    if (ec == http::error::body_limit) {
      return Refuse(413, "RequestEntityTooLarge",
                    fmt::format("The request body exceeds the maximum of {} bytes.",
                                shared_.options.body_limit),
                    start);
    }
    if (ec && IsParseError(ec) && ec != http::error::end_of_stream &&
        ec != http::error::partial_message) {
      return Refuse(400, "BadRequest", "The HTTP request is malformed.", start);
    }
    if (ec) return Close();

    http::request<http::string_body> request = parser_->release();
    HttpRequest plain{.method = std::string(request.method_string()),
                      .target = std::string(request.target()),
                      .body = std::move(request.body()),
                      .client_address = remote_};
    for (const auto& field : request) {
      plain.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    HttpResponse response = shared_.router.Handle(plain);
    Send(std::move(response), request.keep_alive() && !shared_.stopping, plain.method, plain.target,
         start);
  }

  void Refuse(int status, std::string_view code, std::string_view message,
              std::chrono::steady_clock::time_point start) {
    const std::string request_id = shared_.router.NewRequestId();
    Send(GraphErrorResponse(status, code, message, request_id, request_id,
                            shared_.router.clock().Now()),
         false,
         parser_ && parser_->is_header_done() ? std::string(parser_->get().method_string()) : "-",
         parser_ && parser_->is_header_done() ? std::string(parser_->get().target()) : "-", start);
  }

  void Send(HttpResponse plain, bool keep_alive, const std::string& method,
            const std::string& target, std::chrono::steady_clock::time_point start) {
    response_.emplace(static_cast<http::status>(plain.status), 11);
    for (const auto& [name, value] : plain.headers) response_->insert(name, value);
    response_->set(http::field::server, "admin365");
    response_->body() = std::move(plain.body);
    response_->keep_alive(keep_alive);
    response_->prepare_payload();
    shared_.log.Record(AccessLogEntry{.remote_address = remote_,
                                      .method = method,
                                      .target = target,
                                      .status = plain.status,
                                      .duration_ms = std::chrono::duration<double, std::milli>(
                                                         std::chrono::steady_clock::now() - start)
                                                         .count(),
                                      .request_id = std::string(response_->base()["request-id"])});
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(30));
    http::async_write(stream_, *response_,
                      beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  void OnWrite(beast::error_code ec, std::size_t) {
    if (ec) return;
    if (!response_->keep_alive()) return Close();
    response_.reset();
    Read();
  }

  void Close() {
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
    stream_.async_shutdown([self = shared_from_this()](beast::error_code) {});
  }

  beast::ssl_stream<beast::tcp_stream> stream_;
  Shared& shared_;
  std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::string_body>> response_;
  bool idle_ = false;
};

}  // namespace

struct HttpServer::Impl {
  explicit Impl(const HttpServerOptions& options, Router& router, AccessLog& log)
      : shared{.options = options, .router = router, .log = log} {}

  Shared shared;
  const std::size_t max_connections = shared.options.max_connections > 0
                                          ? shared.options.max_connections
                                          : DefaultMaxConnections();
  net::io_context ioc;
  ssl::context tls{ssl::context::tls_server};
  net::strand<net::io_context::executor_type> strand = net::make_strand(ioc);
  tcp::acceptor acceptor{strand};
  net::signal_set signals{strand, SIGINT, SIGTERM};
  net::steady_timer drain_timer{strand};
  std::vector<std::thread> threads;
  std::uint16_t port = 0;

  net::steady_timer accept_pause{strand};

  void Accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor.is_open()) return;
      if (ec == net::error::no_descriptors || ec == net::error::no_buffer_space ||
          ec == boost::system::errc::too_many_files_open_in_system) {
        // Out of descriptors or memory: retrying at once would spin. Pause, then go on.
        accept_pause.expires_after(std::chrono::milliseconds(100));
        accept_pause.async_wait([this](beast::error_code error) {
          if (!error) Accept();
        });
        return;
      }
      if (!ec) Admit(std::move(socket));
      Accept();
    });
  }

  // Starts a session for `socket`, or closes it when a connection limit is reached.
  void Admit(tcp::socket socket) {
    beast::error_code ignored;
    const std::string remote = socket.remote_endpoint(ignored).address().to_string();
    std::shared_ptr<Session> session;
    std::string refusal;
    {
      std::lock_guard lock(shared.mutex);
      std::size_t& from_address = shared.sessions_per_address[remote];
      if (shared.sessions.size() >= max_connections) {
        refusal = fmt::format("{} connections open (--max-connections)", max_connections);
      } else if (from_address >= shared.options.max_connections_per_address) {
        refusal = fmt::format("{} connections from this address (--max-connections-per-address)",
                              shared.options.max_connections_per_address);
      } else {
        ++from_address;
        socket.set_option(tcp::no_delay(true), ignored);
        session = std::make_shared<Session>(std::move(socket), remote, tls, shared);
        shared.sessions.emplace(session.get(), session);
        shared.peak_sessions = std::max(shared.peak_sessions, shared.sessions.size());
      }
      if (from_address == 0) shared.sessions_per_address.erase(remote);
    }
    if (session) return session->Run();
    shared.log.RecordRefusal(remote, refusal);
    socket.shutdown(tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
  }

  // On the strand.
  void BeginShutdown() {
    if (shared.stopping.exchange(true)) return;
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    accept_pause.cancel();
    std::vector<std::shared_ptr<Session>> live;
    {
      std::lock_guard lock(shared.mutex);
      for (auto& [pointer, weak] : shared.sessions) {
        if (auto session = weak.lock()) live.push_back(std::move(session));
      }
      shared.on_last_session = [this] { net::post(strand, [this] { drain_timer.cancel(); }); };
      if (shared.sessions.empty()) return;
    }
    for (auto& session : live) session->StopIfIdle();
    live.clear();
    drain_timer.expires_after(std::chrono::seconds(shared.options.drain_seconds));
    drain_timer.async_wait([this](beast::error_code ec) {
      if (!ec) ioc.stop();
    });
  }
};

Result<std::unique_ptr<HttpServer>> HttpServer::Start(const HttpServerOptions& options,
                                                      Router& router, AccessLog& log) {
  auto impl = std::make_unique<Impl>(options, router, log);
  beast::error_code ec;
  impl->tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                        ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  // An idle connection keeps no TLS read and write buffers (about 34 KB each).
  SSL_CTX_set_mode(impl->tls.native_handle(), SSL_MODE_RELEASE_BUFFERS);
  impl->tls.use_certificate_chain_file(options.certificate.string(), ec);
  if (ec) {
    return Fail(Error::Internal(fmt::format("Cannot use the certificate {}: {}",
                                            options.certificate.string(), ec.message())));
  }
  impl->tls.use_private_key_file(options.private_key.string(), ssl::context::pem, ec);
  if (ec) {
    return Fail(Error::Internal(fmt::format("Cannot use the private key {}: {}",
                                            options.private_key.string(), ec.message())));
  }
  const net::ip::address address = net::ip::make_address(options.host, ec);
  if (ec) return Fail(Error::Internal(fmt::format("Invalid listen address '{}'", options.host)));
  const tcp::endpoint endpoint(address, options.port);
  impl->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Fail(Error::Internal(
        fmt::format("Cannot listen on {}:{}: {}", options.host, options.port, ec.message())));
  }
  impl->port = impl->acceptor.local_endpoint(ec).port();
  Impl* raw = impl.get();
  impl->signals.async_wait([raw](beast::error_code error, int) {
    if (!error) raw->BeginShutdown();
  });
  net::dispatch(impl->strand, [raw] { raw->Accept(); });
  const int threads = options.threads > 0
                          ? options.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  for (int i = 0; i < threads; ++i) impl->threads.emplace_back([raw] { raw->ioc.run(); });
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

std::size_t DefaultMaxConnections() {
  constexpr rlim_t kReserved = 64;
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 65536;
  return limit.rlim_cur > kReserved * 2 ? limit.rlim_cur - kReserved : limit.rlim_cur / 2;
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() {
  Stop();
  Wait();
}

std::uint16_t HttpServer::port() const { return impl_->port; }

void HttpServer::Wait() {
  for (std::thread& thread : impl_->threads) {
    if (thread.joinable()) thread.join();
  }
}

void HttpServer::Stop() {
  net::post(impl_->strand, [impl = impl_.get()] { impl->BeginShutdown(); });
}

}  // namespace admin365::server
