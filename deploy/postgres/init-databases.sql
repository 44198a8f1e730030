-- Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d), via psql as the
-- superuser. Each service gets its own login role and its own database and can connect to no other:
-- a service reads no other service's tables (ARCHITECTURE.md). Passwords come from the container's
-- environment (the operator's .env), never from this file; psql's \getenv reads them (psql 15 or newer).

\set ON_ERROR_STOP on

\getenv ingestion_password INGESTION_DB_PASSWORD
\getenv routing_password ROUTING_DB_PASSWORD
\getenv conversation_password CONVERSATION_DB_PASSWORD
\getenv notification_password NOTIFICATION_DB_PASSWORD
\getenv audit_password AUDIT_DB_PASSWORD

-- An unset variable stays un-interpolated below and the script stops on the syntax error.
CREATE ROLE carethread_ingestion LOGIN PASSWORD :'ingestion_password';
CREATE ROLE carethread_routing LOGIN PASSWORD :'routing_password';
CREATE ROLE carethread_conversation LOGIN PASSWORD :'conversation_password';
CREATE ROLE carethread_notification LOGIN PASSWORD :'notification_password';
CREATE ROLE carethread_audit LOGIN PASSWORD :'audit_password';

CREATE DATABASE carethread_ingestion OWNER carethread_ingestion;
CREATE DATABASE carethread_routing OWNER carethread_routing;
CREATE DATABASE carethread_conversation OWNER carethread_conversation;
CREATE DATABASE carethread_notification OWNER carethread_notification;
CREATE DATABASE carethread_audit OWNER carethread_audit;

-- PUBLIC may connect to every database by default; only each owner (and the superuser) may here.
REVOKE ALL ON DATABASE carethread_ingestion FROM PUBLIC;
REVOKE ALL ON DATABASE carethread_routing FROM PUBLIC;
REVOKE ALL ON DATABASE carethread_conversation FROM PUBLIC;
REVOKE ALL ON DATABASE carethread_notification FROM PUBLIC;
REVOKE ALL ON DATABASE carethread_audit FROM PUBLIC;
