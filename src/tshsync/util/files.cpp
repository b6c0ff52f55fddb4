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
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) fail("cannot open", path);
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

}  // namespace tshsync::util
