#pragma once

// User: one Entra ID user as the directory stores it, and PropertyValue/PropertyMap, the
// loosely typed form in which every interface (CLI options, CSV columns, JSON bodies)
// hands user properties to the directory.
//
// Property names are Graph's (camelCase) and are matched case-insensitively, as Graph
// does. user_properties.h says, for each name, its type, limits and where it lives here.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/clock.h"
#include "domain/licensing.h"

namespace admin365 {

struct User {
  std::string id;  // object id, a lower-case GUID
  std::string user_principal_name;
  std::string display_name;
  std::string mail_nickname;
  bool account_enabled = true;

  std::optional<std::string> given_name;
  std::optional<std::string> surname;
  std::optional<std::string> job_title;
  std::optional<std::string> department;
  std::optional<std::string> company_name;
  std::optional<std::string> employee_id;
  std::optional<std::string> employee_type;
  std::optional<std::string> office_location;
  std::optional<std::string> street_address;
  std::optional<std::string> city;
  std::optional<std::string> state;
  std::optional<std::string> postal_code;
  std::optional<std::string> country;
  std::optional<std::string> mobile_phone;
  std::optional<std::string> fax_number;
  std::optional<std::string> mail;
  std::optional<std::string> preferred_language;
  std::optional<std::string> usage_location;
  std::optional<std::string> password_policies;
  std::optional<std::string> user_type;  // "Member" unless set

  std::vector<std::string> business_phones;
  std::vector<std::string> other_mails;
  std::vector<std::string> proxy_addresses;  // read-only: kept by the directory

  // Set by the directory, never by a caller.
  UnixSeconds created_date_time = 0;
  UnixSeconds last_password_change_date_time = 0;
  UnixSeconds sign_in_sessions_valid_from_date_time = 0;
  std::optional<UnixSeconds> deleted_date_time;
  bool force_change_password_next_sign_in = false;
  bool force_change_password_next_sign_in_with_mfa = false;

  // Licences, kept by the directory (assignLicense, group-based licensing).
  std::vector<AssignedLicense> assigned_licenses;
  std::vector<LicenseAssignmentState> license_assignment_states;
  std::vector<AssignedPlan> assigned_plans;

  // Hybrid identity: set only for users synchronised from on-premises Active Directory.
  // onPremisesSyncEnabled: true = synced now, false = was synced, nullopt = cloud-only.
  std::optional<bool> on_premises_sync_enabled;
  std::optional<std::string> on_premises_immutable_id;
  std::optional<std::string> on_premises_sam_account_name;
  std::optional<std::string> on_premises_distinguished_name;
  std::optional<std::string> on_premises_domain_name;
  std::optional<std::string> on_premises_user_principal_name;
  std::optional<UnixSeconds> on_premises_last_sync_date_time;

  friend bool operator==(const User&, const User&) = default;
};

// A property value as it arrives from outside: null (clear it), a string, a boolean or a
// string collection.
using PropertyValue = std::variant<std::monostate, std::string, bool, std::vector<std::string>>;

// Graph property name -> value. Keys are compared case-insensitively.
struct CaseInsensitiveLess {
  bool operator()(const std::string& a, const std::string& b) const;
  using is_transparent = void;
};
using PropertyMap = std::map<std::string, PropertyValue, CaseInsensitiveLess>;

// passwordProfile. `password` empty means "generate one" where the caller allows it.
struct PasswordProfile {
  std::string password;
  bool force_change_password_next_sign_in = false;
  bool force_change_password_next_sign_in_with_mfa = false;
};

// The body of a user creation: the properties plus the password profile.
struct NewUser {
  PropertyMap properties;
  std::optional<PasswordProfile> password_profile;
};

}  // namespace admin365
