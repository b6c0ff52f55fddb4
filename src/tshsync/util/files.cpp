#include <tshsync/util/files.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tshsync::util {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

void write_all(int fd, std::string_view content, const std::filesystem::path& path) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", path);
    }
    content.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content, unsigned mode) {
  std::string tmp_template = path.string() + ".tmp.XXXXXX";
  const int fd = ::mkstemp(tmp_template.data());
  if (fd < 0) fail("cannot create a temporary file beside", path);
  try {
    write_all(fd, content, path);
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) fail("cannot set the mode of", path);
    if (::fsync(fd) != 0) fail("cannot sync", path);
  } catch (...) {
    ::close(fd);
    ::unlink(tmp_template.c_str());
    throw;
  }
  ::close(fd);
  if (::rename(tmp_template.c_str(), path.c_str()) != 0) {
    ::unlink(tmp_template.c_str());
    fail("cannot replace", path);
  }
}

void append_line(const std::filesystem::path& path, std::string_view line) {
  constexpr off_t kMaxAppendTarget = off_t{1} << 30;
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0640);
  if (fd < 0) fail("cannot open", path);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > kMaxAppendTarget) {
    ::close(fd);
    throw std::runtime_error("refusing to append to " + path.string() +
                             (S_ISREG(st.st_mode) ? ": it is larger than 1 GiB; rotate it" : ": not a regular file"));
  }
  std::string buffer(line);
  buffer.push_back('\n');
  try {
    write_all(fd, buffer, path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read", path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string read_regular_file(const std::filesystem::path& path, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) fail("cannot read", path);
  struct stat st {};
  std::string problem;
  if (::fstat(fd, &st) != 0) {
    problem = std::strerror(errno);
  } else if (S_ISDIR(st.st_mode)) {
    problem = "it is a directory";
  } else if (!S_ISREG(st.st_mode)) {
    problem = "not a regular file";
  } else if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    problem = "larger than " + std::to_string(max_bytes) + " bytes";
  }
  std::string content;
  while (problem.empty()) {
    char chunk[65536];
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) problem = std::strerror(errno);
    if (n <= 0) break;
    content.append(chunk, static_cast<std::size_t>(n));
    if (content.size() > max_bytes) problem = "larger than " + std::to_string(max_bytes) + " bytes";
  }
  ::close(fd);
  if (!problem.empty()) throw std::runtime_error("cannot read " + path.string() + ": " + problem);
  return content;
}

}  // namespace tshsync::util
