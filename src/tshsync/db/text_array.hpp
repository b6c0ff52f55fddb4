#pragma once

#include <string>
#include <vector>

namespace tshsync::db {

// A PostgreSQL text[] literal ('{"a","b"}') for passing a list as one parameter.
std::string text_array_literal(const std::vector<std::string>& values);

}  // namespace tshsync::db
