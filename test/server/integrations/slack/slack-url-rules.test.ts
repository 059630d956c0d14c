// The address rules a Slack webhook URL passes when saved (the webhooks' rules, plus https),
// how it is masked in later answers, and how customers' words are kept from Slack's markup.
import { describe, expect, it } from 'vitest'
import { slackMessage } from '../../../../src/server/integrations/slack/slack-message'
import {
  maskedWebhookUrl,
  slackUrlProblem,
} from '../../../../src/server/integrations/slack/slack-setup'
import {
  createOutboundGuard,
  PRIVATE_TARGET_REFUSED,
  type ResolveHost,
} from '../../../../src/server/outbound/outbound-guard'

const dns: Record<string, string> = {
  'hooks.slack.com': '34.200.1.2',
  'chat.internal.example': '10.1.2.3',
  'rebinding.example': '127.0.0.1',
}
const resolve: ResolveHost = async (host) => {
  const address = dns[host]
  if (!address) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })
  return [{ address, family: 4 }]
}
const SLACK_URL = 'https://hooks.slack.com/services/T0001/B0002/abcdefghijklmnopqrstWXYZ'

describe('a Slack webhook URL', () => {
  const strict = createOutboundGuard({ allowPrivate: false, resolve })
  const local = createOutboundGuard({ allowPrivate: true, resolve })

  it('is accepted over https on a public address, and refused over http, on private addresses or with a user', async () => {
    expect(await slackUrlProblem(SLACK_URL, strict)).toBeNull()
    expect(await slackUrlProblem(SLACK_URL.replace('https', 'http'), strict)).toMatch(/https:\/\//)
    expect(await slackUrlProblem('https://chat.internal.example/hooks/x', strict)).toBe(
      PRIVATE_TARGET_REFUSED,
    )
    expect(await slackUrlProblem('https://rebinding.example/hooks/x', strict)).toBe(
      PRIVATE_TARGET_REFUSED,
    )
    expect(await slackUrlProblem('https://127.0.0.1/services/x', strict)).toBe(
      PRIVATE_TARGET_REFUSED,
    )
    expect(await slackUrlProblem('https://nowhere.example/x', strict)).toMatch(/does not resolve/)
    expect(await slackUrlProblem('https://u:p@hooks.slack.com/x', strict)).toMatch(/user/)
    expect(await slackUrlProblem('hooks.slack.com/services/x', strict)).toMatch(/not valid/)
  })

  it('may be a local http address only with REQIO_WEBHOOK_ALLOW_PRIVATE=1', async () => {
    expect(await slackUrlProblem('http://127.0.0.1:9999/services/T/B/x', local)).toBeNull()
    expect(await slackUrlProblem('ftp://127.0.0.1/x', local)).toMatch(/https:\/\//)
  })

  it('is masked to its host, the first letter of each id and its last 4 characters, and refused when pasted back masked', async () => {
    const masked = maskedWebhookUrl(SLACK_URL)
    expect(masked).toBe('https://hooks.slack.com/services/T…/B…/…WXYZ')
    expect(await slackUrlProblem(masked, strict)).toMatch(/masked/)
  })
})

describe('Slack message text', () => {
  const links = {
    dashboard: (id: string) => `https://reqio.example/dashboard/p/acme/requests/${id}`,
    public: (id: string) => `https://acme.example/?a=1|2&reqio-request=${id}`,
    changelog: 'https://reqio.example/p/acme/changelog',
  }

  it("escapes customers' words so they cannot mention the channel or forge links, and keeps links whole", () => {
    const message = slackMessage(
      {
        type: 'comment.created',
        request: { id: 'r1', title: 'A <b>', excerpt: '', votes: 1, accounts: 1, mrrCents: 0 },
        commenter: null,
        authorName: '<!here|Team>',
        excerpt: 'See <https://evil.example|your invoice> & pay',
      },
      links,
    )
    const json = JSON.stringify(message)
    expect(json).not.toMatch(/<!here|<https:\/\/evil/)
    expect(json).toContain('See &lt;https://evil.example|your invoice&gt; &amp; pay')
    expect(json).toContain('<https://acme.example/?a=1%7C2&reqio-request=r1|Public page>')
    expect(message.text).toBe('&lt;!here|Team&gt; commented on A &lt;b&gt;')
  })
})
