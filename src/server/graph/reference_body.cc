#include "server/graph/reference_body.h"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "server/graph/api_errors.h"
#include "server/graph/responses.h"

namespace admin365::server {

Result<std::string> ReadReferencedId(std::string_view body) {
  ASSIGN_OR_RETURN(const boost::json::object object, ParseJsonObject(body));
  const boost::json::value* id = object.if_contains("@odata.id");
  if (id == nullptr || !id->is_string()) return Fail(InvalidObjectReference());
  return ReferencedId(id->get_string());
}

Result<std::string> ReferencedId(std::string_view reference) {
  auto url = boost::urls::parse_uri_reference(reference);
  if (!url || url->segments().empty()) return Fail(InvalidObjectReference());
  std::string last = url->segments().back();
  if (last.empty()) return Fail(InvalidObjectReference());
  return last;
}

}  // namespace admin365::server
