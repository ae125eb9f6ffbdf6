#pragma once
// Boxed<T>: an optional value kept on the heap, with std::optional's interface for the parts
// the model uses (test, `*`, `->`, assign a T or nullopt, emplace, reset, value). It is for
// members that are large and usually absent: a model Field has three of them, and boxing keeps
// a Field at ~240 bytes instead of ~750 (a 500-model schema has ~7,500 fields, and every page
// the heap grows by costs a page fault). Copies are deep, so it behaves as a value.

#include <memory>
#include <optional>
#include <utility>

namespace godwit::psl {

template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}  // NOLINT(google-explicit-constructor): as std::optional
  Boxed(T value)            // NOLINT(google-explicit-constructor): as std::optional
      : value_(std::make_unique<T>(std::move(value))) {}
  Boxed(const Boxed& other) : value_(other ? std::make_unique<T>(*other) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = other ? std::make_unique<T>(*other) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(std::nullopt_t) {
    value_.reset();
    return *this;
  }
  Boxed& operator=(T value) {
    if (value_) {
      *value_ = std::move(value);
    } else {
      value_ = std::make_unique<T>(std::move(value));
    }
    return *this;
  }
  ~Boxed() = default;

  template <class... Args>
  T& emplace(Args&&... args) {
    value_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *value_;
  }
  void reset() { value_.reset(); }

  bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }
  /// The value; throws std::bad_optional_access when there is none.
  const T& value() const {
    if (!value_) throw std::bad_optional_access();
    return *value_;
  }
  T& value() {
    if (!value_) throw std::bad_optional_access();
    return *value_;
  }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace godwit::psl
