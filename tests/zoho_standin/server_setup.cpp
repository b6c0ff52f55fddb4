#include "server_setup.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <sys/socket.h>

namespace zoho_standin {
namespace {

// Slow faults hold a thread while they sleep; keep enough for concurrent clients.
constexpr std::size_t worker_threads = 32;
constexpr int listen_backlog = 256;

bool expects_body(const std::string& method) { return method == "POST" || method == "PUT" || method == "PATCH"; }

}  // namespace

void configure_server(httplib::Server& server, bool log_requests, ListeningSocket& listening) {
  server.new_task_queue = [] { return new httplib::ThreadPool(worker_threads); };
  server.set_keep_alive_max_count(1000);
  // Without it, small responses wait ~40 ms for the client's delayed ACK (Nagle).
  server.set_tcp_nodelay(true);
  server.set_socket_options([&listening](socket_t socket) {
    httplib::default_socket_options(socket);
    listening.fd = socket;
  });
  // A request without Content-Length or Transfer-Encoding has no body (RFC 9112 6.3), but
  // httplib answers such a POST with 400 (curl -X POST sends one). Say so explicitly. The
  // request object is not const inside httplib; only this handler's view of it is.
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    if (expects_body(req.method) && !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding")) {
      const_cast<httplib::Request&>(req).set_header("Content-Length", "0");
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Paths nothing serves get Zoho's answer rather than an empty body.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.status == 404 && res.body.empty()) {
      res.set_content(R"({"code":5,"message":"Invalid URL Passed"})", "application/json");
    }
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, const std::exception_ptr& error) {
    std::string message = "unknown error";
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      message = e.what();
    } catch (...) {
    }
    res.status = 500;
    res.set_content(nlohmann::json{{"code", 1000}, {"message", message}}.dump(), "application/json");
  });
  if (log_requests) {
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      fmt::print(stderr, "{} {} {}\n", req.method, req.target, res.status);
    });
  }
}

void raise_listen_backlog(const ListeningSocket& listening) {
  if (listening.fd >= 0) {
    ::listen(listening.fd, listen_backlog);
  }
}

}  // namespace zoho_standin
