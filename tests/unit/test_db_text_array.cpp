#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <tshsync/db/text_array.hpp>

using tshsync::db::text_array_literal;

TEST_SUITE_BEGIN("db");

TEST_CASE("text_array_literal quotes every element") {
  CHECK(text_array_literal({}) == "{}");
  CHECK(text_array_literal({"a"}) == "{\"a\"}");
  CHECK(text_array_literal({"4815000001000001", "TSH 2"}) == "{\"4815000001000001\",\"TSH 2\"}");
  // An empty element stays an element; NULL, commas and braces are only text inside quotes.
  CHECK(text_array_literal({""}) == "{\"\"}");
  CHECK(text_array_literal({"NULL", "a,b", "{x}"}) == "{\"NULL\",\"a,b\",\"{x}\"}");
}

TEST_CASE("text_array_literal escapes quotes and backslashes") {
  CHECK(text_array_literal({"say \"hi\""}) == "{\"say \\\"hi\\\"\"}");
  CHECK(text_array_literal({"C:\\path"}) == "{\"C:\\\\path\"}");
}

TEST_SUITE_END();
