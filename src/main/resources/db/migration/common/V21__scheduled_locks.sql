-- One row per scheduled job (ShedLock): the instance that runs a job holds its row until lock_until, so that a job
-- runs on one instance at a time however many are started.
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP NOT NULL,
    locked_at TIMESTAMP NOT NULL,
    locked_by VARCHAR(255) NOT NULL
);
