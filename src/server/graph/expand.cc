#include "server/graph/expand.h"

#include <algorithm>
#include <initializer_list>
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

// A relationship whose items are users, and where its selection goes once $expand names it.
struct UserRelation {
  std::string_view name;
  std::optional<UserSelection>* selection;
};

// Reads $expand's items into `relations` (and `*member_of`, when given, for memberOf,
// which takes no nested options); other names are left out.
Status ParseExpand(const std::optional<std::string>& expand,
                   std::initializer_list<UserRelation> relations, bool* member_of) {
  if (!expand) return Ok();
  ASSIGN_OR_RETURN(const std::vector<std::string_view> items, SplitTopLevel(*expand, ','));
  for (const std::string_view item : items) {
    const std::size_t open = item.find('(');
    const std::string_view name = AsciiTrim(item.substr(0, open));
    if (member_of != nullptr && AsciiIEquals(name, "memberOf")) {
      if (open != std::string_view::npos) return Fail(InvalidQueryString());
      *member_of = true;
    }
    const auto relation =
        std::find_if(relations.begin(), relations.end(),
                     [&](const UserRelation& r) { return AsciiIEquals(r.name, name); });
    if (relation == relations.end()) continue;
    if (open == std::string_view::npos) {
      *relation->selection = UserSelection::Default();
      continue;
    }
    if (!item.ends_with(')')) return Fail(InvalidQueryString());
    ASSIGN_OR_RETURN(*relation->selection,
                     NestedSelection(item.substr(open + 1, item.size() - open - 2)));
  }
  return Ok();
}

// `objects` as users with `selection`'s properties, in a new array member `name` of `out`.
Status RenderRelatedUsers(Directory& directory, const std::vector<DirectoryObjectRef>& objects,
                          const UserSelection& selection, std::string_view name,
                          boost::json::object& out) {
  boost::json::array& rendered = out[name].emplace_array();
  for (const DirectoryObjectRef& object : objects) {
    ASSIGN_OR_RETURN(const User user, directory.GetUser(object.id));
    rendered.push_back(RelatedUser(user, selection));
  }
  return Ok();
}

}  // namespace

Result<UserExpansion> ParseUserExpand(const std::optional<std::string>& expand) {
  UserExpansion expansion;
  RETURN_IF_ERROR(ParseExpand(
      expand, {{"manager", &expansion.manager}, {"directReports", &expansion.direct_reports}},
      &expansion.member_of));
  return expansion;
}

Result<GroupExpansion> ParseGroupExpand(const std::optional<std::string>& expand) {
  GroupExpansion expansion;
  RETURN_IF_ERROR(ParseExpand(
      expand, {{"members", &expansion.members}, {"owners", &expansion.owners}}, nullptr));
  return expansion;
}

Status RenderGroupExpansion(Directory& directory, const GroupExpansion& expansion,
                            const Group& group, boost::json::object& out) {
  if (expansion.members) {
    ASSIGN_OR_RETURN(const std::vector<DirectoryObjectRef> members,
                     directory.ListGroupMembers(group.id));
    RETURN_IF_ERROR(RenderRelatedUsers(directory, members, *expansion.members, "members", out));
  }
  if (expansion.owners) {
    ASSIGN_OR_RETURN(const std::vector<DirectoryObjectRef> owners,
                     directory.ListGroupOwners(group.id));
    RETURN_IF_ERROR(RenderRelatedUsers(directory, owners, *expansion.owners, "owners", out));
  }
  return Ok();
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
    RETURN_IF_ERROR(
        RenderRelatedUsers(directory, reports, *expansion.direct_reports, "directReports", out));
  }
  if (expansion.member_of) {
    ASSIGN_OR_RETURN(const std::vector<Group> groups, directory.ListMemberOf(user.id));
    boost::json::array& rendered = out["memberOf"].emplace_array();
    for (const Group& group : groups) rendered.push_back(GroupObjectJson(group));
  }
  return Ok();
}

}  // namespace admin365::server
