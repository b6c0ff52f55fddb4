#include <doctest/doctest.h>

#include <string>

#include <tshsync/util/one_line.hpp>
#include <tshsync/util/redact.hpp>

using tshsync::util::first_line;
using tshsync::util::one_line;
using tshsync::util::redacted_first_line;

TEST_SUITE_BEGIN("util");

TEST_CASE("one_line turns newlines, carriage returns and tabs into spaces") {
  CHECK(one_line("a\nb\r\nc\td") == "a b  c d");
  CHECK(one_line("plain") == "plain");
}

TEST_CASE("first_line keeps the text before the first newline, without trailing blanks") {
  CHECK(first_line("ERROR:  duplicate key  \r\nDETAIL: x") == "ERROR:  duplicate key");
  CHECK(first_line("one line") == "one line");
  CHECK(first_line("\nsecond") == "");
}

TEST_CASE("redacted_first_line hides registered secrets") {
  tshsync::util::register_secret("s3cr3t-one-line-test");
  CHECK(redacted_first_line("password s3cr3t-one-line-test refused\nmore") ==
        tshsync::util::redact("password s3cr3t-one-line-test refused"));
  CHECK(redacted_first_line("password s3cr3t-one-line-test refused").find("s3cr3t") == std::string::npos);
}

TEST_SUITE_END();
