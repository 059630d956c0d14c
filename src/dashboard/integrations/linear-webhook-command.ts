/**
 * The one command that adds Reqio's webhook to Linear with Reqio's secret. Linear's settings
 * page makes up its own signing secret; its GraphQL API (`webhookCreate`, input `secret`) takes
 * ours, so the command goes through the API, with the owner's own key typed in its place.
 */
export function linearWebhookCommand(input: {
  url: string
  secret: string
  teamId: string | null
}): string {
  const variables = {
    input: {
      url: input.url,
      ...(input.teamId ? { teamId: input.teamId } : { allPublicTeams: true }),
      resourceTypes: ['Issue'],
      secret: input.secret,
      label: 'Reqio',
    },
  }
  const body = JSON.stringify({
    query:
      'mutation ($input: WebhookCreateInput!) { webhookCreate(input: $input) { success webhook { id } } }',
    variables,
  })
  return [
    'curl https://api.linear.app/graphql \\',
    "  -H 'Content-Type: application/json' \\",
    "  -H 'Authorization: YOUR_LINEAR_API_KEY' \\",
    `  --data '${body.replaceAll("'", "'\\''")}'`,
  ].join('\n')
}
