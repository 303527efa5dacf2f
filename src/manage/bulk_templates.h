#pragma once

// BulkTemplates: the creation templates a bulk job's rows name (a Template column, or
// `--set template=NAME` for every row), each read from the store and validated against
// the tenant once per job, and the names the job's rows have taken, so that two rows
// never get the same generated UPN. Thread-safe.

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "manage/template_creation.h"
#include "manage/template_store.h"

namespace admin365::manage {

class BulkTemplates {
 public:
  // `store` may be null (no template store): rows naming a template then fail.
  BulkTemplates(TemplateStore* store, Directory& directory);

  // The latest version of template `name`, validated. Errors, with target "template":
  // TemplateNotFound, InvalidTemplate, FailedPrecondition without a store.
  Result<const ResolvedTemplate*> Get(const std::string& name);

  NameReservations& reservations() { return reservations_; }

 private:
  TemplateStore* store_;
  Directory& directory_;
  std::mutex mutex_;
  std::map<std::string, Result<std::unique_ptr<ResolvedTemplate>>, CaseInsensitiveLess> resolved_;
  NameReservations reservations_;
};

}  // namespace admin365::manage
