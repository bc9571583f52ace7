-- Whose storage quota a file counts toward: the uploader's company, or the standalone uploader. Files
-- kept before quotas count toward nobody's.
ALTER TABLE conversation_file ADD COLUMN quota_owner UUID;
