// Liquibase's JSON snapshot format, as `liquibase snapshot
// --snapshot-format=json` writes it: objects grouped by class
// ("liquibase.structure.core.Table", ...), each with a snapshotId; objects
// refer to each other as "<class>#<snapshotId>", and typed scalars carry a
// "!{java.class}" suffix ("6!{java.lang.Integer}").
#include "strata/snapshot.h"

// yaml-cpp 0.7's headers trip GCC 12's -Wdangling-pointer false positive.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#include <yaml-cpp/yaml.h>
#pragma GCC diagnostic pop

#include <fstream>
#include <map>
#include <sstream>

namespace strata {

namespace {

constexpr std::string_view kCore = "liquibase.structure.core.";

// "6!{java.lang.Integer}" -> "6"
std::string Plain(const YAML::Node& n) {
  if (!n || !n.IsScalar()) return "";
  std::string s = n.as<std::string>();
  size_t mark = s.rfind("!{");
  if (mark != std::string::npos && !s.empty() && s.back() == '}') s.resize(mark);
  return s;
}

// "liquibase.structure.core.Column#ee00104" -> "ee00104"
std::string RefId(const std::string& ref) {
  size_t hash = ref.rfind('#');
  return hash == std::string::npos ? std::string() : ref.substr(hash + 1);
}

class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  Result<DatabaseSnapshot> Read(const YAML::Node& root) {
    YAML::Node snap = root["snapshot"];
    if (!snap || !snap.IsMap() || !snap["objects"] || !snap["objects"].IsMap())
      return Error("not a Liquibase JSON snapshot (no snapshot.objects)");
    DatabaseSnapshot out;
    if (YAML::Node db = snap["database"]; db && db.IsMap()) out.database = Plain(db["shortName"]);
    YAML::Node objects = snap["objects"];
    // Index every object by snapshotId, by kind.
    for (const auto& group : objects) {
      if (!group.second.IsSequence()) continue;
      for (const YAML::Node& wrapped : group.second) {
        if (!wrapped.IsMap() || wrapped.size() != 1) continue;
        auto it = wrapped.begin();
        std::string kind = it->first.as<std::string>();
        YAML::Node body = it->second;
        std::string id = Plain(body["snapshotId"]);
        if (!id.empty()) by_id_[id] = {kind, body};
      }
    }
    YAML::Node tables = objects[std::string(kCore) + "Table"];
    if (tables && tables.IsSequence()) {
      for (const YAML::Node& wrapped : tables) {
        YAML::Node t = wrapped["table"];
        if (!t) continue;
        Result<SnapshotTable> table = ReadTable(t);
        if (!table.ok()) return table.status();
        out.tables.push_back(std::move(*table));
      }
    }
    YAML::Node fks = objects[std::string(kCore) + "ForeignKey"];
    if (fks && fks.IsSequence()) {
      for (const YAML::Node& wrapped : fks) {
        YAML::Node fk = wrapped["foreignKey"];
        if (!fk) continue;
        Status s = ReadForeignKey(fk, &out);
        if (!s.ok()) return s;
      }
    }
    return out;
  }

 private:
  struct Object {
    std::string kind;
    YAML::Node body;
  };

  Status Error(const std::string& why) const {
    return Status::InvalidInput("snapshot " + path_ + ": " + why);
  }

  const Object* Find(const YAML::Node& ref) const {
    if (!ref || !ref.IsScalar()) return nullptr;
    auto it = by_id_.find(RefId(ref.as<std::string>()));
    return it == by_id_.end() ? nullptr : &it->second;
  }

  // A column reference: "<class>#id", or an inline {"column": {"name": ...}}.
  std::string ColumnName(const YAML::Node& ref) const {
    if (ref.IsMap() && ref["column"]) return Plain(ref["column"]["name"]);
    const Object* o = Find(ref);
    return o ? Plain(o->body["name"]) : std::string();
  }

  std::optional<std::string> SchemaName(const YAML::Node& ref) const {
    const Object* o = Find(ref);
    if (!o) return std::nullopt;
    std::string name = Plain(o->body["name"]);
    if (name.empty()) return std::nullopt;
    return name;
  }

