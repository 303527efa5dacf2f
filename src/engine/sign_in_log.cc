#include "engine/sign_in_log.h"

namespace admin365::engine {

Status SignInLog::Append(const SignIn& sign_in) {
  sqlite::Statement& insert = db_.Prepare(
      "INSERT INTO sign_ins (id, created_at, user_id, user_principal_name, user_display_name, "
      "app_id, app_display_name, ip_address, correlation_id, error_code, failure_reason) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.Bind(1, sign_in.id);
  insert.Bind(2, sign_in.created_date_time);
  insert.Bind(3, sign_in.user_id);
  insert.Bind(4, sign_in.user_principal_name);
  insert.Bind(5, sign_in.user_display_name);
  insert.Bind(6, sign_in.app_id);
  insert.Bind(7, sign_in.app_display_name);
  insert.Bind(8, sign_in.ip_address);
  insert.Bind(9, sign_in.correlation_id);
  insert.Bind(10, sign_in.error_code);
  insert.Bind(11, sign_in.failure_reason);
  return insert.Run();
}

Result<std::vector<SignIn>> SignInLog::List(const SignInQuery& query) {
  sqlite::Statement& select = db_.Prepare(
      "SELECT id, created_at, user_id, user_principal_name, user_display_name, app_id, "
      "app_display_name, ip_address, correlation_id, error_code, failure_reason, sequence "
      "FROM sign_ins WHERE (?1 = '' OR user_id = ?1) AND (?3 = 0 OR sequence < ?3) "
      "ORDER BY sequence DESC LIMIT ?2");
  select.Bind(1, query.user_id);
  select.Bind(2, query.limit);
  select.Bind(3, query.before_sequence);
  std::vector<SignIn> out;
  while (true) {
    ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    out.push_back(SignIn{.sequence = select.Int(11),
                         .id = select.Text(0),
                         .created_date_time = select.Int(1),
                         .user_id = select.Text(2),
                         .user_principal_name = select.Text(3),
                         .user_display_name = select.Text(4),
                         .app_id = select.Text(5),
                         .app_display_name = select.Text(6),
                         .ip_address = select.Text(7),
                         .correlation_id = select.Text(8),
                         .error_code = static_cast<int>(select.Int(9)),
                         .failure_reason = select.Text(10)});
  }
  return out;
}

Status SignInLog::PurgeBefore(UnixSeconds cutoff) {
  sqlite::Statement& purge = db_.Prepare("DELETE FROM sign_ins WHERE created_at < ?");
  purge.Bind(1, cutoff);
  return purge.Run();
}

}  // namespace admin365::engine
