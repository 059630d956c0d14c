-- The widget's look and tabs (Settings › Widget): one JSON value per project, read through
-- readWidgetSettings (src/shared/api/widget-settings.ts), so NULL (never changed) and any value
-- an older or newer version wrote both read as complete settings.
ALTER TABLE projects ADD COLUMN widget_settings jsonb;
