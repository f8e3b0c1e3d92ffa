-- Accent-insensitive search: "chu ky so" finds "chữ ký số". unaccent() is only STABLE, so an
-- IMMUTABLE wrapper (fixed dictionary) makes it indexable; trigram indexes serve LIKE '%…%'.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION f_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE INDEX ix_plan_tasks_title_search ON plan_tasks USING gin (f_unaccent(lower(title)) gin_trgm_ops);
CREATE INDEX ix_documents_title_search ON documents USING gin (f_unaccent(lower(title)) gin_trgm_ops);
CREATE INDEX ix_documents_number_search ON documents USING gin (f_unaccent(lower(number)) gin_trgm_ops);
