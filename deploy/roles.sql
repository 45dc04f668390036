-- Timeline on PostgreSQL: the database, its two roles and their privileges. See deploy/README.md.
--
--   owner  runs `timeline migrate`: owns the database and the schema `timeline`, so it creates and alters tables.
--   app    runs everything else (`timeline serve`, import, queries, export, restore): reads and writes rows, and
--          cannot change the schema or delete anything.
--
-- Run it as a superuser, or as an administrator that has CREATEROLE and CREATEDB and is a member of the owner role
-- (managed services: the master user; on some, `GRANT <owner> TO <you>` first). Safe to run again: roles and the
-- database are created only when missing, and the grants are idempotent.
--
--   psql "postgres://admin@host/postgres?sslmode=require" \
--     -v db=timeline -v owner=timeline_owner -v owner_password="$OWNER_PASSWORD" \
--     -v app=timeline_app -v app_password="$APP_PASSWORD" -f deploy/roles.sql
--
-- (Passwords given with -v are visible in the process list while psql runs; on a shared machine set them afterwards
-- with \password instead, and pass any placeholder here.)

\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'owner', :'owner_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'app', :'app_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'owner', 'UTF8')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec

\connect :"db"

-- Nobody else connects; the app may connect and use temporary tables (restore stages its input in one).
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Timeline keeps everything in the schema `timeline`, owned by the owner role; `timeline migrate` fills it.
CREATE SCHEMA IF NOT EXISTS timeline AUTHORIZATION :"owner";
GRANT USAGE ON SCHEMA timeline TO :"app";

-- Tables, sequences and functions that `timeline migrate` creates later get the app's rights as they are created...
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA timeline GRANT SELECT, INSERT, UPDATE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA timeline GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA timeline GRANT EXECUTE ON FUNCTIONS TO :"app";

-- ...and those that exist already (a schema migrated before this script ran) get them now.
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA timeline TO :"app";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA timeline TO :"app";
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA timeline TO :"app";
