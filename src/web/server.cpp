#include "web/server.h"

#include <restinio/all.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "accounts/accounts.h"
#include "board/pledge.h"
#include "offer/catalogue.h"
#include "web/app.h"
#include "web/worker_pool.h"

namespace corparent::web {
namespace {

using traits_t = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;
using request_handle = restinio::request_handle_t;

// A year's return for a large council is well under this; the limit keeps a request from filling memory.
constexpr std::uint64_t kMaxUpload = 64ull * 1024 * 1024;

long long now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Request to_request(const restinio::request_t& req) {
    Request r;
    r.method = req.header().method().c_str();
    r.path = std::string(req.header().path());
    r.query = parse_urlencoded(req.header().query());
    r.cookies = parse_cookies(req.header().get_field_or(restinio::http_field::cookie, ""));
    auto type = req.header().get_field_or(restinio::http_field::content_type, "");
    r.content_type = std::string(type);
    if (type.starts_with("application/x-www-form-urlencoded")) r.form = parse_urlencoded(req.body());
    if (type.starts_with("multipart/form-data")) r.body = req.body();
    r.address = req.remote_endpoint().address().to_string();
    return r;
}

const char* reason(int status) {
    switch (status) {
    case 200: return "OK";
    case 303: return "See Other";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 429: return "Too Many Requests";
    default: return status >= 500 ? "Internal Server Error" : "OK";
    }
}

void respond(const request_handle& req, const Response& r) {
    auto out = req->create_response(
        restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(r.status)}, reason(r.status)});
    out.append_header(restinio::http_field::content_type, r.content_type);
    for (const auto& [name, value] : r.headers) out.append_header(name, value);
    out.set_body(r.body);
    out.done();
}

// The request log: method, the route's pattern (never the raw path or query, which may name a child or a
// person), status and time taken. No cookies, no addresses, no form values.
void log_request(const std::string& method, const std::string& pattern, int status,
                 std::chrono::steady_clock::time_point started) {
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    spdlog::info("{} {} {} {:.1f}ms", method, pattern, status, ms);
}

}  // namespace

int serve(const settings::Settings& settings, const std::string& database, const std::string& listen) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) throw std::invalid_argument("--listen is host:port, like 127.0.0.1:8080");
    std::string host = listen.substr(0, colon);
    auto port = static_cast<std::uint16_t>(std::stoi(listen.substr(colon + 1)));

    App app(settings, database);
    {
        auto db = store::Database::open(database);   // migrations run here, once, before any worker
        board::seed_pledge(*db, settings.data_dir);
        offer::seed_catalogue(*db, settings.data_dir);
    }
    WorkerPool pool(database, settings.server.workers);
    // Expired sessions and old failures are tidied at start; each server does it, harmlessly.
    pool.post([&](store::Database& db) { accounts::tidy(db, now_seconds(), settings.server.sessions); });

    restinio::asio_ns::io_context io;
    auto handler = [&](request_handle req) {
        auto started = std::chrono::steady_clock::now();
        Request request = to_request(*req);
        if (auto quick = app.handle_without_store(request)) {
            respond(req, *quick);
            return restinio::request_accepted();
        }
        pool.post([&app, req, request = std::move(request), started](store::Database& db) {
            Response response = app.handle(request, db, now_seconds());
            respond(req, response);
            log_request(request.method, app.route_pattern(request), response.status, started);
        });
        return restinio::request_accepted();
    };
    restinio::http_server_t<traits_t> server{
        restinio::external_io_context(io),
        restinio::server_settings_t<traits_t>{}
            .address(host)
            .port(port)
            .request_handler(handler)
            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(kMaxUpload))
            .read_next_http_message_timelimit(std::chrono::minutes(5))
            .handle_request_timeout(std::chrono::seconds(60))};

    // Our own signal handling: stop accepting, finish what is in hand, then leave.
    restinio::asio_ns::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const auto& error, int signal) {
        if (error) return;
        spdlog::info("signal {}: stopping", signal);
        server.close_async([&] { io.stop(); }, [&](std::exception_ptr) { io.stop(); });
    });
    bool failed = false;
    server.open_async([&] { spdlog::info("corparent serving on http://{}", listen); },
                      [&](std::exception_ptr e) {
                          failed = true;
                          try {
                              std::rethrow_exception(e);
                          } catch (const std::exception& ex) {
                              spdlog::error("cannot listen on {}: {}", listen, ex.what());
                          }
                          io.stop();
                      });
    std::thread second_io([&] { io.run(); });
    io.run();
    second_io.join();
    pool.stop();
    spdlog::info("stopped");
    return failed ? 1 : 0;
}

}  // namespace corparent::web
