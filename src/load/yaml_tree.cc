#include "load/yaml_tree.h"

// yaml-cpp 0.7's headers trip GCC 12's -Wdangling-pointer false positive.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#include <yaml-cpp/yaml.h>
#pragma GCC diagnostic pop
#include <yaml.h>

#include <algorithm>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace strata::load::yaml {
namespace {

const NodeData kNullData{};
const std::string kEmpty;
const std::string kPlainTag = "?";
const std::string kQuotedTag = "!";

// Deeper nesting is left to yaml-cpp, which reports it ("YAML nested too
// deeply"); the changelog parser recurses once per level.
constexpr size_t kMaxDepth = 400;

bool IsNullString(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

Mark MarkOf(const yaml_mark_t& m) {
  return Mark{static_cast<int>(m.line), static_cast<int>(m.column)};
}

struct ParserDeleter {
  void operator()(yaml_parser_t* p) const {
    yaml_parser_delete(p);
    delete p;
  }
};

struct Event {
  yaml_event_t e;
  Event() = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  ~Event() { yaml_event_delete(&e); }
};

// yaml-cpp's aliases are the anchored node itself; copying each use would
// expand an alias bomb exponentially. Collections already copied are found
// by position and identity (Node::is) and shared, as the libyaml path does.
using CopiedNodes = std::unordered_multimap<int, std::pair<YAML::Node, const NodeData*>>;

const NodeData* CopyTree(const YAML::Node& n, Document& doc, CopiedNodes& copied) {
  const bool collection =
      n.Type() == YAML::NodeType::Sequence || n.Type() == YAML::NodeType::Map;
  if (collection) {
    auto [from, to] = copied.equal_range(n.Mark().pos);
    for (auto it = from; it != to; ++it)
      if (it->second.first.is(n)) return it->second.second;
  }
  NodeData* d = doc.New();
  if (collection) copied.emplace(n.Mark().pos, std::make_pair(n, d));
  YAML::Mark m = n.Mark();
  d->mark = Mark{m.line, m.column};
  d->tag = doc.Tag(n.Tag());
  std::vector<const NodeData*> children;
  switch (n.Type()) {
    case YAML::NodeType::Scalar:
      d->type = NodeType::kScalar;
      d->scalar = n.Scalar();
      break;
    case YAML::NodeType::Sequence:
      d->type = NodeType::kSequence;
      for (const YAML::Node& item : n) children.push_back(CopyTree(item, doc, copied));
      doc.SetChildren(d, children);
      break;
    case YAML::NodeType::Map:
      d->type = NodeType::kMap;
      for (auto it = n.begin(); it != n.end(); ++it) {
        children.push_back(CopyTree(it->first, doc, copied));
        children.push_back(CopyTree(it->second, doc, copied));
      }
      doc.SetChildren(d, children);
      break;
    default:
      d->type = NodeType::kNull;
      break;
  }
  return d;
}

}  // namespace

void Document::SetChildren(NodeData* n, const std::vector<const NodeData*>& children) {
  n->count = static_cast<uint32_t>(children.size());
  if (children.empty()) return;
  const NodeData** to;
  if (children.size() > kArena / 4) {
    big_.push_back(std::make_unique_for_overwrite<const NodeData*[]>(children.size()));
    to = big_.back().get();
  } else {
    if (arena_used_ + children.size() > kArena) {
      arena_.push_back(std::make_unique_for_overwrite<const NodeData*[]>(kArena));
      arena_used_ = 0;
    }
    to = arena_.back().get() + arena_used_;
    arena_used_ += children.size();
  }
  std::copy(children.begin(), children.end(), to);
  n->children = to;
}

const std::string* Document::Tag(std::string_view tag) {
  if (tag.empty()) return nullptr;
  if (tag == "?") return &kPlainTag;
  if (tag == "!") return &kQuotedTag;
  return &tags_.emplace_back(tag);
}

void Document::LoadWithYamlCpp(const std::string& text) {
  CopiedNodes copied;
  root_ = CopyTree(YAML::Load(text), *this, copied);
}

Node Node::Null() { return Node(&kNullData); }

const std::string& Node::Scalar() const { return data_ ? data_->scalar : kEmpty; }

const std::string& Node::Tag() const {
  return data_ && data_->tag ? *data_->tag : kEmpty;
}

size_t Node::size() const {
  if (!data_) return 0;
  if (data_->type == NodeType::kSequence) return data_->count;
  if (data_->type == NodeType::kMap) return data_->count / 2;
  return 0;
}

Node::iterator Node::begin() const { return iterator(data_, 0); }

Node::iterator Node::end() const {
  return iterator(data_, data_ && (data_->type == NodeType::kSequence ||
                                   data_->type == NodeType::kMap)
                             ? data_->count
                             : 0);
}

void Node::iterator::Load() {
  value_ = IterValue();
  if (!owner_ || at_ >= owner_->count) return;
  if (owner_->type == NodeType::kMap) {
    value_.first = Node(owner_->children[at_]);
    value_.second = Node(owner_->children[at_ + 1]);
  } else {
    static_cast<Node&>(value_) = Node(owner_->children[at_]);
  }
}

bool Document::Parse(const std::string& text, std::string* error, Mark* where,
                     const std::function<void(const NodeData*)>& on_item) {
  root_ = &kNullData;
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
  if (!yaml_parser_initialize(parser.get())) {
    delete parser.release();
    *error = "cannot start the YAML parser";
    return false;
  }
  yaml_parser_set_input_string(parser.get(),
                               reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  std::vector<NodeData*> open;  // collections being filled, innermost last
  // filling[i]: the children of open[i] so far (the vectors are reused).
  std::vector<std::vector<const NodeData*>> filling;
  std::unordered_map<std::string, const NodeData*> anchors;
  auto fail = [&](std::string message, Mark at) {
    *error = std::move(message);
    *where = at;
    root_ = &kNullData;
    return false;
  };
  // The databaseChangeLog list whose items go to on_item, once it starts;
  // a scalar item (or an alias) is handed over at the next event, after
  // the missing-value mark below is settled.
  const NodeData* streamed = nullptr;
  const NodeData* deferred = nullptr;
  // Adds a node to its parent (or makes it the root). `complete`: a scalar
  // or an alias, not a collection still to be filled.
  auto attach = [&](const NodeData* n, bool complete) {
    if (open.empty()) {
      root_ = n;
    } else {
      filling[open.size() - 1].push_back(n);
      if (complete && streamed && open.back() == streamed) deferred = n;
    }
  };
  auto anchor = [&](const yaml_char_t* name, const NodeData* n) {
    if (name) anchors[reinterpret_cast<const char*>(name)] = n;
  };
  // A missing value ("key:" and no value) is an empty plain scalar at the
  // colon for libyaml; yaml-cpp marks it where the next token starts, and
  // messages have always used that position.
  NodeData* missing_value = nullptr;
  for (;;) {
    Event ev;
    if (!yaml_parser_parse(parser.get(), &ev.e)) {
      ev.e.type = YAML_NO_EVENT;  // nothing to delete
      return fail(parser->problem ? parser->problem : "invalid YAML",
                  MarkOf(parser->problem_mark));
    }
    const yaml_event_t& e = ev.e;
    if (missing_value) {
      missing_value->mark = MarkOf(e.start_mark);
      // In a block sequence the next token is the next item's "-", which
      // stands in the column of the first.
      if (!open.empty() && open.back()->type == NodeType::kSequence &&
          e.type != YAML_SEQUENCE_END_EVENT)
        missing_value->mark.column = open.back()->mark.column;
      missing_value = nullptr;
    }
    if (deferred) {
      on_item(deferred);
      deferred = nullptr;
    }
    switch (e.type) {
      case YAML_STREAM_END_EVENT:
      case YAML_DOCUMENT_END_EVENT:
        // Only the first document counts, as with YAML::Load.
        return true;
      case YAML_SCALAR_EVENT: {
        NodeData* n = New();
        n->mark = MarkOf(e.start_mark);
        const auto& s = e.data.scalar;
        std::string value(reinterpret_cast<const char*>(s.value), s.length);
        if (s.tag) {
          n->tag = Tag(reinterpret_cast<const char*>(s.tag));
          n->type = NodeType::kScalar;
        } else if (s.style == YAML_PLAIN_SCALAR_STYLE) {
          n->tag = &kPlainTag;
          n->type = IsNullString(value) ? NodeType::kNull : NodeType::kScalar;
        } else {
          n->tag = &kQuotedTag;
          n->type = NodeType::kScalar;
        }
        if (n->type == NodeType::kScalar) n->scalar = std::move(value);
        if (!s.tag && s.length == 0 && s.style == YAML_PLAIN_SCALAR_STYLE &&
            e.start_mark.index == e.end_mark.index)
          missing_value = n;
        anchor(s.anchor, n);
        attach(n, true);
        break;
      }
      case YAML_ALIAS_EVENT: {
        auto it = anchors.find(reinterpret_cast<const char*>(e.data.alias.anchor));
        if (it == anchors.end()) return fail("unknown anchor", MarkOf(e.start_mark));
        for (const NodeData* o : open)
          if (o == it->second)  // an alias inside its own anchor: a cycle
            return fail("recursive alias", MarkOf(e.start_mark));
        attach(it->second, true);
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        if (open.size() >= kMaxDepth) return fail("nested too deeply", MarkOf(e.start_mark));
        NodeData* n = New();
        n->mark = MarkOf(e.start_mark);
        const bool seq = e.type == YAML_SEQUENCE_START_EVENT;
        n->type = seq ? NodeType::kSequence : NodeType::kMap;
        const yaml_char_t* tag = seq ? e.data.sequence_start.tag : e.data.mapping_start.tag;
        n->tag = tag ? Tag(reinterpret_cast<const char*>(tag)) : &kPlainTag;
        anchor(seq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor, n);
        // The root map's value (odd child) under the key databaseChangeLog.
        if (on_item && seq && !streamed && open.size() == 1 && open[0] == root_ &&
            open[0]->type == NodeType::kMap && filling[0].size() % 2 == 1 &&
            filling[0].back()->type == NodeType::kScalar &&
            filling[0].back()->scalar == "databaseChangeLog")
          streamed = n;
        attach(n, false);
        open.push_back(n);
        if (filling.size() < open.size()) filling.emplace_back();
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        if (!open.empty()) {
          NodeData* done = open.back();
          std::vector<const NodeData*>& children = filling[open.size() - 1];
          SetChildren(done, children);
          children.clear();
          open.pop_back();
          if (streamed && !open.empty() && open.back() == streamed) on_item(done);
        }
        break;
      default:  // stream and document start
        break;
    }
  }
}

}  // namespace strata::load::yaml
