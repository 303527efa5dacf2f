# Generates a C++ source holding every migrations/NNNN_name.sql file, in order, as
# admin365::sqlite::BuiltInMigrations(). Run by CMake in script mode:
#   cmake -DMIGRATIONS_DIR=... -DOUTPUT=... -P embed_migrations.cmake
file(GLOB files "${MIGRATIONS_DIR}/*.sql")
list(SORT files)
set(entries "")
foreach(file IN LISTS files)
  get_filename_component(name "${file}" NAME_WE)
  string(REGEX MATCH "^[0-9]+" number "${name}")
  math(EXPR version "${number}")
  file(READ "${file}" sql)
  string(APPEND entries "    {${version}, \"${name}\", R\"admin365sql(${sql})admin365sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from src/storage/migrations by embed_migrations.cmake. Do not edit.
#include \"storage/sqlite/migrator.h\"

namespace admin365::sqlite {

namespace {
constexpr Migration kMigrations[] = {
${entries}};
}  // namespace

std::span<const Migration> BuiltInMigrations() { return kMigrations; }

}  // namespace admin365::sqlite
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
