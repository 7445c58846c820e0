-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.0, schema v2, for PostgreSQL): every
-- event a listener must hear durably is written here in the transaction that publishes it, and marked completed
-- once the listener has run, so that a failed listener is retried and one cut short by a shutdown runs after the
-- next start. Events hold ids and addresses, never a secret (a raw token or a password).
CREATE TABLE event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
