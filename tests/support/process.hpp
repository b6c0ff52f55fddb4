#pragma once

#include <sys/types.h>
#include <map>
#include <string>
#include <vector>

namespace tshsync::test {

struct ProcessResult {
  int exit_code = -1;  // 128+N when killed by signal N
  std::string out;
  std::string err;
};

using Env = std::map<std::string, std::string>;

// Runs argv[0] with the current environment plus `env` (a value of "\x01"
// removes the variable), feeds `input` on stdin, waits at most timeout_s.
ProcessResult run_process(const std::vector<std::string>& argv, const Env& env = {}, const std::string& input = "",
                          int timeout_s = 120);

// A process left running (the stand-in server, a run to be killed).
class BackgroundProcess {
 public:
  BackgroundProcess(const std::vector<std::string>& argv, const Env& env = {}, const std::string& stdout_path = "",
                    const std::string& stderr_path = "");
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  ~BackgroundProcess();

  pid_t pid() const { return pid_; }
  void signal(int sig);
  // Waits for exit; returns the exit code (128+N for signal N), -1 on timeout.
  int wait(int timeout_s = 60);
  bool running();

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = -1;
};

}  // namespace tshsync::test