  static std::string TypeText(const YAML::Node& type) {
    std::string name = Plain(type["typeName"]);
    std::string size = Plain(type["columnSize"]);
    std::string digits = Plain(type["decimalDigits"]);
    if (!size.empty()) {
      name += "(" + size;
      if (!digits.empty() && digits != "0") name += ", " + digits;
      name += ")";
    }
    return name;
  }

  Result<SnapshotTable> ReadTable(const YAML::Node& t) const {
    SnapshotTable table;
    table.name = Plain(t["name"]);
    if (table.name.empty()) return Error("a table has no name");
    table.schema = SchemaName(t["schema"]);
    if (YAML::Node cols = t["columns"]; cols && cols.IsSequence()) {
      for (const YAML::Node& ref : cols) {
        const Object* o = Find(ref);
        if (!o) return Error("table " + table.name + " names a column that is not in the file");
        const YAML::Node& c = o->body;
        SnapshotColumn col;
        col.name = Plain(c["name"]);
        if (YAML::Node type = c["type"]; type && type.IsMap()) {
          col.type = TypeText(type);
          std::string id = Plain(type["dataTypeId"]);
          col.jdbc_type = id.empty() ? 0 : std::atoi(id.c_str());
        }
        if (YAML::Node n = c["nullable"]; n && n.IsScalar()) col.nullable = Plain(n) != "false";
        if (YAML::Node d = c["defaultValue"]; d && d.IsScalar()) {
          std::string raw = d.as<std::string>();
          col.default_is_function = raw.find("!{liquibase.statement.DatabaseFunction}") != std::string::npos;
          col.default_value = Plain(d);
        }
        table.columns.push_back(std::move(col));
      }
    }
    if (const Object* pk = Find(t["primaryKey"])) {
      table.primary_key_name = Plain(pk->body["name"]);
      if (YAML::Node cols = pk->body["columns"]; cols && cols.IsSequence())
        for (const YAML::Node& ref : cols) table.primary_key.push_back(ColumnName(ref));
    }
    return table;
  }

  Status ReadForeignKey(const YAML::Node& fk, DatabaseSnapshot* out) const {
    SnapshotForeignKey key;
    key.name = Plain(fk["name"]);
    const Object* base = Find(fk["foreignKeyTable"]);
    const Object* ref = Find(fk["primaryKeyTable"]);
    if (!base || !ref) return Error("foreign key " + key.name + " names a table that is not in the file");
    for (const YAML::Node& c : fk["foreignKeyColumns"]) key.columns.push_back(ColumnName(c));
    for (const YAML::Node& c : fk["primaryKeyColumns"]) key.referenced_columns.push_back(ColumnName(c));
    key.referenced_table = Plain(ref->body["name"]);
    key.referenced_schema = SchemaName(ref->body["schema"]);
    std::string base_name = Plain(base->body["name"]);
    std::optional<std::string> base_schema = SchemaName(base->body["schema"]);
    for (SnapshotTable& t : out->tables) {
      if (t.name == base_name && t.schema == base_schema) {
        t.foreign_keys.push_back(std::move(key));
        return Status::Ok();
      }
    }
    return Error("foreign key " + key.name + " belongs to a table that is not in the file");
  }

  std::string path_;
  std::map<std::string, Object> by_id_;
};

}  // namespace

Result<DatabaseSnapshot> LoadSnapshotText(const std::string& text, const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return Status::InvalidInput("snapshot " + path + ":" + std::to_string(e.mark.line + 1) +
                                ":" + std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  try {
    return Reader(path).Read(root);
  } catch (const YAML::Exception& e) {
    return Status::InvalidInput("snapshot " + path + ": " + e.msg);
  }
}

Result<DatabaseSnapshot> LoadSnapshotFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput("snapshot file " + path + " cannot be read");
  std::stringstream buf;
  buf << in.rdbuf();
  return LoadSnapshotText(buf.str(), path);
}

}  // namespace strata
