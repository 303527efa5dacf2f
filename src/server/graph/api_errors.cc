#include "server/graph/api_errors.h"

#include <fmt/format.h>

#include <string>

namespace admin365::server {
namespace {

Error Make(ErrorKind kind, int status, std::string_view code, std::string message,
           std::string_view target = {}) {
  return Error{.kind = kind,
               .http_status = status,
               .code = std::string(code),
               .message = std::move(message),
               .target = std::string(target)};
}

Error BadRequest(std::string_view code, std::string message, std::string_view target = {}) {
  return Make(ErrorKind::kInvalidArgument, 400, code, std::move(message), target);
}

}  // namespace

Error UnreadableJsonPayload() {
  return BadRequest("BadRequest",
                    "Unable to read JSON request payload. Please ensure Content-Type header is "
                    "set and payload is of valid JSON format.");
}

Error BodyTooLarge(std::size_t limit) {
  return Make(ErrorKind::kInvalidArgument, 413, "Request_EntityTooLarge",
              fmt::format("The request body is larger than the limit of {} bytes.", limit));
}

Error SegmentNotFound(std::string_view segment) {
  return Make(ErrorKind::kNotFound, 400, "BadRequest",
              fmt::format("Resource not found for the segment '{}'.", segment));
}

Error MethodNotAllowed() {
  return Make(ErrorKind::kInvalidArgument, 405, "Request_BadRequest",
              "Specified HTTP method is not allowed for the request target.");
}

Error MeNeedsDelegatedToken() {
  return BadRequest("BadRequest", "/me request is only valid with delegated authentication flow.");
}

Error InvalidQueryString() {
  return BadRequest("BadRequest", "The query specified in the URI is not valid.");
}

Error DuplicateQueryOption(std::string_view name) {
  return BadRequest("BadRequest",
                    fmt::format("Query option '{}' was specified more than once, but it must be "
                                "specified at most once.",
                                name),
                    name);
}

Error InvalidPageSize(std::string_view text, int max) {
  return BadRequest(
      "Request_UnsupportedQuery",
      fmt::format("Invalid page size specified: '{}'. Must be between 1 and {} inclusive.", text,
                  max),
      "$top");
}

Error InvalidPageToken() {
  return BadRequest("Request_BadRequest",
                    "The specified page token value has expired or is invalid.", "$skiptoken");
}

Error InvalidCountOption(std::string_view text) {
  return BadRequest(
      "BadRequest",
      fmt::format("Invalid value '{}' for $count query option found. Valid values are 'true', "
                  "'false'.",
                  text),
      "$count");
}

Error UnknownSelectProperty(std::string_view name, std::string_view type) {
  return BadRequest("BadRequest",
                    fmt::format("Parsing OData Select and Expand failed: Could not find a "
                                "property named '{}' on type '{}'.",
                                name, type),
                    "$select");
}

Error UnsupportedQuery() { return BadRequest("Request_UnsupportedQuery", "Unsupported Query."); }

Error SortingNotSupported() {
  return BadRequest("Request_UnsupportedQuery", "Sorting not supported for current query.",
                    "$orderby");
}

Error SearchNeedsEventualConsistency() {
  return BadRequest("Request_UnsupportedQuery",
                    "Request with $search query parameter only works through MSGraph with a "
                    "special request header: 'ConsistencyLevel: eventual'",
                    "$search");
}

Error CountNotSupported() {
  return BadRequest("Request_BadRequest", "$count is not currently supported.");
}

Error InvalidSearch(std::string_view reason) {
  return BadRequest("BadRequest", fmt::format("Invalid $search: {}", reason), "$search");
}

Error DeletedItemsNeedTypeCast() { return UnsupportedQuery(); }

Error InvalidObjectReference() {
  return BadRequest("Request_BadRequest",
                    "The value of '@odata.id' must be the URL of a directory object.", "@odata.id");
}

Error InvalidActionParameter(std::string_view name) {
  return BadRequest("Request_BadRequest",
                    fmt::format("The parameter '{}' of the action is missing or of the wrong type.",
                                name),
                    name);
}

Error TooManyLinkChanges(std::size_t limit) {
  return BadRequest("Request_BadRequest",
                    fmt::format("A resource cannot contain more than {} link changes", limit));
}

Error GroupPropertyNotServed(std::string_view name) {
  return BadRequest("Request_BadRequest",
                    fmt::format("admin365 changes a group's members@odata.bind and "
                                "owners@odata.bind only; '{}' cannot be changed yet.",
                                name),
                    name);
}

Error TooManyCheckedIds(std::string_view name, std::size_t limit) {
  return BadRequest(
      "Request_BadRequest",
      fmt::format("At most {} ids can be checked in one request; {} has more. Split the list.",
                  limit, name),
      name);
}

Error InvalidBatchPayload(std::string_view reason) {
  return BadRequest("BadRequest", fmt::format("Invalid batch payload format: {}", reason));
}

Error TooManyBatchRequests(std::size_t limit) {
  return BadRequest("BadRequest",
                    fmt::format("Number of batch requests exceeds the limit of {}.", limit));
}

Error FailedDependency() {
  return Make(ErrorKind::kFailedPrecondition, 424, "FailedDependency",
              "The request failed because a request it depends on failed.");
}

}  // namespace admin365::server
