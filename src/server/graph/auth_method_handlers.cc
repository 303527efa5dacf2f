// users/{user}/authentication (entra-graph-facts.md §3.7): the password, phone and email
// methods (v1.0), and beta's requirements (per-user MFA) and signInPreferences.

#include <fmt/format.h>

#include <array>
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "common/ascii.h"
#include "domain/authentication_rules.h"
#include "domain/graph_errors.h"
#include "server/graph/handlers.h"
#include "server/graph/object_json.h"
#include "server/graph/responses.h"

namespace admin365::server::handlers {
namespace {

namespace json = boost::json;

constexpr std::array<std::string_view, 3> kPhoneTypes = {"mobile", "alternateMobile", "office"};

json::object PasswordMethodJson(const PasswordMethod& method) {
  return json::object{
      {"@odata.type", "#microsoft.graph.passwordAuthenticationMethod"},
      {"id", method.id},
      {"password", nullptr},
      {"createdDateTime", method.created_date_time == 0
                              ? json::value(nullptr)
                              : json::value(FormatIso8601(method.created_date_time))}};
}

json::object PhoneMethodJson(const PhoneMethod& method) {
  return json::object{{"@odata.type", "#microsoft.graph.phoneAuthenticationMethod"},
                      {"id", method.id},
                      {"phoneNumber", method.phone_number},
                      {"phoneType", method.phone_type},
                      {"smsSignInState", method.sms_sign_in_state}};
}

json::object EmailMethodJson(const EmailMethod& method) {
  return json::object{{"@odata.type", "#microsoft.graph.emailAuthenticationMethod"},
                      {"id", method.id},
                      {"emailAddress", method.email_address}};
}

// "users('{user}')/authentication/{what}": the @odata.context fragment of a method call.
std::string MethodContext(const GraphCall& call, std::string_view what) {
  return call.Context(fmt::format("users('{}')/authentication/{}", call.params[0], what));
}

// The phone type whose fixed method id is `id`. Error: ResourceNotFound(id).
Result<std::string_view> PhoneTypeOfId(std::string_view id) {
  for (std::string_view type : kPhoneTypes) {
    if (AsciiIEquals(*PhoneMethodIdFor(type), id)) return type;
  }
  return Fail(errors::ResourceNotFound(id));
}

// The user's phone method with id `id`. Error: ResourceNotFound(id).
Result<PhoneMethod> FindPhoneMethod(GraphCall& call, std::string_view id) {
  ASSIGN_OR_RETURN(const AuthenticationInfo info,
                   call.directory.GetAuthenticationInfo(call.params[0]));
  for (const PhoneMethod& method : info.phone_methods) {
    if (AsciiIEquals(method.id, id)) return method;
  }
  return Fail(errors::ResourceNotFound(id));
}

Result<EmailMethod> FindEmailMethod(GraphCall& call, std::string_view id) {
  ASSIGN_OR_RETURN(const AuthenticationInfo info,
                   call.directory.GetAuthenticationInfo(call.params[0]));
  if (!info.email_method || !AsciiIEquals(info.email_method->id, id)) {
    return Fail(errors::ResourceNotFound(id));
  }
  return *info.email_method;
}

// The string member `name` of a method body; `error` when it has another type.
Result<std::optional<std::string>> StringMember(const json::object& body, std::string_view name,
                                                const Error& error) {
  const json::value* value = body.if_contains(name);
  if (value == nullptr || value->is_null()) return std::optional<std::string>();
  if (!value->is_string()) return Fail(error);
  return std::optional<std::string>(std::string(value->get_string()));
}

// Refuses members of `body` other than `known`.
Status OnlyMembers(const json::object& body, std::initializer_list<std::string_view> known) {
  for (const auto& member : body) {
    if (member.key() == "@odata.type") continue;
    if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
      return Fail(errors::UnknownProperty(member.key()));
    }
  }
  return Ok();
}

// A phone method body: phoneNumber (required, not empty) and phoneType.
Result<PhoneMethod> ReadPhoneMethod(std::string_view text) {
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(text));
  RETURN_IF_ERROR(OnlyMembers(body, {"phoneNumber", "phoneType"}));
  ASSIGN_OR_RETURN(const auto number,
                   StringMember(body, "phoneNumber", errors::InvalidPhoneNumber()));
  ASSIGN_OR_RETURN(const auto type, StringMember(body, "phoneType", errors::InvalidPhoneType()));
  if (!number || number->empty()) return Fail(errors::InvalidPhoneNumber());
  return PhoneMethod{.phone_number = *number, .phone_type = type.value_or("")};
}

