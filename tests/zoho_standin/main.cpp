// zoho-standin: a local imitation of the Zoho Books/Inventory API for tests, the demo and the
// benchmarks. Flags and endpoints: tests/zoho_standin/README.md.

#include "admin_routes.hpp"
#include "api_routes.hpp"
#include "catalogs.hpp"
#include "oauth_route.hpp"
#include "options.hpp"
#include "server_setup.hpp"
#include "signal_stop.hpp"
#include "sink_routes.hpp"
#include "state.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>

namespace zoho_standin {
namespace {

constexpr const char* host = "127.0.0.1";

Catalog build_catalog(const Options& options) {
  switch (options.catalog) {
    case CatalogKind::audit:
      return build_audit_catalog(options.seed);
    case CatalogKind::large:
      return build_large_catalog(options.items, options.seed);
    case CatalogKind::tsh:
      break;
  }
  return build_tsh_catalog(options.seed);
}

// Written to a temporary name and renamed, so a reader never sees a half-written port.
void write_port_file(const std::string& path, int port) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << port << '\n';
    if (!out) {
      throw std::runtime_error("cannot write " + temporary);
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    throw std::runtime_error("cannot rename " + temporary + " to " + path);
  }
}

int run(const Options& options) {
  SignalStop signal_stop;  // before any thread starts

  const auto started = std::chrono::steady_clock::now();
  Catalog catalog = build_catalog(options);
  catalog.warm_caches();
  const auto built_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  const std::size_t item_count = catalog.live_items().size();
  const std::size_t book_count = catalog.pricebooks().size();

  auto state = std::make_unique<ServerState>(options, std::move(catalog));
  httplib::Server server;
  ListeningSocket listening_socket;
  configure_server(server, !options.quiet, listening_socket);
  register_oauth_route(server, *state);
  register_api_routes(server, *state);
  register_admin_routes(server, *state);
  register_sink_routes(server, *state);

  const int port =
      options.port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, options.port) ? options.port : -1);
  if (port <= 0) {
    fmt::print(stderr, "zoho-standin: cannot listen on {}:{}\n", host, options.port);
    return 1;
  }
  raise_listen_backlog(listening_socket);
  state->port = port;
  if (!options.port_file.empty()) {
    write_port_file(options.port_file, port);
  }
  fmt::print(stderr, "zoho-standin listening on http://{}:{}\n", host, port);
  if (!options.quiet) {
    fmt::print(stderr, "zoho-standin: {} catalog, {} items, {} pricebooks, built in {} ms\n",
               options.catalog == CatalogKind::audit ? "audit" : "large", item_count, book_count, built_ms);
  }
  std::fflush(stderr);

  signal_stop.watch(server);
  const bool clean = server.listen_after_bind();
  signal_stop.finish();
  return clean ? 0 : 1;
}

}  // namespace
}  // namespace zoho_standin

int main(int argc, char** argv) {
  using namespace zoho_standin;
  try {
    bool help = false;
    const Options options = parse_options(argc, argv, help);
    if (help) {
      fmt::print("{}", usage_text());
      return 0;
    }
    return run(options);
  } catch (const UsageError& error) {
    fmt::print(stderr, "zoho-standin: {}\n", error.what());
    return 2;
  } catch (const std::exception& error) {
    fmt::print(stderr, "zoho-standin: {}\n", error.what());
    return 1;
  }
}
