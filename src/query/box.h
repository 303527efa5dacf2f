#pragma once

// Box<T>: a heap-allocated T with value semantics (deep copy, deep equality).
//
// It lets recursive value types such as the filter tree hold their children by value:
// `struct Not { Box<Filter> operand; };` copies and compares like a plain member.
// A Box is never empty except after being moved from; a moved-from Box may only be
// assigned to or destroyed. Nothing here fails.

#include <memory>
#include <utility>

namespace admin365::query {

template <class T>
class Box {
 public:
  explicit Box(T value) : ptr_(std::make_unique<T>(std::move(value))) {}
  Box(const Box& other) : ptr_(std::make_unique<T>(*other.ptr_)) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& other) {
    if (this != &other) ptr_ = std::make_unique<T>(*other.ptr_);
    return *this;
  }
  Box& operator=(Box&&) noexcept = default;
  ~Box() = default;

  T& operator*() { return *ptr_; }
  const T& operator*() const { return *ptr_; }
  T* operator->() { return ptr_.get(); }
  const T* operator->() const { return ptr_.get(); }

  friend bool operator==(const Box& a, const Box& b) { return *a.ptr_ == *b.ptr_; }

 private:
  std::unique_ptr<T> ptr_;
};

}  // namespace admin365::query
