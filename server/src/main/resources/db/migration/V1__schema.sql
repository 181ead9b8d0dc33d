-- Confab server schema, version 1. The same file runs on SQLite and PostgreSQL: portable types only
-- (TEXT, BIGINT, INTEGER, BYTEA), ids made by the application, no booleans, no auto-increment.

CREATE TABLE users (
    id             TEXT    NOT NULL PRIMARY KEY,
    username       TEXT    NOT NULL,
    display_name   TEXT    NOT NULL,
    password_hash  TEXT    NOT NULL,
    created_at     BIGINT  NOT NULL
);
CREATE UNIQUE INDEX users_username ON users (username);

CREATE TABLE devices (
    id                       TEXT    NOT NULL PRIMARY KEY,
    user_id                  TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name                     TEXT    NOT NULL,
    created_at               BIGINT  NOT NULL,
    last_seen_at             BIGINT  NOT NULL,
    presence                 TEXT    NOT NULL,
    identity_key             BYTEA,
    agreement_key            BYTEA,
    agreement_key_signature  BYTEA,
    inbox_next_seq           BIGINT  NOT NULL
);
CREATE INDEX devices_user ON devices (user_id);

CREATE TABLE sessions (
    id            TEXT    NOT NULL PRIMARY KEY,
    token_hash    TEXT    NOT NULL,
    user_id       TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id     TEXT    NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    created_at    BIGINT  NOT NULL,
    last_used_at  BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL
);
CREATE UNIQUE INDEX sessions_token ON sessions (token_hash);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_device ON sessions (device_id);

-- One row per direction: (a, b) and (b, a).
CREATE TABLE contacts (
    user_id     TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    contact_id  TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    since       BIGINT  NOT NULL,
    PRIMARY KEY (user_id, contact_id)
);
CREATE INDEX contacts_contact ON contacts (contact_id);

CREATE TABLE contact_requests (
    id            TEXT    NOT NULL PRIMARY KEY,
    from_user_id  TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    to_user_id    TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message       TEXT,
    status        TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);
CREATE UNIQUE INDEX contact_requests_pending ON contact_requests (from_user_id, to_user_id) WHERE status = 'pending';
CREATE INDEX contact_requests_to ON contact_requests (to_user_id, status);
CREATE INDEX contact_requests_from ON contact_requests (from_user_id, status);

CREATE TABLE blocks (
    blocker_id  TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id  TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  BIGINT  NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_blocked ON blocks (blocked_id);

-- Metadata of sent messages, for history pages and receipts. Never the content.
-- conversation is the two user ids, smaller first, joined by a space.
CREATE TABLE messages (
    sender_user_id     TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message_id         TEXT    NOT NULL,
    sender_device_id   TEXT    NOT NULL,
    recipient_user_id  TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    conversation       TEXT    NOT NULL,
    server_timestamp   BIGINT  NOT NULL,
    delivered_at       BIGINT  NOT NULL,
    read_at            BIGINT  NOT NULL,
    PRIMARY KEY (sender_user_id, message_id)
);
CREATE INDEX messages_conversation ON messages (conversation, server_timestamp, message_id);
CREATE INDEX messages_recipient ON messages (recipient_user_id, message_id);

-- Per-device store-and-forward queue. kind 'message' carries ciphertext until acknowledged;
-- kind 'receipt' reports delivered/read for a message the device's user sent (from_user_id = who).
CREATE TABLE inbox (
    device_id          TEXT    NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    seq                BIGINT  NOT NULL,
    kind               TEXT    NOT NULL,
    message_id         TEXT    NOT NULL,
    from_user_id       TEXT    NOT NULL,
    from_device_id     TEXT,
    recipient_user_id  TEXT,
    ciphertext         BYTEA,
    receipt_status     TEXT,
    created_at         BIGINT  NOT NULL,
    PRIMARY KEY (device_id, seq)
);
