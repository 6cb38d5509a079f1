#!/usr/bin/env bash
# Adds a migration with the same name for both database providers (SQLite and SQL Server).
# Usage: scripts/add-migration.sh AddClaims
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
cd src/PcnPortal.Web
dotnet ef migrations add "$name" --context SqlitePortalDbContext --output-dir Infrastructure/Data/Migrations/Sqlite
dotnet ef migrations add "$name" --context SqlServerPortalDbContext --output-dir Infrastructure/Data/Migrations/SqlServer --no-build
