// Status and Result: how every stage reports failure. Exceptions never cross
// a stage boundary; main() maps Status codes to exit codes in one table.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace strata {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,   // changelog or argument is wrong
    kNotFound,       // file, tag or changeset missing
    kUnsupported,    // the engine cannot do what the changelog asks
    kValidation,     // checksums, duplicates, missing rollback
    kDatabase,       // the server rejected a statement or could not be reached
    kLock,           // could not take the changelog lock
    kIo,
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string m) { return {Code::kInvalidInput, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status Unsupported(std::string m) { return {Code::kUnsupported, std::move(m)}; }
  static Status Validation(std::string m) { return {Code::kValidation, std::move(m)}; }
  static Status Database(std::string m) { return {Code::kDatabase, std::move(m)}; }
  static Status Lock(std::string m) { return {Code::kLock, std::move(m)}; }
  static Status Io(std::string m) { return {Code::kIo, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace strata
