#include <doctest/doctest.h>

#include <set>

#include <tshsync/checks/text_table.hpp>
#include <tshsync/checks/validation_rules.hpp>

using namespace tshsync::checks;

TEST_SUITE("checks validation rules") {
  TEST_CASE("rules have unique names, a known severity and one sample parameter") {
    std::set<std::string> names;
    for (const auto& r : validation_rules()) {
      CHECK(names.insert(r.name).second);
      CHECK(std::set<std::string>{"error", "warning", "info"}.count(r.severity) == 1);
      CHECK(r.sql.find("$1") != std::string::npos);
      CHECK(r.sql.find("$2") == std::string::npos);
    }
    CHECK(find_rule("products_without_prices")->severity == "error");
    CHECK(find_rule("products_without_images")->severity == "warning");
    CHECK(find_rule("nope") == nullptr);
    CHECK(rule_names().find("duplicate_skus") != std::string::npos);
  }

  TEST_CASE("status: pass, fail for errors, warn otherwise") {
    CHECK(rule_status("error", 0) == "pass");
    CHECK(rule_status("error", 104) == "fail");
    CHECK(rule_status("warning", 71) == "warn");
    CHECK(rule_status("info", 3) == "warn");
  }

  TEST_CASE("tables align columns and leave no trailing blanks") {
    const auto text = format_table({"RULE", "COUNT", "NOTE"}, {{"a", "104", ""}, {"longer", "7", "x"}}, {1});
    CHECK(text ==
          "RULE    COUNT  NOTE\n"
          "a         104\n"
          "longer      7  x\n");
  }
}
