#include "query/filter_sql.h"

#include <fmt/format.h>

#include <optional>
#include <type_traits>
#include <utility>

#include "common/ascii.h"
#include "query/filter_lexer.h"
#include "query/filter_printer.h"

namespace admin365::query {

namespace {

Error BadRequest(std::string message) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message),
               .target = "$filter"};
}

Error UnknownProperty(std::string_view name, std::string_view type) {
  return BadRequest(fmt::format("Could not find a property named '{}' on type '{}'.", name, type));
}

Error NotIndexed() {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_UnsupportedQuery",
               .message = "The request uses a filter property that is not indexed",
               .target = "$filter"};
}

// A property resolved to the SQL that reads it.
struct Column {
  std::string sql;
  ColumnType type;
  std::string name;  // as written in the filter, for messages
};

std::string LikeEscape(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '%' || c == '_') out += '\\';
    out += c;
  }
  return out;
}

std::string_view SqlOperator(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "=";
    case CompareOp::kNe:
      return "IS NOT";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGe:
      return ">=";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLe:
      return "<=";
  }
  return "=";
}

class Translator {
 public:
  explicit Translator(const FilterSchema& schema) : schema_(schema) {}

  Result<SqlFragment> Run(const Filter& filter) {
    RETURN_IF_ERROR(Emit(filter));
    return std::move(out_);
  }

 private:
  struct Scope {
    const CollectionSpec* collection;
    std::string_view collection_name;
    std::string_view variable;
  };

  void Sql(std::string_view text) { out_.sql += text; }
  void Param(SqlValue value) {
    out_.sql += '?';
    out_.params.push_back(std::move(value));
  }

  Status EmitParenthesizedIfOr(const Filter& filter) {
    const bool parens = std::holds_alternative<Or>(filter.node);
    if (parens) Sql("(");
    RETURN_IF_ERROR(Emit(filter));
    if (parens) Sql(")");
    return Ok();
  }

