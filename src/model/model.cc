#include "strata/model.h"

namespace strata {

ChangeSet::ChangeSet() = default;
ChangeSet::ChangeSet(const ChangeSet&) = default;
ChangeSet::ChangeSet(ChangeSet&&) noexcept = default;
ChangeSet& ChangeSet::operator=(const ChangeSet&) = default;
ChangeSet& ChangeSet::operator=(ChangeSet&&) noexcept = default;
ChangeSet::~ChangeSet() = default;

std::string SourceLocation::ToString() const {
  std::string out = file ? *file : std::string();
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  return out;
}

std::string AddLookupTable::FinalConstraintName() const {
  if (constraint_name && !constraint_name->empty()) return *constraint_name;
  std::string name = "FK_" + existing_table_name.value_or("") + "_" +
                     new_table_name.value_or("");
  for (char& c : name)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return name;
}

std::string_view SqlVisitor::Name() const {
  switch (kind) {
    case Kind::kAppend:
      return "append";
    case Kind::kPrepend:
      return "prepend";
    case Kind::kReplace:
      return "replace";
    case Kind::kRegExpReplace:
      return "regExpReplace";
  }
  return "append";
}

std::string_view ChangeName(const Change& change) {
  return std::visit([](const auto& c) { return std::decay_t<decltype(c)>::kName; },
                    change);
}

const SourceLocation& ChangeLocation(const Change& change) {
  return std::visit([](const auto& c) -> const SourceLocation& { return c.loc; },
                    change);
}

}  // namespace strata
