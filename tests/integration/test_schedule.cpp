// crontab.example and the systemd timers (packaging/systemd) hold the same
// schedule, and no lock group (a command: full and incremental runs share its
// advisory lock) starts twice in one minute, where the second run would be
// skipped (exit 75) and, for a nightly full pull, lost for the day.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

namespace {

using Minutes = std::set<int>;  // minutes of the day, 0..1439

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, sep);) parts.push_back(part);
  return parts;
}

// One field of a schedule: a comma list of `*`, `N`, `N-M` (cron) or `N..M`
// (systemd), each optionally `/STEP`. Throws on anything else.
std::set<int> expand_field(const std::string& field, int max) {
  std::set<int> values;
  static const std::regex item(R"((\*|(\d+)(?:(?:-|\.\.)(\d+))?)(?:/(\d+))?)");
  for (const auto& part : split(field, ',')) {
    std::smatch m;
    if (!std::regex_match(part, m, item)) throw std::runtime_error("unsupported schedule field '" + field + "'");
    int first = 0, last = max;
    if (m[2].matched) {
      first = std::stoi(m[2]);
      // "N/STEP" means from N to the end, as in cron's "N-max/STEP" and systemd's "N/STEP".
      last = m[3].matched ? std::stoi(m[3]) : (m[4].matched ? max : first);
    }
    const int step = m[4].matched ? std::stoi(m[4]) : 1;
    if (first < 0 || last > max || step < 1) throw std::runtime_error("out of range: '" + field + "'");
    for (int v = first; v <= last; v += step) values.insert(v);
  }
  return values;
}

Minutes minutes_of(const std::string& hours, const std::string& minutes) {
  Minutes out;
  for (int h : expand_field(hours, 23))
    for (int m : expand_field(minutes, 59)) out.insert(h * 60 + m);
  return out;
}

// What a line runs: "pull-products --full" (without -q and redirections).
std::string job_of(const std::string& command_line) {
  // An option's value is a whole word: "2>&1" after it is not one.
  static const std::regex run(R"(tshsync (?:-q )?([a-z][a-z-]*(?: --?[a-z-]+(?: [0-9a-z]+(?=\s|$))?)*))");
  std::smatch m;
  if (!std::regex_search(command_line, m, run)) return "";
  return m[1];
}

std::string lock_group(const std::string& job) { return job.substr(0, job.find(' ')); }

// A systemd time span as used here: "90", "90s", "2min".
int seconds_of(const std::string& span) {
  static const std::regex form(R"((\d+)(s|min)?)");
  std::smatch m;
  if (!std::regex_match(span, m, form)) throw std::runtime_error("unsupported time span '" + span + "'");
  return std::stoi(m[1]) * (m[2] == "min" ? 60 : 1);
}

struct Timer {
  Minutes starts;
  int spread_seconds = 0;  // RandomizedDelaySec + AccuracySec: how late a start may be
};

std::map<std::string, Minutes> cron_schedule() {
  std::map<std::string, Minutes> jobs;
  std::istringstream lines(read_text(source_path("crontab.example")));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream fields(line);
    std::string minute, hour, dom, month, dow;
    fields >> minute >> hour >> dom >> month >> dow;
    if (minute.find('=') != std::string::npos) continue;  // MAILTO=..., PATH=...
    CAPTURE(line);
    REQUIRE_MESSAGE((dom == "*" && month == "*" && dow == "*"), "only daily schedules are compared");
    std::string rest;
    std::getline(fields, rest);
    // Each run of the line ("a; b" too) is taken to start at the line's minutes.
    int runs = 0;
    for (const auto& command : split(rest, ';')) {
      const std::string job = job_of(command);
      if (job.empty()) continue;
      ++runs;
      REQUIRE_MESSAGE(jobs.count(job) == 0, "crontab.example schedules ", job, " twice");
      jobs[job] = minutes_of(hour, minute);
    }
    REQUIRE(runs > 0);
  }
  return jobs;
}

// key=value lines of a unit file; repeated keys keep the last value.
std::map<std::string, std::string> unit_settings(const std::filesystem::path& path) {
  std::map<std::string, std::string> settings;
  std::istringstream lines(read_text(path.string()));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.front() == '#' || line.front() == '[') continue;
    const auto eq = line.find('=');
    if (eq != std::string::npos) settings[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return settings;
}

// "*-*-* HH:MM:00" with systemd's field syntax in HH and MM.
Minutes calendar_minutes(const std::string& spec) {
  static const std::regex daily(R"(\*-\*-\* ([0-9*,./]+):([0-9*,./]+):00)");
  std::smatch m;
  if (!std::regex_match(spec, m, daily)) throw std::runtime_error("unsupported OnCalendar=" + spec);
  return minutes_of(m[1], m[2]);
}

