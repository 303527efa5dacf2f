#include "server/graph/user_expand.h"

#include <string>
#include <vector>

#include "common/ascii.h"
#include "server/graph/api_errors.h"
#include "server/graph/object_json.h"

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

// A related user's selection from the options inside "manager(...)" or "directReports(...)".
Result<UserSelection> NestedSelection(std::string_view nested) {
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

// A related user as a directory object of type user, with `selection`'s properties.
boost::json::object RelatedUser(const User& user, const UserSelection& selection) {
  boost::json::object rendered{{"@odata.type", "#microsoft.graph.user"}};
  selection.Render(user, rendered);
  return rendered;
}

}  // namespace

Result<UserExpansion> ParseUserExpand(const std::optional<std::string>& expand) {
  UserExpansion expansion;
  if (!expand) return expansion;
  ASSIGN_OR_RETURN(const std::vector<std::string_view> items, SplitTopLevel(*expand, ','));
  for (const std::string_view item : items) {
    const std::size_t open = item.find('(');
    const std::string_view name = AsciiTrim(item.substr(0, open));
    std::optional<UserSelection>* users = nullptr;
    if (AsciiIEquals(name, "manager")) users = &expansion.manager;
    if (AsciiIEquals(name, "directReports")) users = &expansion.direct_reports;
    if (AsciiIEquals(name, "memberOf")) {
      if (open != std::string_view::npos) return Fail(InvalidQueryString());
      expansion.member_of = true;
    }
    if (users == nullptr) continue;
    if (open == std::string_view::npos) {
      *users = UserSelection::Default();
      continue;
    }
    if (!item.ends_with(')')) return Fail(InvalidQueryString());
    ASSIGN_OR_RETURN(*users, NestedSelection(item.substr(open + 1, item.size() - open - 2)));
  }
  return expansion;
}

Status RenderExpansion(Directory& directory, const UserExpansion& expansion, const User& user,
                       boost::json::object& out) {
  if (expansion.manager) {
    const Result<DirectoryObjectRef> manager = directory.GetManager(user.id);
    if (manager) {
      ASSIGN_OR_RETURN(const User managing, directory.GetUser(manager->id));
      out["manager"] = RelatedUser(managing, *expansion.manager);
    } else if (manager.error().kind != ErrorKind::kNotFound) {
      return Fail(manager.error());
    }
  }
  if (expansion.direct_reports) {
    ASSIGN_OR_RETURN(const std::vector<DirectoryObjectRef> reports,
                     directory.ListDirectReports(user.id));
    boost::json::array& rendered = out["directReports"].emplace_array();
    for (const DirectoryObjectRef& report : reports) {
      ASSIGN_OR_RETURN(const User reporting, directory.GetUser(report.id));
      rendered.push_back(RelatedUser(reporting, *expansion.direct_reports));
    }
  }
  if (expansion.member_of) {
    ASSIGN_OR_RETURN(const std::vector<Group> groups, directory.ListMemberOf(user.id));
    boost::json::array& rendered = out["memberOf"].emplace_array();
    for (const Group& group : groups) rendered.push_back(GroupObjectJson(group));
  }
  return Ok();
}

}  // namespace admin365::server
