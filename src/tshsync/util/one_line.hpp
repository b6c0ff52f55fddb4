#pragma once

#include <string>

namespace tshsync::util {

// The text on one line: newlines, carriage returns and tabs become spaces.
std::string one_line(std::string text);

// The text up to its first newline, without trailing spaces or '\r'.
std::string first_line(std::string text);

// first_line with the registered secrets hidden: for an error's text in a message.
std::string redacted_first_line(std::string text);

}  // namespace tshsync::util