Result<std::string> ReadEmailAddress(std::string_view text) {
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(text));
  RETURN_IF_ERROR(OnlyMembers(body, {"emailAddress"}));
  ASSIGN_OR_RETURN(const auto address,
                   StringMember(body, "emailAddress", errors::InvalidEmailMethodAddress()));
  if (!address || address->empty()) return Fail(errors::InvalidEmailMethodAddress());
  return *address;
}

}  // namespace

Result<GraphResponse> ListAuthenticationMethods(GraphCall& call) {
  ASSIGN_OR_RETURN(const AuthenticationInfo info,
                   call.directory.GetAuthenticationInfo(call.params[0]));
  json::array value{PasswordMethodJson(info.password_method)};
  for (const PhoneMethod& method : info.phone_methods) value.push_back(PhoneMethodJson(method));
  if (info.email_method) value.push_back(EmailMethodJson(*info.email_method));
  return JsonResponse(200, CollectionJson(MethodContext(call, "methods"), std::move(value)));
}

Result<GraphResponse> ListPasswordMethods(GraphCall& call) {
  ASSIGN_OR_RETURN(const AuthenticationInfo info,
                   call.directory.GetAuthenticationInfo(call.params[0]));
  return JsonResponse(200, CollectionJson(MethodContext(call, "passwordMethods"),
                                          json::array{PasswordMethodJson(info.password_method)}));
}

Result<GraphResponse> GetPasswordMethod(GraphCall& call) {
  ASSIGN_OR_RETURN(const AuthenticationInfo info,
                   call.directory.GetAuthenticationInfo(call.params[0]));
  if (!AsciiIEquals(call.params[1], kPasswordMethodId)) {
    return Fail(errors::ResourceNotFound(call.params[1]));
  }
  return JsonResponse(200, EntityJson(MethodContext(call, "passwordMethods/$entity"),
                                      PasswordMethodJson(info.password_method)));
}

// 202 Accepted with the Location of the (already finished) operation; with no newPassword
// the directory draws one, returned in the body as Graph's passwordResetResponse.
Result<GraphResponse> ResetPassword(GraphCall& call) {
  if (!AsciiIEquals(call.params[1], kPasswordMethodId)) {
    return Fail(errors::ResourceNotFound(call.params[1]));
  }
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(call.request.body, true));
  RETURN_IF_ERROR(OnlyMembers(body, {"newPassword"}));
  ASSIGN_OR_RETURN(const auto password,
                   StringMember(body, "newPassword", errors::InvalidPropertyValue("newPassword")));
  PasswordChange change{.password = password.value_or(""), .generate = !password};
  ASSIGN_OR_RETURN(const std::string generated,
                   call.directory.SetPassword(call.actor, call.params[0], change));

  const std::string& path = call.request.path;
  const std::size_t authentication = AsciiLower(path).find("/authentication/");
  GraphResponse response = generated.empty()
                               ? GraphResponse{.status = 202}
                               : JsonResponse(202, json::object{{"newPassword", generated}});
  response.headers.emplace_back(
      "Location", fmt::format("{}{}/authentication/operations/{}", call.ServiceRoot(),
                              path.substr(0, authentication), call.request.request_id));
  return response;
}

