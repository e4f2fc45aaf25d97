// Changelog properties and `${name}` expansion (Liquibase ChangeLogParameters).
//
// First definition wins: process environment variables, then command-line
// -D properties, then the defaults file's `parameter.*` entries, then
// built-ins (database.typeName), then changelog `property` entries in load
// order. Liquibase 4.28 puts the environment first: `FOO=env liquibase
// update -DFOO=cli` expands ${FOO} to "env" (checked against the real tool). Local (global: false) properties are
// visible only in the file that defines them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "strata/load.h"

namespace strata::load {

class PropertyStore {
 public:
  explicit PropertyStore(const LoadOptions& options);

  // Records a changelog property of file `file_id`; ignored when the name is
  // already defined (and, for a local property, already defined locally).
  void Define(const std::string& name, const std::string& value, bool global,
              int file_id);

  // Expands every `${name}` in `text` (nested `${a${b}}` included; values
  // are expanded too). Undefined names follow options.missing_property;
  // under kError each is reported at `loc` into `errors`. Bounded: a result
  // over 16 MiB, or over 2^12 references followed, is an error at `loc`
  // (properties that double each other level by level).
  std::string Expand(std::string_view text, int file_id,
                     const SourceLocation& loc,
                     std::vector<Diagnostic>& errors) const;

  // The value `name` has as seen from file `file_id`; nullopt when undefined.
  std::optional<std::string> Value(const std::string& name, int file_id) const {
    const std::string* v = Lookup(name, file_id);
    return v ? std::optional<std::string>(*v) : std::nullopt;
  }

  static bool NeedsExpansion(std::string_view text) {
    return text.find("${") != std::string_view::npos;
  }

 private:
  struct Def {
    std::string value;
    size_t seq;
  };
  const std::string* Lookup(const std::string& name, int file_id) const;
  void ExpandInto(std::string_view text, int file_id, const SourceLocation& loc,
                  std::vector<Diagnostic>& errors, int depth,
                  std::string& out, size_t& references) const;

  const LoadOptions& options_;
  std::unordered_map<std::string, std::string> builtins_;
  std::unordered_map<std::string, Def> global_;
  std::unordered_map<std::string, Def> local_;  // key: file_id + '\0' + name
  size_t seq_ = 0;
  mutable std::string env_value_;
};

// Parses Java .properties text (key=value, key:value or key value; '#' and
// '!' comments; backslash line continuation and escapes), in file order.
std::vector<std::pair<std::string, std::string>> ParseJavaProperties(
    std::string_view text);

}  // namespace strata::load
