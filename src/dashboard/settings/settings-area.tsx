import type { AdminProject } from '../../shared/api'
import { PERMISSION_EXPLANATIONS, type Permission } from '../../shared/roles'
import type { AdminClient } from '../api/admin-client'
import type { TeamClient } from '../api/team-client'
import { ApiKeysPage } from '../api-keys/api-keys-page'
import { WhyNot } from '../auth/why-not'
import { IdentitySettings } from '../identity/identity-settings'
import { IntegrationsPage } from '../integrations/integrations-page'
import { ModerationSettings } from '../moderation/moderation-settings'
import { NotificationsPage } from '../notifications/notifications-page'
import { AuditPage } from '../pages/audit-page'
import { SettingsPage } from '../pages/settings-page'
import { RevenueSettingsPage } from '../revenue/revenue-settings-page'
import type { SettingsSection } from '../router'
import { TagsSettingsPage } from '../tags/tags-settings-page'
import { reqioBaseOf } from './portal-address'
import { PortalSettingsPage } from './portal-settings-page'
import { SettingsNav } from './settings-nav'
import { SETTINGS_LABELS, visibleSettingsSections } from './settings-sections'
import { WidgetSettingsPage } from './widget-settings-page'
import './settings.css'

/**
 * A project's Settings tab: its own navigation beside (on a phone, above) the page chosen.
 */
export function SettingsArea({
  client,
  team,
  project,
  can,
  section,
  initialSecret,
  widgetUrl,
  onSection,
  onSaved,
}: {
  client: AdminClient
  team: TeamClient
  project: AdminProject
  can: (permission: Permission) => boolean
  section: SettingsSection
  /** A just-created project's secret, shown once on Identity. */
  initialSecret?: string
  widgetUrl: string
  onSection: (section: SettingsSection) => void
  onSaved: (project: AdminProject) => void
}) {
  const sections = visibleSettingsSections(can)
  const offered = sections.includes(section)
  return (
    <div class="settings-area">
      <div class="settings-aside">
        <SettingsNav
          projectId={project.id}
          sections={sections}
          current={section}
          onSection={onSection}
        />
        {can('configure') ? null : (
          <WhyNot
            permission="configure"
            doing="see the identity settings, webhooks and mail, integrations or API keys"
          />
        )}
      </div>
      <div class="settings-page">
        <h2>{SETTINGS_LABELS[section]}</h2>
        {offered ? (
          <SettingsSectionPage
            client={client}
            team={team}
            project={project}
            can={can}
            section={section}
            initialSecret={initialSecret}
            widgetUrl={widgetUrl}
            onSaved={onSaved}
          />
        ) : (
          // A link from an owner, opened by someone who may not see this page.
          <p role="note">{PERMISSION_EXPLANATIONS.configure}</p>
        )}
      </div>
    </div>
  )
}

function SettingsSectionPage({
  client,
  team,
  project,
  can,
  section,
  initialSecret,
  widgetUrl,
  onSaved,
}: Omit<Parameters<typeof SettingsArea>[0], 'onSection'>) {
  switch (section) {
    case 'identity':
      return (
        <IdentitySettings
          client={client}
          project={project}
          initialSecret={initialSecret}
          widgetUrl={widgetUrl}
        />
      )
    case 'project':
      return (
        <>
          <SettingsPage
            team={team}
            project={project}
            allowed={can('configure')}
            onSaved={onSaved}
          />
          <ModerationSettings
            team={team}
            project={project}
            allowed={can('configure')}
            onSaved={onSaved}
          />
        </>
      )
    case 'widget':
      return (
        <WidgetSettingsPage
          client={client}
          team={team}
          project={project}
          allowed={can('configure')}
          onSaved={onSaved}
        />
      )
    case 'portal':
      return (
        <PortalSettingsPage
          team={team}
          project={project}
          widgetUrl={widgetUrl}
          allowed={can('configure')}
          onSaved={onSaved}
        />
      )
    case 'tags':
      return <TagsSettingsPage client={client} projectId={project.id} allowed={can('configure')} />
    case 'notifications':
      return <NotificationsPage client={client} projectId={project.id} />
    case 'integrations':
      return (
        <IntegrationsPage
          client={client}
          projectId={project.id}
          reqioBase={reqioBaseOf(widgetUrl)}
        />
      )
    case 'api-keys':
      return <ApiKeysPage client={client} projectId={project.id} />
    case 'revenue':
      return <RevenueSettingsPage client={client} projectId={project.id} />
    case 'audit':
      return <AuditPage team={team} projectId={project.id} />
  }
}
