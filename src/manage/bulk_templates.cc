#include "manage/bulk_templates.h"

#include "manage/template_validation.h"

namespace admin365::manage {

BulkTemplates::BulkTemplates(TemplateStore* store, Directory& directory)
    : store_(store), directory_(directory) {}

Result<const ResolvedTemplate*> BulkTemplates::Get(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto it = resolved_.find(name);
  if (it == resolved_.end()) {
    Result<std::unique_ptr<ResolvedTemplate>> resolved = [&]() -> Result<std::unique_ptr<ResolvedTemplate>> {
      if (!store_) {
        return Fail(Error{.kind = ErrorKind::kFailedPrecondition,
                          .http_status = 400,
                          .code = "Request_BadRequest",
                          .message = "This job has no template store; create the users without "
                                     "a template column."});
      }
      ASSIGN_OR_RETURN(StoredTemplate stored, store_->Find(name));
      ASSIGN_OR_RETURN(ResolvedTemplate valid, ValidateTemplate(directory_, stored.definition));
      return std::make_unique<ResolvedTemplate>(std::move(valid));
    }();
    if (!resolved) resolved.error().target = "template";
    it = resolved_.emplace(name, std::move(resolved)).first;
  }
  if (!it->second) return Fail(it->second.error());
  return it->second->get();
}

}  // namespace admin365::manage