  Status Emit(const Filter& filter) {
    return std::visit(
        [this](const auto& node) -> Status {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, Comparison>) {
            return EmitComparison(node);
          } else if constexpr (std::is_same_v<T, InList>) {
            return EmitIn(node);
          } else if constexpr (std::is_same_v<T, FunctionCall>) {
            return EmitFunction(node);
          } else if constexpr (std::is_same_v<T, Not>) {
            Sql("(");
            RETURN_IF_ERROR(Emit(*node.operand));
            Sql(") IS NOT TRUE");
            return Ok();
          } else if constexpr (std::is_same_v<T, And>) {
            RETURN_IF_ERROR(EmitParenthesizedIfOr(*node.lhs));
            Sql(" AND ");
            return EmitParenthesizedIfOr(*node.rhs);
          } else if constexpr (std::is_same_v<T, Or>) {
            RETURN_IF_ERROR(Emit(*node.lhs));
            Sql(" OR ");
            return Emit(*node.rhs);
          } else if constexpr (std::is_same_v<T, Any>) {
            return EmitAny(node);
          } else {
            static_assert(std::is_same_v<T, CountComparison>);
            return EmitCount(node);
          }
        },
        filter.node);
  }

  // --- Name resolution -------------------------------------------------------------

  Result<Column> Resolve(const std::string& path) const {
    if (scope_ != nullptr) return ResolveInLambda(path);
    const auto it = schema_.properties.find(path);
    if (it == schema_.properties.end()) {
      if (schema_.collections.contains(path)) {
        return Fail(BadRequest(fmt::format(
            "Invalid $filter: the collection '{}' can only be filtered with any() or $count.",
            path)));
      }
      return Fail(UnknownProperty(path, schema_.entity_type));
    }
    if (!it->second.filterable) return Fail(NotIndexed());
    return Column{.sql = it->second.column, .type = it->second.type, .name = path};
  }

  // `x` or `x/field` inside collection/any(x: ...).
  Result<Column> ResolveInLambda(const std::string& path) const {
    const CollectionSpec& collection = *scope_->collection;
    const std::size_t slash = path.find('/');
    const std::string_view head = std::string_view(path).substr(0, slash);
    if (head != scope_->variable) return Fail(UnknownProperty(path, schema_.entity_type));
    if (slash == std::string::npos) {
      if (collection.value_column.empty()) {
        return Fail(BadRequest(
            fmt::format("Invalid $filter: the elements of '{}' are objects; compare one of their "
                        "properties.",
                        scope_->collection_name)));
      }
      return Column{
          .sql = "c." + collection.value_column, .type = collection.value_type, .name = path};
    }
    const std::string field = path.substr(slash + 1);
    const auto it = collection.object_fields.find(field);
    if (it == collection.object_fields.end()) {
      return Fail(UnknownProperty(field, collection.element_type));
    }
    if (!it->second.filterable) return Fail(NotIndexed());
    return Column{.sql = "c." + it->second.column, .type = it->second.type, .name = field};
  }

  Result<const CollectionSpec*> ResolveCollection(const std::string& name) const {
    if (scope_ != nullptr) {
      return Fail(BadRequest(
          "Invalid $filter: any() and $count cannot be used inside a lambda expression."));
    }
    const auto it = schema_.collections.find(name);
    if (it == schema_.collections.end()) {
      if (schema_.properties.contains(name)) {
        return Fail(BadRequest(
            fmt::format("Invalid $filter: the property '{}' is not a collection.", name)));
      }
      return Fail(UnknownProperty(name, schema_.entity_type));
    }
    if (!it->second.filterable) return Fail(NotIndexed());
    return &it->second;
  }

  // --- Values ----------------------------------------------------------------------

  static Error TypeMismatch(const Literal& literal, const Column& column) {
    return BadRequest(fmt::format(
        "Invalid $filter: the literal {} cannot be compared with property '{}' of type {}.",
        PrintLiteral(literal), column.name, EdmTypeName(column.type)));
  }

  // The bound value of a non-null literal, if its type suits the column.
  static Result<SqlValue> Bind(const Literal& literal, const Column& column) {
    std::optional<SqlValue> value;
    switch (column.type) {
      case ColumnType::kString:
        if (const auto* s = std::get_if<std::string>(&literal)) value = *s;
        break;
      case ColumnType::kBool:
        if (const auto* b = std::get_if<bool>(&literal)) value = std::int64_t{*b ? 1 : 0};
        break;
      case ColumnType::kDateTime:
        if (const auto* d = std::get_if<DateTimeLiteral>(&literal)) value = d->unix_seconds;
        break;
      case ColumnType::kGuid:
        // Graph also takes a GUID written as a string: id in ('…', '…').
        if (const auto* g = std::get_if<GuidLiteral>(&literal)) value = g->text;
        if (const auto* s = std::get_if<std::string>(&literal); s && IsGuidText(*s)) {
          value = AsciiLower(*s);
        }
        break;
      case ColumnType::kInt64:
        if (const auto* i = std::get_if<std::int64_t>(&literal)) value = *i;
        break;
    }
    if (!value) return Fail(TypeMismatch(literal, column));
    return *std::move(value);
  }

  // True for a datetime literal with a fraction: no whole-second column value equals it.
  static bool IsFractional(const Literal& literal) {
    const auto* d = std::get_if<DateTimeLiteral>(&literal);
    return d != nullptr && d->nanos != 0;
  }

  // --- Nodes -----------------------------------------------------------------------

  Status EmitComparison(const Comparison& node) {
    ASSIGN_OR_RETURN(Column column, Resolve(node.property));
    const bool equality = node.op == CompareOp::kEq || node.op == CompareOp::kNe;
    if (std::holds_alternative<std::nullptr_t>(node.value)) {
      if (!equality) return Fail(TypeMismatch(node.value, column));
      Sql(column.sql);
      Sql(node.op == CompareOp::kEq ? " IS NULL" : " IS NOT NULL");
      return Ok();
    }
    ASSIGN_OR_RETURN(SqlValue value, Bind(node.value, column));
    if (!equality && (column.type == ColumnType::kBool || column.type == ColumnType::kGuid)) {
      return Fail(BadRequest(fmt::format(
          "Invalid $filter: the operator '{}' cannot be applied to property '{}' of type {}.",
          CompareOpName(node.op), column.name, EdmTypeName(column.type))));
    }
    CompareOp op = node.op;
    if (IsFractional(node.value)) {
      // The column holds whole seconds s; the literal is s + f with 0 < f < 1.
      switch (op) {
        case CompareOp::kEq:
          Sql("0");
          return Ok();
        case CompareOp::kNe:
          Sql("1");
          return Ok();
        case CompareOp::kGt:
        case CompareOp::kGe:
          op = CompareOp::kGt;  // col >= s + f  <=>  col > s
          break;
        case CompareOp::kLt:
        case CompareOp::kLe:
          op = CompareOp::kLe;  // col < s + f  <=>  col <= s
          break;
      }
    }
    Sql(column.sql);
    Sql(" ");
    Sql(SqlOperator(op));
    Sql(" ");
    Param(std::move(value));
    return Ok();
  }

  Status EmitIn(const InList& node) {
    ASSIGN_OR_RETURN(Column column, Resolve(node.property));
    bool has_null = false;
    std::vector<SqlValue> values;
    for (const Literal& literal : node.values) {
      if (std::holds_alternative<std::nullptr_t>(literal)) {
        has_null = true;
        continue;
      }
      ASSIGN_OR_RETURN(SqlValue value, Bind(literal, column));
      if (!IsFractional(literal)) values.push_back(std::move(value));
    }
    if (values.empty()) {
      if (has_null) {
        Sql(column.sql);
        Sql(" IS NULL");
      } else {
        Sql("0");
      }
      return Ok();
    }
    if (has_null) Sql("(");
    Sql(column.sql);
    Sql(" IN (");
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) Sql(", ");
      Param(std::move(values[i]));
    }
    Sql(")");
    if (has_null) {
      Sql(" OR ");
      Sql(column.sql);
      Sql(" IS NULL)");
    }
    return Ok();
  }

  Status EmitFunction(const FunctionCall& node) {
    ASSIGN_OR_RETURN(Column column, Resolve(node.property));
    if (column.type != ColumnType::kString) {
      return Fail(BadRequest(fmt::format(
          "Invalid $filter: the function '{}' cannot be applied to property '{}' of type {}.",
          StringFunctionName(node.function), column.name, EdmTypeName(column.type))));
    }
    const std::string escaped = LikeEscape(node.argument);
    Sql(column.sql);
    Sql(" LIKE ");
    Param(node.function == StringFunction::kStartsWith ? escaped + "%" : "%" + escaped);
    Sql(" ESCAPE '\\'");
    return Ok();
  }

  // "FROM table c WHERE c.owner = row_key"
  std::string Correlation(const CollectionSpec& collection) const {
    return fmt::format("FROM {} c WHERE c.{} = {}", collection.table, collection.owner_column,
                       schema_.row_key);
  }

  Status EmitAny(const Any& node) {
    ASSIGN_OR_RETURN(const CollectionSpec* collection, ResolveCollection(node.collection));
    Sql("EXISTS (SELECT 1 ");
    Sql(Correlation(*collection));
    Sql(" AND ");
    const Scope scope{
        .collection = collection, .collection_name = node.collection, .variable = node.variable};
    scope_ = &scope;
    Status body = EmitParenthesizedIfOr(*node.body);
    scope_ = nullptr;
    RETURN_IF_ERROR(body);
    Sql(")");
    return Ok();
  }

  Status EmitCount(const CountComparison& node) {
    ASSIGN_OR_RETURN(const CollectionSpec* collection, ResolveCollection(node.collection));
    if (node.value == 0 && (node.op == CompareOp::kEq || node.op == CompareOp::kNe)) {
      Sql(node.op == CompareOp::kEq ? "NOT EXISTS (SELECT 1 " : "EXISTS (SELECT 1 ");
      Sql(Correlation(*collection));
      Sql(")");
      return Ok();
    }
    Sql("(SELECT count(*) ");
    Sql(Correlation(*collection));
    Sql(") ");
    Sql(node.op == CompareOp::kNe ? "<>" : SqlOperator(node.op));
    Sql(" ");
    Param(node.value);
    return Ok();
  }

  const FilterSchema& schema_;
  const Scope* scope_ = nullptr;
  SqlFragment out_;
};

}  // namespace

Result<SqlFragment> TranslateFilter(const Filter& filter, const FilterSchema& schema) {
  return Translator(schema).Run(filter);
}

}  // namespace admin365::query