Result<GraphResponse> ListPhoneMethods(GraphCall& call) {
  ASSIGN_OR_RETURN(const AuthenticationInfo info,
                   call.directory.GetAuthenticationInfo(call.params[0]));
  json::array value;
  for (const PhoneMethod& method : info.phone_methods) value.push_back(PhoneMethodJson(method));
  return JsonResponse(200, CollectionJson(MethodContext(call, "phoneMethods"), std::move(value)));
}

Result<GraphResponse> AddPhoneMethod(GraphCall& call) {
  ASSIGN_OR_RETURN(const PhoneMethod request, ReadPhoneMethod(call.request.body));
  ASSIGN_OR_RETURN(const PhoneMethod method,
                   call.directory.SetPhoneMethod(call.actor, call.params[0], request));
  return JsonResponse(
      201, EntityJson(MethodContext(call, "phoneMethods/$entity"), PhoneMethodJson(method)));
}

Result<GraphResponse> GetPhoneMethod(GraphCall& call) {
  ASSIGN_OR_RETURN(const PhoneMethod method, FindPhoneMethod(call, call.params[1]));
  return JsonResponse(
      200, EntityJson(MethodContext(call, "phoneMethods/$entity"), PhoneMethodJson(method)));
}

// A new number for an existing phone method; its type cannot change.
Result<GraphResponse> UpdatePhoneMethod(GraphCall& call) {
  ASSIGN_OR_RETURN(const PhoneMethod current, FindPhoneMethod(call, call.params[1]));
  ASSIGN_OR_RETURN(PhoneMethod request, ReadPhoneMethod(call.request.body));
  if (!request.phone_type.empty() && request.phone_type != current.phone_type) {
    return Fail(errors::InvalidPhoneType());
  }
  request.phone_type = current.phone_type;
  RETURN_IF_ERROR(call.directory.SetPhoneMethod(call.actor, call.params[0], request));
  return NoContent();
}

Result<GraphResponse> DeletePhoneMethod(GraphCall& call) {
  ASSIGN_OR_RETURN(const std::string_view type, PhoneTypeOfId(call.params[1]));
  RETURN_IF_ERROR(call.directory.RemovePhoneMethod(call.actor, call.params[0], type));
  return NoContent();
}

Result<GraphResponse> ListEmailMethods(GraphCall& call) {
  ASSIGN_OR_RETURN(const AuthenticationInfo info,
                   call.directory.GetAuthenticationInfo(call.params[0]));
  json::array value;
  if (info.email_method) value.push_back(EmailMethodJson(*info.email_method));
  return JsonResponse(200, CollectionJson(MethodContext(call, "emailMethods"), std::move(value)));
}

Result<GraphResponse> AddEmailMethod(GraphCall& call) {
  ASSIGN_OR_RETURN(const std::string address, ReadEmailAddress(call.request.body));
  RETURN_IF_ERROR(call.directory.SetEmailMethod(call.actor, call.params[0], address));
  ASSIGN_OR_RETURN(const EmailMethod method, FindEmailMethod(call, kEmailMethodId));
  return JsonResponse(
      201, EntityJson(MethodContext(call, "emailMethods/$entity"), EmailMethodJson(method)));
}

Result<GraphResponse> GetEmailMethod(GraphCall& call) {
  ASSIGN_OR_RETURN(const EmailMethod method, FindEmailMethod(call, call.params[1]));
  return JsonResponse(
      200, EntityJson(MethodContext(call, "emailMethods/$entity"), EmailMethodJson(method)));
}

Result<GraphResponse> UpdateEmailMethod(GraphCall& call) {
  RETURN_IF_ERROR(FindEmailMethod(call, call.params[1]));
  ASSIGN_OR_RETURN(const std::string address, ReadEmailAddress(call.request.body));
  RETURN_IF_ERROR(call.directory.SetEmailMethod(call.actor, call.params[0], address));
  ASSIGN_OR_RETURN(const EmailMethod method, FindEmailMethod(call, call.params[1]));
  return JsonResponse(
      200, EntityJson(MethodContext(call, "emailMethods/$entity"), EmailMethodJson(method)));
}

