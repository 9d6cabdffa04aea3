#!/bin/sh
# Run once by the postgres image on an empty data folder (deploy/compose.yaml): the tables' owner,
# which the migrations run as, and the app's own role, which may add to the audit log but not
# alter it (docs/deployment.md#two-database-roles, docs/decisions/015-database-roles.md).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$HUSTINGS_OWNER_PASSWORD" -v app_password="$HUSTINGS_APP_PASSWORD" <<'SQL'
CREATE ROLE hustings_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE hustings_app LOGIN PASSWORD :'app_password';
CREATE DATABASE hustings OWNER hustings_owner;
SQL
