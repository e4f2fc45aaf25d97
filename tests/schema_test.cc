// The editor schemas in schemas/ are generated from the model: this test
// regenerates them and fails when the checked-in copies differ
// (STRATA_UPDATE_GOLDEN=1 rewrites them), and checks that they describe
// what the loader does.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <variant>

#include "load/schemas.h"
#include "strata/model.h"
#include "test_util.h"

namespace strata {
namespace {

std::string SchemaPath(const std::string& name) {
  return std::string(STRATA_SOURCE_DIR) + "/schemas/" + name;
}

bool UpdateGolden() {
  const char* v = std::getenv("STRATA_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

// Compares `generated` with the checked-in file (or rewrites it).
void CheckGolden(const std::string& name, const std::string& generated) {
  std::string path = SchemaPath(name);
  if (UpdateGolden()) {
    std::ofstream(path, std::ios::binary) << generated;
    return;
  }
  std::string checked_in = test::ReadFile(path);
  if (checked_in == generated) return;
  // Point at the first differing line rather than printing the whole file.
  size_t at = 0, line = 1;
  while (at < checked_in.size() && at < generated.size() &&
         checked_in[at] == generated[at]) {
    if (checked_in[at] == '\n') ++line;
    ++at;
  }
  auto line_of = [&](const std::string& s) {
    size_t b = s.rfind('\n', at == 0 ? 0 : at - 1);
    b = b == std::string::npos ? 0 : b + 1;
    size_t e = s.find('\n', at);
    return s.substr(b, e == std::string::npos ? std::string::npos : e - b);
  };
  ADD_FAILURE() << "schemas/" << name << " is out of date at line " << line
                << "\n  checked in: " << line_of(checked_in)
                << "\n  generated:  " << line_of(generated)
                << "\nRegenerate: STRATA_UPDATE_GOLDEN=1 " << "schema_test";
}

TEST(Schema, XsdIsCurrent) {
  CheckGolden("dbchangelog-4.28.xsd", load::GenerateXsd());
}

TEST(Schema, ProXsdIsCurrent) {
  CheckGolden("liquibase-pro-4.28.xsd", load::GenerateProXsd());
}

TEST(Schema, JsonSchemaIsCurrent) {
  CheckGolden("changelog.schema.json", load::GenerateJsonSchema());
}

// Every change type of the model is an element of the XSD (a Pro type of
// the pro XSD, and only there) and a definition of the JSON Schema: adding
// a type to the variant updates them.
TEST(Schema, EveryChangeTypeIsDescribed) {
  std::string xsd = load::GenerateXsd();
  std::string pro_xsd = load::GenerateProXsd();
  std::string json = load::GenerateJsonSchema();
  [&]<size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          using T = std::variant_alternative_t<I, Change>;
          std::string name(T::kName);
          const std::string& own = ProChange<T> ? pro_xsd : xsd;
          const std::string& other = ProChange<T> ? xsd : pro_xsd;
          EXPECT_NE(own.find("<xsd:element name=\"" + name + "\">"), std::string::npos) << name;
          EXPECT_EQ(other.find("<xsd:element name=\"" + name + "\">"), std::string::npos)
              << name;
          if (!ProChange<T>) {
            EXPECT_NE(xsd.find("<xsd:element ref=\"" + name + "\"/>"), std::string::npos)
                << name;
          }
          EXPECT_NE(json.find("\"$ref\": \"#/definitions/" + name + "\""), std::string::npos)
              << name;
          EXPECT_NE(json.find("\n    \"" + name + "\": {"), std::string::npos) << name;
        }(),
        ...);
  }(std::make_index_sequence<std::variant_size_v<Change>>());
}

TEST(Schema, DescribesFieldsAsTheLoaderReadsThem) {
  std::string xsd = load::GenerateXsd();
  // Required attributes, typed booleans and numbers.
  EXPECT_NE(xsd.find("<xsd:attribute name=\"tableName\" type=\"xsd:string\" use=\"required\"/>"),
            std::string::npos);
  EXPECT_NE(xsd.find("<xsd:attribute name=\"id\" type=\"xsd:string\" use=\"required\"/>"),
            std::string::npos);
  EXPECT_NE(xsd.find("<xsd:attribute name=\"runOnChange\" type=\"booleanExp\"/>"),
            std::string::npos);
  EXPECT_NE(xsd.find("<xsd:attribute name=\"valueNumeric\" type=\"numericExp\"/>"),
            std::string::npos);
  // Columns are child elements; addColumn's columns take position
  // attributes, others do not.
  EXPECT_NE(xsd.find("<xsd:element name=\"column\" type=\"columnType\"/>"), std::string::npos);
  EXPECT_NE(xsd.find("<xsd:element name=\"column\" type=\"addColumnColumnType\"/>"),
            std::string::npos);
  size_t column = xsd.find("<xsd:complexType name=\"columnType\"");
  size_t add_column = xsd.find("<xsd:complexType name=\"addColumnColumnType\"");
  ASSERT_NE(column, std::string::npos);
  ASSERT_NE(add_column, std::string::npos);
  std::string column_type = xsd.substr(column, xsd.find("</xsd:complexType>", column) - column);
  std::string add_column_type =
      xsd.substr(add_column, xsd.find("</xsd:complexType>", add_column) - add_column);
  EXPECT_EQ(column_type.find("afterColumn"), std::string::npos);
  EXPECT_NE(add_column_type.find("afterColumn"), std::string::npos);
  // No URL is ever needed: the schema imports nothing.
  EXPECT_EQ(xsd.find("xsd:import"), std::string::npos);

  std::string json = load::GenerateJsonSchema();
  EXPECT_NE(json.find("\"$schema\": \"http://json-schema.org/draft-07/schema#\""),
            std::string::npos);
  EXPECT_NE(json.find("\"required\": [\"tableName\", \"columns\"]"), std::string::npos);
}

}  // namespace
}  // namespace strata
