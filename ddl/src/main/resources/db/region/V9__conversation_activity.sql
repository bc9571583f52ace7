-- Conversations are listed newest activity first, a page at a time, by (last_at, id): the cursor.
CREATE INDEX conversation_activity_ix ON conversation (last_at, id);
