// A read-only YAML node tree for the changelog parser, built from libyaml's
// event stream. yaml-cpp's YAML::Load spent ~500,000 instructions per
// changeset in its regex-driven scanner (80% of loading a changelog, see
// tools/bench); libyaml scans the same text dozens of times faster. The tree
// keeps yaml-cpp's view of a document so that the parser reads it as it read
// yaml-cpp's: 0-based marks, tag "?" for plain scalars and "!" for quoted
// ones, plain "~"/"null"/"Null"/"NULL"/"" as null, aliases sharing their
// anchor's node, only the first document. When libyaml rejects a text,
// yaml-cpp reads it instead (its messages are the ones users have seen) and
// its tree is copied into this one.
#ifndef STRATA_LOAD_YAML_TREE_H_
#define STRATA_LOAD_YAML_TREE_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace strata::load::yaml {

struct Mark {
  int line = -1;    // 0-based; -1: unknown
  int column = -1;  // 0-based
};

enum class NodeType { kUndefined, kNull, kScalar, kSequence, kMap };

struct NodeData {
  NodeType type = NodeType::kNull;
  Mark mark;
  // A sequence's items; a map's keys and values, alternating: `count`
  // pointers in the document's arena, set when the collection is complete.
  uint32_t count = 0;
  const NodeData* const* children = nullptr;
  std::string scalar;
  const std::string* tag = nullptr;  // the document's or a shared "?"/"!"; null: ""
};

class Node;

// What iterating a node yields: the item itself for a sequence, `first` and
// `second` for a map entry (as yaml-cpp's iterators do).
struct IterValue;

class Node {
 public:
  Node() = default;  // undefined (a missing map value)
  explicit Node(const NodeData* data) : data_(data) {}
  // A null node with no position.
  static Node Null();

  bool IsDefined() const { return data_ != nullptr; }
  bool IsNull() const { return data_ && data_->type == NodeType::kNull; }
  bool IsScalar() const { return data_ && data_->type == NodeType::kScalar; }
  bool IsSequence() const { return data_ && data_->type == NodeType::kSequence; }
  bool IsMap() const { return data_ && data_->type == NodeType::kMap; }
  // REQUIRES: IsDefined() for meaningful values; "" otherwise.
  const std::string& Scalar() const;
  const std::string& Tag() const;
  yaml::Mark Mark() const { return data_ ? data_->mark : yaml::Mark(); }
  // Items of a sequence, entries of a map, else 0.
  size_t size() const;
  // Points this handle at `other` (yaml-cpp's spelling).
  void reset(const Node& other) { data_ = other.data_; }

  class iterator;
  iterator begin() const;
  iterator end() const;

 private:
  const NodeData* data_ = nullptr;
};

struct IterValue : Node {
  Node first, second;
};

class Node::iterator {
 public:
  iterator(const NodeData* owner, size_t at) : owner_(owner), at_(at) { Load(); }
  const IterValue& operator*() const { return value_; }
  const IterValue* operator->() const { return &value_; }
  iterator& operator++() {
    at_ += owner_ && owner_->type == NodeType::kMap ? 2 : 1;
    Load();
    return *this;
  }
  bool operator==(const iterator& o) const { return at_ == o.at_ && owner_ == o.owner_; }
  bool operator!=(const iterator& o) const { return !(*this == o); }

 private:
  void Load();
  const NodeData* owner_;
  size_t at_;
  IterValue value_;
};

// The nodes of one parsed text; Nodes point into it and live as long as it.
class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Parses `text`'s first document with libyaml. False (root left null)
  // when libyaml rejects it, with its message and position.
  //
  // `on_item`, when given, is called with each item of the root map's first
  // `databaseChangeLog` sequence as soon as that item is complete, in
  // order, on the parsing thread: a changelog parser on another thread may
  // read an item (and everything under it) from then on, while the rest of
  // the text is parsed. Nothing else of the tree may be read before Parse
  // returns.
  bool Parse(const std::string& text, std::string* error, yaml::Mark* where,
             const std::function<void(const NodeData*)>& on_item = nullptr);
  // yaml-cpp's reading of `text` (YAML::Load), copied into this document.
  // Throws what YAML::Load throws (YAML::Exception, YAML::DeepRecursion).
  void LoadWithYamlCpp(const std::string& text);
  NodeData* New() {
    if (used_ == kBlock) {
      blocks_.push_back(std::make_unique<NodeData[]>(kBlock));
      used_ = 0;
    }
    return &blocks_.back()[used_++];
  }
  // Makes `children` the children of `n` (copied into the arena).
  void SetChildren(NodeData* n, const std::vector<const NodeData*>& children);
  // `tag` as NodeData::tag: "?" and "!" shared, others kept here.
  const std::string* Tag(std::string_view tag);
  Node root() const { return Node(root_); }
  void set_root(const NodeData* root) { root_ = root; }

 private:
  // Nodes in blocks: one allocation per kBlock nodes (a deque made one per
  // four), and addresses that never move.
  static constexpr size_t kBlock = 256;
  std::vector<std::unique_ptr<NodeData[]>> blocks_;
  size_t used_ = kBlock;
  // Children arrays, bump-allocated from blocks of kArena pointers (a
  // bigger array gets a block of its own): one allocation for thousands of
  // collections instead of a growing vector each.
  static constexpr size_t kArena = 4096;
  std::vector<std::unique_ptr<const NodeData*[]>> arena_;
  size_t arena_used_ = kArena;
  std::vector<std::unique_ptr<const NodeData*[]>> big_;
  std::deque<std::string> tags_;  // explicit tags; addresses never move
  const NodeData* root_ = nullptr;
};

}  // namespace strata::load::yaml

#endif  // STRATA_LOAD_YAML_TREE_H_
