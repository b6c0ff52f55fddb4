// The man page, README and crontab.example must keep up with --help.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

namespace {

std::vector<std::string> subcommands() {
  const auto help = run_tshsync_raw({"--help"});
  std::vector<std::string> names;
  const auto start = help.out.find("Subcommands:");
  REQUIRE(start != std::string::npos);
  static const std::regex line(R"(\n  ([a-z][a-z-]+) )");
  const std::string tail = help.out.substr(start);
  for (std::sregex_iterator it(tail.begin(), tail.end(), line), end; it != end; ++it) names.push_back((*it)[1]);
  return names;
}

std::set<std::string> long_options(const std::string& help) {
  std::set<std::string> out;
  static const std::regex option(R"(--[a-z][a-z-]+)");
  for (std::sregex_iterator it(help.begin(), help.end(), option), end; it != end; ++it) out.insert((*it)[0]);
  return out;
}

std::string man_text() {
  std::string text = read_text(source_path("man/tshsync.1"));
  std::string plain;
  for (char c : text)
    if (c != '\\') plain += c;
  return plain;
}

// The man page's text for one command: from its .SS line to the next.
std::string man_section(const std::string& man, const std::string& command) {
  const auto start = man.find(".SS " + command);
  if (start == std::string::npos) return "";
  const auto end = man.find(".SS ", start + 4);
  const auto end2 = man.find(".SH ", start + 4);
  return man.substr(start, std::min(end, end2) - start);
}

}  // namespace

TEST_SUITE("docs") {
  TEST_CASE("every command and each of its options is in the man page and the README") {
    const std::string man = man_text();
    const std::string readme = read_text(source_path("README.md"));
    const auto commands = subcommands();
    CHECK(commands.size() >= 10);
    for (const auto& command : commands) {
      CAPTURE(command);
      const std::string section = man_section(man, command);
      CHECK_MESSAGE(!section.empty(), "man page has no .SS section for ", command);
      CHECK_MESSAGE(readme.find("`" + command + "`") != std::string::npos, "README does not mention ", command);
      const auto help = run_tshsync_raw({command, "--help"});
      for (const auto& option : long_options(help.out)) {
        if (option == "--help" || option == "--config" || option == "--dsn" || option == "--quiet" ||
            option == "--verbose" || option == "--version")
          continue;
        CHECK_MESSAGE(section.find(option) != std::string::npos, "man page section of ", command, " lacks ", option);
      }
    }
  }

  TEST_CASE("crontab.example only runs commands that exist, with options they accept") {
    const std::string crontab = read_text(source_path("crontab.example"));
    const auto commands = subcommands();
    static const std::regex run(R"(tshsync (-q )?([a-z-]+)((?: --?[a-z-]+(?: [0-9a-z]+)?)*))");
    int runs = 0;
    std::istringstream lines(crontab);
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line.front() == '#') continue;  // comments talk about tshsync, they do not run it
      for (std::sregex_iterator it(line.begin(), line.end(), run), end; it != end; ++it) {
        const std::string command = (*it)[2];
        if (command == "migrate") continue;
        ++runs;
        // `tshsync <anything> --help` exits 0, so the name is checked against the list.
        CHECK_MESSAGE(std::find(commands.begin(), commands.end(), command) != commands.end(),
                      "crontab.example runs unknown command ", command);
        const auto help = run_tshsync_raw({command, "--help"});
        for (const auto& option : long_options((*it)[3]))
          CHECK_MESSAGE(help.out.find(option) != std::string::npos, command, " has no option ", option);
      }
    }
    CHECK(runs >= 10);
  }

  TEST_CASE("every count a command reports is in its man page section") {
    const std::string man = man_text();
    static const std::regex count_key(R"re(\.set\("([a-z_]+)")re");
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(source_path("src/tshsync/app"))) {
      const std::string file = entry.path().filename().string();
      const std::string suffix = "_command.cpp";
      if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0)
        continue;
      std::string command = file.substr(0, file.size() - suffix.size());
      std::replace(command.begin(), command.end(), '_', '-');
      const std::string section = man_section(man, command);
      const std::string source = read_text(entry.path().string());
      for (std::sregex_iterator it(source.begin(), source.end(), count_key), end; it != end; ++it) {
        ++checked;
        CHECK_MESSAGE(section.find((*it)[1].str()) != std::string::npos, "man page section of ", command,
                      " lacks the count ", (*it)[1].str());
      }
    }
    CHECK(checked > 50);
    CHECK_MESSAGE(man.find("orphans_failed") != std::string::npos, "the runner's count orphans_failed");
  }
}
