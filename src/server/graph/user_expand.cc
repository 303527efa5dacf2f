#include "server/graph/user_expand.h"

#include <string>
#include <vector>

#include "common/ascii.h"
#include "server/graph/api_errors.h"

namespace admin365::server {
namespace {

// `text` split at the `separator`s outside parentheses. Error: InvalidQueryString when
// the parentheses do not balance.
Result<std::vector<std::string_view>> SplitTopLevel(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth < 0) return Fail(InvalidQueryString());
    if (text[i] == separator && depth == 0) {
      parts.push_back(AsciiTrim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  if (depth != 0) return Fail(InvalidQueryString());
  parts.push_back(AsciiTrim(text.substr(start)));
  return parts;
}

// The manager's selection from the options inside "manager(...)".
Result<UserSelection> ManagerSelection(std::string_view nested) {
  UserSelection selection = UserSelection::Default();
  ASSIGN_OR_RETURN(const std::vector<std::string_view> options, SplitTopLevel(nested, ';'));
  for (const std::string_view option : options) {
    if (option.empty()) continue;
    const std::size_t equals = option.find('=');
    if (equals == std::string_view::npos ||
        !AsciiIEquals(AsciiTrim(option.substr(0, equals)), "$select")) {
      return Fail(InvalidQueryString());
    }
    ASSIGN_OR_RETURN(selection, UserSelection::Parse(option.substr(equals + 1)));
  }
  return selection;
}

}  // namespace

Result<UserExpansion> ParseUserExpand(const std::optional<std::string>& expand) {
  UserExpansion expansion;
  if (!expand) return expansion;
  ASSIGN_OR_RETURN(const std::vector<std::string_view> items, SplitTopLevel(*expand, ','));
  for (const std::string_view item : items) {
    const std::size_t open = item.find('(');
    if (!AsciiIEquals(AsciiTrim(item.substr(0, open)), "manager")) continue;
    if (open == std::string_view::npos) {
      expansion.manager = UserSelection::Default();
      continue;
    }
    if (!item.ends_with(')')) return Fail(InvalidQueryString());
    ASSIGN_OR_RETURN(expansion.manager,
                     ManagerSelection(item.substr(open + 1, item.size() - open - 2)));
  }
  return expansion;
}

Status RenderExpansion(Directory& directory, const UserExpansion& expansion, const User& user,
                       boost::json::object& out) {
  if (!expansion.manager) return Ok();
  const Result<DirectoryObjectRef> manager = directory.GetManager(user.id);
  if (!manager) {
    if (manager.error().kind == ErrorKind::kNotFound) return Ok();
    return Fail(manager.error());
  }
  ASSIGN_OR_RETURN(const User managing, directory.GetUser(manager->id));
  boost::json::object& rendered = out["manager"].emplace_object();
  rendered["@odata.type"] = "#microsoft.graph.user";
  expansion.manager->Render(managing, rendered);
  return Ok();
}

}  // namespace admin365::server
