#include "cli/commands.h"

namespace admin365::cli {

void AddAuditCommands(CLI::App& app, Context& context) {
  CLI::App* audit = app.add_subcommand("audit", "Read the audit trail");
  audit->require_subcommand(1);
  auto query = std::make_shared<AuditQuery>();
  CLI::App* list = audit->add_subcommand("list", "The newest events first");
  list->add_option("--target", query->target_id, "Only events about this object id");
  list->add_option("--limit", query->limit, "At most this many events")
      ->check(CLI::Range(1, 100000));
  list->callback([&context, query] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto events = (*directory)->ListAuditEvents(*query);
    if (!events) return context.Fail(events.error());
    std::vector<Record> records;
    for (const AuditEvent& event : *events) records.push_back(AuditRecord(event));
    context.Print(records, false);
  });
}

}  // namespace admin365::cli
