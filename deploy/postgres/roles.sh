#!/usr/bin/env bash
# Generated from the local stack's roles (local-stack PostgresSetup.Role): do not edit. To make it again:
#   ./mvnw -pl deployment -am verify -Dtradeloop.regenerate=true
# Run once by the PostgreSQL image when it makes its database: a role per service, owning its
# schema only, with its password from TRADELOOP_POSTGRES_PASSWORD_<ROLE>.
set -euo pipefail
sql() { psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -c "$1"; }
sql "REVOKE ALL ON SCHEMA public FROM PUBLIC"
sql "CREATE ROLE risk_service LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '${TRADELOOP_POSTGRES_PASSWORD_RISK_SERVICE:?}'"
sql "CREATE SCHEMA risk AUTHORIZATION risk_service"
sql "CREATE ROLE order_service LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '${TRADELOOP_POSTGRES_PASSWORD_ORDER_SERVICE:?}'"
sql "CREATE SCHEMA orders AUTHORIZATION order_service"
sql "CREATE ROLE exit_service LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '${TRADELOOP_POSTGRES_PASSWORD_EXIT_SERVICE:?}'"
sql "CREATE SCHEMA exits AUTHORIZATION exit_service"
sql "CREATE ROLE portfolio_service LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '${TRADELOOP_POSTGRES_PASSWORD_PORTFOLIO_SERVICE:?}'"
sql "CREATE SCHEMA portfolio AUTHORIZATION portfolio_service"
sql "CREATE ROLE exchange_sim LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '${TRADELOOP_POSTGRES_PASSWORD_EXCHANGE_SIM:?}'"
sql "CREATE SCHEMA sim AUTHORIZATION exchange_sim"
