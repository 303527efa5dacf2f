#pragma once

// Finding what admins name in a bulk row, a template or a template's input among the
// tenant's objects, read once per job through Directory (ListSubscribedSkus, ListGroups):
// a subscription by skuId, skuPartNumber or MSOnline's AccountSkuId
// ("contoso:ENTERPRISEPACK"), a service plan by name or id, a group by object id or
// displayName. One set of messages for every caller: a miss is FieldError(field, what was
// not found and the command that shows what exists).

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/group.h"
#include "domain/licensing.h"

namespace admin365::manage {

// An input error: Request_BadRequest, with `field` as the target.
Error FieldError(std::string_view field, std::string message);

// The subscription `sku` names. Error: FieldError "The tenant has no subscription to
// 'X'; ...".
Result<const SubscribedSku*> FindSubscription(const std::vector<SubscribedSku>& skus,
                                              std::string_view field, std::string_view sku);

// The service plan of `sku` named `plan` (its name or id), or null.
const ServicePlan* FindServicePlan(const SubscribedSku& sku, std::string_view plan);

// The servicePlanId of FindServicePlan. Error: FieldError "ENTERPRISEPACK has no service
// plan 'X'; ...".
Result<std::string> FindServicePlanId(const SubscribedSku& sku, std::string_view field,
                                      std::string_view plan);

// The object id of the group whose id is `group`, else of the one group whose
// displayName it is (case-insensitive). Errors: FieldError "No group has the id or name
// 'X'; ...", "Several groups are named 'X'; ...".
Result<std::string> FindGroupId(const std::vector<Group>& groups, std::string_view field,
                                std::string_view group);

}  // namespace admin365::manage
