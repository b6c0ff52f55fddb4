// Who may read the config file: the package installs it root:tshsync 0640 in
// /etc/tshsync (root:tshsync 0750) and runs tshsync as user tshsync.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <tshsync/core/config.hpp>
#include <tshsync/core/config_file_access.hpp>
#include <tshsync/core/error.hpp>

using namespace tshsync::core;

namespace {

constexpr uid_t kNobody = 65534;  // Debian's nobody:nogroup

struct ScratchDir {
  std::string path;
  ScratchDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "tshsync-cfg-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~ScratchDir() {
    ::chmod(path.c_str(), 0700);
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text, mode_t mode) const {
    std::string file = path + "/" + name;
    std::ofstream(file) << text;
    ::chmod(file.c_str(), mode);
    return file;
  }
};

// The message load_config throws, or "" when it succeeds.
std::string load_error(const std::string& path) {
  try {
    load_config(ConfigSources{path, std::nullopt});
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// Runs `fn` as a user who is neither the file's owner nor in its group: as
// root, in a child process that became nobody; otherwise in this process.
std::string as_another_user(const std::function<std::string()>& fn) {
  if (::geteuid() != 0) return fn();
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) ::_exit(3);
    const std::string message = fn();
    const bool written = ::write(fds[1], message.data(), message.size()) == static_cast<ssize_t>(message.size());
    ::_exit(written ? 0 : 4);
  }
  ::close(fds[1]);
  std::string message;
  char buffer[512];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) message.append(buffer, static_cast<size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE_MESSAGE((WIFEXITED(status) && WEXITSTATUS(status) == 0), "child failed: ", status);
  return message;
}

}  // namespace

TEST_SUITE("core") {
  TEST_CASE("a config file behind a directory the user may not enter says permission, not missing") {
    ScratchDir dir;
    const std::string file = dir.write("tshsync.toml", "[sync]\ndefault_currency = \"IQD\"\n", 0644);
    // As root the directory stays 0700 root-owned and nobody is denied; as
    // another user the owner takes its own x bit away.
    if (::geteuid() != 0) ::chmod(dir.path.c_str(), 0);
    const std::string message = as_another_user([&] { return load_error(file); });
    CHECK(message.find("permission denied") != std::string::npos);
    CHECK(message.find("does not exist") == std::string::npos);
    CHECK(message.find(file) != std::string::npos);
  }

  TEST_CASE("a config file the user may not read says permission") {
    ScratchDir dir;
    ::chmod(dir.path.c_str(), 0755);
    const std::string file = dir.write("tshsync.toml", "[sync]\ndefault_currency = \"IQD\"\n", 0);
    if (::geteuid() == 0) ::chmod(file.c_str(), 0600);  // root-owned 0600: nobody may not read it
    const std::string message = as_another_user([&] { return load_error(file); });
    CHECK(message.find("Permission denied") != std::string::npos);
    CHECK(message.find("does not exist") == std::string::npos);
  }

  TEST_CASE("a missing explicit config file still says it does not exist") {
    ScratchDir dir;
    CHECK(!config_file_present(dir.path + "/nope.toml"));
    CHECK(load_error(dir.path + "/nope.toml").find("does not exist") != std::string::npos);
  }

  TEST_CASE("secrets: owner-only and the running user's own group are accepted, others are refused") {
    ScratchDir dir;
    const std::string secret = "[zoho]\nclient_secret = \"zz-unit-secret\"\n";
    SUBCASE("0600") { CHECK(load_error(dir.write("a.toml", secret, 0600)) == ""); }
    SUBCASE("0640 in the running user's group (root:tshsync read by tshsync)") {
      const std::string file = dir.write("b.toml", secret, 0640);
      REQUIRE(::chown(file.c_str(), static_cast<uid_t>(-1), ::getegid()) == 0);
      CHECK(load_error(file) == "");
    }
    SUBCASE("0644: others can read it") {
      const std::string message = load_error(dir.write("c.toml", secret, 0644));
      CHECK(message.find("others can read it") != std::string::npos);
      CHECK(message.find("chmod 600") != std::string::npos);
      CHECK(message.find("zz-unit-secret") == std::string::npos);
    }
    SUBCASE("0604: others can read it even when the group cannot") {
      CHECK(load_error(dir.write("d.toml", secret, 0604)).find("others can read it") != std::string::npos);
    }
    SUBCASE("0640 in a group the running user is not in") {
      const std::string file = dir.write("e.toml", secret, 0640);
      if (::geteuid() != 0) {
        MESSAGE("not root: cannot give a file to a foreign group; the case runs in CI (root)");
        return;
      }
      REQUIRE(::chown(file.c_str(), 0, kNobody) == 0);
      const std::string message = load_error(file);
      CHECK(message.find("group nogroup") != std::string::npos);
      CHECK(message.find("chmod 600") != std::string::npos);
    }
  }
}