std::map<std::string, Timer> timer_schedule() {
  std::map<std::string, Timer> jobs;
  const std::filesystem::path dir = source_path("packaging/systemd");
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".timer") continue;
    CAPTURE(entry.path().filename().string());
    auto timer = unit_settings(entry.path());
    auto service_path = entry.path();
    service_path.replace_extension(".service");
    REQUIRE(std::filesystem::exists(service_path));
    auto service = unit_settings(service_path);

    CHECK(timer["Persistent"] == "true");
    REQUIRE(timer.count("RandomizedDelaySec") == 1);
    CHECK(service["ConditionPathExists"] == "/etc/tshsync/tshsync.toml");
    CHECK(service["OnFailure"] == "tshsync-failure@%n.service");
    CHECK(service["User"] == "tshsync");
    CHECK(service["Type"] == "oneshot");
    CHECK(service["SuccessExitStatus"] == "75");  // a lock skip is not a failure

    const std::string job = job_of(service["ExecStart"]);
    REQUIRE_MESSAGE(!job.empty(), "ExecStart=", service["ExecStart"]);
    REQUIRE_MESSAGE(jobs.count(job) == 0, "two timers run ", job);
    Timer t;
    t.starts = calendar_minutes(timer["OnCalendar"]);
    const int accuracy = timer.count("AccuracySec") ? seconds_of(timer["AccuracySec"]) : 60;  // systemd's default
    t.spread_seconds = seconds_of(timer["RandomizedDelaySec"]) + accuracy;
    jobs[job] = t;
  }
  return jobs;
}

// The minutes in which a run may start: each scheduled minute, and the ones
// its random delay and timer accuracy may push it into.
Minutes start_window(const Minutes& starts, int spread_seconds) {
  Minutes out;
  for (int m : starts)
    for (int late = 0; late <= spread_seconds / 60; ++late) out.insert((m + late) % 1440);
  return out;
}

// Pairs of jobs of one lock group whose start minutes meet: "a / b at H:M; ...".
std::string lock_group_collisions(const std::map<std::string, Minutes>& windows) {
  std::string collisions;
  for (auto a = windows.begin(); a != windows.end(); ++a)
    for (auto b = std::next(a); b != windows.end(); ++b) {
      if (lock_group(a->first) != lock_group(b->first)) continue;
      for (int m : a->second)
        if (b->second.count(m)) {
          collisions +=
              a->first + " / " + b->first + " at " + std::to_string(m / 60) + ":" + std::to_string(m % 60) + "; ";
          break;
        }
    }
  return collisions;
}

}  // namespace

TEST_SUITE("schedule") {
  TEST_CASE("schedule fields expand like cron and systemd do") {
    CHECK(expand_field("*/15", 59) == std::set<int>{0, 15, 30, 45});
    CHECK(expand_field("5-59/15", 59) == std::set<int>{5, 20, 35, 50});
    CHECK(expand_field("05/15", 59) == std::set<int>{5, 20, 35, 50});
    CHECK(expand_field("1..3,7", 59) == std::set<int>{1, 2, 3, 7});
    CHECK_THROWS(expand_field("mon", 59));
    CHECK(lock_group_collisions({{"pull-products", {150}}, {"pull-products --full", {150}}}) ==
          "pull-products / pull-products --full at 2:30; ");
    CHECK(lock_group_collisions({{"pull-products", {150}}, {"pull-stock", {150}}}).empty());
    CHECK(start_window({1439}, 61) == Minutes{1439, 0});
    CHECK(seconds_of("2min") == 120);
  }

  TEST_CASE("crontab.example and the systemd timers run the same commands at the same minutes") {
    const auto cron = cron_schedule();
    const auto timers = timer_schedule();
    CHECK(cron.size() >= 10);
    std::string cron_jobs, timer_jobs;  // sorted by the maps, joined for a readable failure
    for (const auto& [job, _] : cron) cron_jobs += job + "; ";
    for (const auto& [job, _] : timers) timer_jobs += job + "; ";
    CHECK(cron_jobs == timer_jobs);
    for (const auto& [job, minutes] : cron) {
      const std::string& cron_job = job;  // CAPTURE's lambda cannot capture a structured binding in C++17
      CAPTURE(cron_job);
      if (timers.count(job)) CHECK(timers.at(job).starts == minutes);
    }
  }

  TEST_CASE("no lock group starts twice in one minute, in cron or under the timers' random delays") {
    CHECK(lock_group_collisions(cron_schedule()) == "");
    std::map<std::string, Minutes> windows;
    for (const auto& [job, timer] : timer_schedule()) windows[job] = start_window(timer.starts, timer.spread_seconds);
    CHECK(lock_group_collisions(windows) == "");
  }
}
