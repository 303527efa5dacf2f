-- The directory object quota an operator raised the tenant to (Entra raises it through
-- Microsoft Support), or NULL for Entra's: 50,000, or 300,000 with a verified custom domain.
ALTER TABLE tenant ADD COLUMN object_quota INTEGER;
