-- Global boundary: bytes of files each company keeps (a standalone user of the Default company counts
-- alone), in every region together, since a file lands in its conversation's region. Ids only; the
-- counter follows each committed upload and deletion (StorageQuota).
CREATE TABLE storage_usage (
    owner_id    UUID   NOT NULL,
    used_bytes  BIGINT NOT NULL,
    version     BIGINT NOT NULL,
    CONSTRAINT storage_usage_pk PRIMARY KEY (owner_id)
);
