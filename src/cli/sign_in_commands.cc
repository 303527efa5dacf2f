// `admin365 signin list`: the embedded tenant's sign-in log (domain/sign_in.h), the
// password sign-ins at `admin365 serve`'s token endpoint with their outcome, as the Entra
// admin center's sign-in logs show them (status 0 for a success, else the AADSTS code).

#include "cli/commands.h"

namespace admin365::cli {

namespace {

Record SignInRecord(const SignIn& sign_in) {
  return {{"createdDateTime", FormatIso8601(sign_in.created_date_time)},
          {"userPrincipalName", sign_in.user_principal_name},
          {"appDisplayName", sign_in.app_display_name},
          {"ipAddress", sign_in.ip_address},
          {"errorCode", std::to_string(sign_in.error_code)},
          {"failureReason", sign_in.failure_reason},
          {"id", sign_in.id},
          {"correlationId", sign_in.correlation_id}};
}

}  // namespace

void AddSignInCommands(CLI::App& app, Context& context) {
  CLI::App* sign_ins = app.add_subcommand("signin", "Read the sign-in log");
  sign_ins->require_subcommand(1);
  auto user = std::make_shared<std::string>();
  auto query = std::make_shared<SignInQuery>();
  CLI::App* list = sign_ins->add_subcommand("list", "The newest sign-ins first");
  list->add_option("--user", *user, "Only the sign-ins of this user (UPN or object id)");
  list->add_option("--limit", query->limit, "At most this many sign-ins")
      ->check(CLI::Range(1, 100000));
  list->callback([&context, user, query] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    if (!user->empty()) {
      auto found = (*directory)->GetUser(*user);
      if (!found) return context.Fail(found.error());
      query->user_id = found->id;
    }
    auto log = (*directory)->ListSignIns(*query);
    if (!log) return context.Fail(log.error());
    std::vector<Record> records;
    for (const SignIn& sign_in : *log) records.push_back(SignInRecord(sign_in));
    context.Print(records, false);
  });
}

}  // namespace admin365::cli
