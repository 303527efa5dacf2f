#pragma once

// Users as Graph renders them: the properties a $select names, with Graph's names and
// JSON types — strings, booleans, string collections, DateTimeOffsets as ISO 8601 "Z"
// strings, and null for an unset property that was selected (or is in the default set).
//
// Without $select Graph returns its default set (entra-graph-facts.md §3.1): businessPhones,
// displayName, givenName, jobTitle, mail, mobilePhone, officeLocation, preferredLanguage,
// surname, userPrincipalName, id. Any catalogue property (domain/user_properties.h) may be
// selected, and so may the licence collections assignedLicenses, assignedPlans and
// licenseAssignmentStates; "*" selects them all. passwordProfile may be selected and is
// always null, as Graph never returns it.

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/user.h"
#include "domain/user_properties.h"

namespace admin365::server {

class UserSelection {
 public:
  // Graph's default set.
  static UserSelection Default();
  // The default set plus deletedDateTime: how the recycle bin lists users.
  static UserSelection DefaultDeleted();
  // A $select value ("displayName,id"; spaces around names are ignored). Errors:
  // UnknownSelectProperty for a name no user property has.
  static Result<UserSelection> Parse(std::string_view select);

  // "" for the default set, else "(displayName,id)": what follows the entity set in
  // @odata.context.
  const std::string& context_suffix() const { return context_suffix_; }

  // Adds the selected properties of `user` to `out`, in the selection's order.
  void Render(const User& user, boost::json::object& out) const;

 private:
  enum class Computed {
    kNone,
    kAssignedLicenses,
    kAssignedPlans,
    kAssignmentStates,
    kPasswordProfile
  };
  struct Field {
    const UserProperty* property = nullptr;  // or one of the computed properties
    Computed computed = Computed::kNone;
  };

  std::vector<Field> fields_;
  std::string context_suffix_;
};

// `$select` when given, else `fallback`.
Result<UserSelection> SelectionOr(const std::optional<std::string>& select,
                                  const UserSelection& fallback);

}  // namespace admin365::server
