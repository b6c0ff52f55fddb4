#include "sink_routes.hpp"

#include "responses.hpp"

#include <stdexcept>

namespace zoho_standin {
namespace {

using OrderedJson = nlohmann::ordered_json;

// httplib adds the peer's address to the request headers; they were not sent.
bool is_pseudo_header(const std::string& name) {
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

void receive(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  SinkRecord record;
  record.method = req.method;
  record.path = req.path;
  if (const auto question = req.target.find('?'); question != std::string::npos) {
    record.query = req.target.substr(question + 1);
  }
  for (const auto& [name, value] : req.headers) {
    if (!is_pseudo_header(name)) {
      record.headers.emplace_back(name, value);
    }
  }
  record.body = req.body;
  const std::lock_guard lock(state.mutex);
  record.received_at = state.clock.unix_now();
  const SinkRecord& kept = state.sinks.receive(req.matches[1], std::move(record));
  if (kept.retry_after_sent) {
    replace_header(res, "Retry-After", std::to_string(*kept.retry_after_sent));
  }
  if (kept.signature_valid && !*kept.signature_valid) {
    send_json(res, 401, OrderedJson{{"ok", false}, {"error", "invalid signature"}});
  } else {
    send_json(res, kept.status_sent, OrderedJson{{"ok", kept.status_sent < 400}});
  }
}

}  // namespace

void register_sink_routes(httplib::Server& server, ServerState& state) {
  const std::string sink_path = R"(/_sink/([^/]+)(/.*)?)";
  const httplib::Server::Handler handler = [&state](const httplib::Request& req, httplib::Response& res) {
    receive(state, req, res);
  };
  server.Post(sink_path, handler);
  server.Put(sink_path, handler);
  server.Patch(sink_path, handler);
  server.Get(sink_path, handler);
  server.Delete(sink_path, handler);

  server.Get("/_admin/sinks", [&state](const httplib::Request&, httplib::Response& res) {
    const std::lock_guard lock(state.mutex);
    send_json(res, 200, state.sinks.summary_json());
  });
  const std::string admin_path = R"(/_admin/sinks/([^/]+))";
  server.Get(admin_path, [&state](const httplib::Request& req, httplib::Response& res) {
    const std::lock_guard lock(state.mutex);
    send_json(res, 200, state.sinks.requests_json(req.matches[1]));
  });
  server.Post(admin_path, [&state](const httplib::Request& req, httplib::Response& res) {
    try {
      const auto patch = req.body.empty() ? nlohmann::json::object() : nlohmann::json::parse(req.body);
      const std::lock_guard lock(state.mutex);
      state.sinks.configure(req.matches[1], patch);
      send_json(res, 200, OrderedJson{{"ok", true}});
    } catch (const std::exception& error) {
      send_json(res, 400, OrderedJson{{"error", error.what()}});
    }
  });
  server.Delete(admin_path, [&state](const httplib::Request& req, httplib::Response& res) {
    const std::lock_guard lock(state.mutex);
    state.sinks.clear(req.matches[1]);
    send_json(res, 200, OrderedJson{{"ok", true}});
  });
}

}  // namespace zoho_standin
