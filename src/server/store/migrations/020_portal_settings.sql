-- The public portal (Settings › Portal). portal_settings is one JSON value per project read
-- through readPortalSettings (src/shared/api/portal-settings.ts), like widget_settings (018), so
-- NULL (never changed) reads as the defaults. A custom domain serves one project's portal, so
-- two projects may not claim the same one: the unique index is what turns the second claim into
-- 409 conflict, even when both are saved at the same moment. Domains are stored lowercase.
ALTER TABLE projects ADD COLUMN site_url text;
ALTER TABLE projects ADD COLUMN sso_url text;
ALTER TABLE projects ADD COLUMN portal_settings jsonb;
CREATE UNIQUE INDEX projects_portal_domain ON projects ((portal_settings ->> 'domain'))
  WHERE portal_settings ->> 'domain' IS NOT NULL;
