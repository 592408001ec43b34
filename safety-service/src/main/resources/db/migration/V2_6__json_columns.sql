-- An adverse event's seriousness criteria and treatments were JSON arrays kept as text; they are jsonb now, as every
-- other JSON column (the entity maps them as lists).
ALTER TABLE adverse_event
    ALTER COLUMN seriousness_criteria TYPE JSONB USING seriousness_criteria::jsonb,
    ALTER COLUMN treatments TYPE JSONB USING treatments::jsonb;