Result<GraphResponse> DeleteEmailMethod(GraphCall& call) {
  RETURN_IF_ERROR(FindEmailMethod(call, call.params[1]));
  RETURN_IF_ERROR(call.directory.SetEmailMethod(call.actor, call.params[0], ""));
  return NoContent();
}

Result<GraphResponse> GetAuthenticationRequirements(GraphCall& call) {
  ASSIGN_OR_RETURN(const AuthenticationInfo info,
                   call.directory.GetAuthenticationInfo(call.params[0]));
  return JsonResponse(200,
                      json::object{{"@odata.context", MethodContext(call, "requirements/$entity")},
                                   {"perUserMfaState", MfaStateName(info.per_user_mfa_state)}});
}

Result<GraphResponse> UpdateAuthenticationRequirements(GraphCall& call) {
  const Error invalid =
      errors::InvalidPropertyValue("perUserMfaState", "StrongAuthenticationRequirements");
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(call.request.body));
  RETURN_IF_ERROR(OnlyMembers(body, {"perUserMfaState"}));
  ASSIGN_OR_RETURN(const auto name, StringMember(body, "perUserMfaState", invalid));
  const std::optional<PerUserMfaState> state = name ? ParseMfaState(*name) : std::nullopt;
  if (!state) return Fail(invalid);
  RETURN_IF_ERROR(call.directory.SetPerUserMfaState(call.actor, call.params[0], *state));
  return NoContent();
}

Result<GraphResponse> GetSignInPreferences(GraphCall& call) {
  ASSIGN_OR_RETURN(const AuthenticationInfo info,
                   call.directory.GetAuthenticationInfo(call.params[0]));
  const SignInPreferences& preferences = info.sign_in_preferences;
  const auto& preferred = preferences.user_preferred_method_for_secondary_authentication;
  return JsonResponse(
      200, json::object{{"@odata.context", MethodContext(call, "signInPreferences/$entity")},
                        {"isSystemPreferredAuthenticationMethodEnabled",
                         preferences.is_system_preferred_authentication_method_enabled},
                        {"userPreferredMethodForSecondaryAuthentication",
                         preferred ? json::value(*preferred) : json::value(nullptr)}});
}

// A partial update: the members given replace the current preferences.
Result<GraphResponse> UpdateSignInPreferences(GraphCall& call) {
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(call.request.body));
  RETURN_IF_ERROR(OnlyMembers(body, {"isSystemPreferredAuthenticationMethodEnabled",
                                     "userPreferredMethodForSecondaryAuthentication"}));
  ASSIGN_OR_RETURN(const AuthenticationInfo info,
                   call.directory.GetAuthenticationInfo(call.params[0]));
  SignInPreferences preferences = info.sign_in_preferences;
  if (const json::value* enabled =
          body.if_contains("isSystemPreferredAuthenticationMethodEnabled")) {
    if (!enabled->is_bool()) {
      return Fail(errors::InvalidPropertyValue("isSystemPreferredAuthenticationMethodEnabled",
                                               "SignInPreferences"));
    }
    preferences.is_system_preferred_authentication_method_enabled = enabled->get_bool();
  }
  if (body.contains("userPreferredMethodForSecondaryAuthentication")) {
    ASSIGN_OR_RETURN(preferences.user_preferred_method_for_secondary_authentication,
                     StringMember(body, "userPreferredMethodForSecondaryAuthentication",
                                  errors::InvalidAuthenticationMethod(
                                      "userPreferredMethodForSecondaryAuthentication")));
  }
  RETURN_IF_ERROR(call.directory.SetSignInPreferences(call.actor, call.params[0], preferences));
  return NoContent();
}

}  // namespace admin365::server::handlers
