#include "manage/user_creation.h"

#include <functional>
#include <utility>

namespace admin365::manage {

namespace {

// A write after the creation, and the input field it comes from.
struct FollowUp {
  std::string field;
  std::function<Status(const Actor&, const std::string& user_id)> write;
};

std::vector<FollowUp> FollowUps(Directory& directory, const UserCreation& creation) {
  std::vector<FollowUp> steps;
  if (!creation.licenses.empty()) {
    steps.push_back({"addLicenses", [&](const Actor& actor, const std::string& id) -> Status {
                       LicenseChange change{.add_licenses = creation.licenses};
                       RETURN_IF_ERROR(directory.AssignLicense(actor, id, change));
                       return Ok();
                     }});
  }
  for (const std::string& group : creation.groups) {
    steps.push_back({"groups", [&](const Actor& actor, const std::string& id) {
                       return directory.AddGroupMember(actor, group, id);
                     }});
  }
  if (creation.manager) {
    steps.push_back({"manager", [&](const Actor& actor, const std::string& id) {
                       return directory.SetManager(actor, id, *creation.manager);
                     }});
  }
  if (creation.mfa_state) {
    steps.push_back({"mfaState", [&](const Actor& actor, const std::string& id) {
                       return directory.SetPerUserMfaState(actor, id, *creation.mfa_state);
                     }});
  }
  if (creation.default_method) {
    steps.push_back({"defaultMethod", [&](const Actor& actor, const std::string& id) {
                       return directory.SetSignInPreferences(
                           actor, id,
                           SignInPreferences{
                               .is_system_preferred_authentication_method_enabled = false,
                               .user_preferred_method_for_secondary_authentication =
                                   *creation.default_method});
                     }});
  }
  return steps;
}

// The creation's step keeps the caller's undo record (deleting the user reverts the whole
// creation); the later steps need none of their own.
Actor ForStep(const Actor& actor, int step) {
  Actor out = actor;
  if (out.job_step) {
    out.job_step->step = step;
    if (step > 0) out.job_step->before.clear();
  }
  return out;
}

std::string UserPrincipalName(const NewUser& user) {
  auto it = user.properties.find("userPrincipalName");
  if (it == user.properties.end()) return "";
  const auto* text = std::get_if<std::string>(&it->second);
  return text ? *text : "";
}

// Undoes a creation whose follow-up failed: the user leaves no trace but the audit trail.
void RollBack(Directory& directory, const Actor& actor, const std::string& user_id) {
  Actor rollback = actor;
  rollback.job_step.reset();  // a resumed job must redo the whole row
  if (directory.DeleteUser(rollback, user_id)) {
    (void)directory.PurgeUser(rollback, user_id);
  }
}

}  // namespace

Result<CreatedUser> CreateUserCompletely(Directory& directory, const Actor& actor,
                                         const UserCreation& creation,
                                         const std::set<int>& committed_steps) {
  CreatedUser created;
  if (committed_steps.contains(0)) {
    ASSIGN_OR_RETURN(created.user, directory.GetUser(UserPrincipalName(creation.user)));
  } else {
    ASSIGN_OR_RETURN(created, directory.CreateUser(ForStep(actor, 0), creation.user,
                                                   creation.generate_password));
  }
  const std::vector<FollowUp> steps = FollowUps(directory, creation);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const int step = static_cast<int>(i) + 1;
    if (committed_steps.contains(step)) continue;
    if (Status done = steps[i].write(ForStep(actor, step), created.user.id); !done) {
      RollBack(directory, actor, created.user.id);
      Error error = std::move(done).error();
      if (error.target.empty()) error.target = steps[i].field;
      return Fail(std::move(error));
    }
  }
  if (!steps.empty()) {
    ASSIGN_OR_RETURN(created.user, directory.GetUser(created.user.id));
  }
  return created;
}

}  // namespace admin365::manage
