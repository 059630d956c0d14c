// `npm run bench`: runs each benchmark module in order and prints its numbers. Not a test:
// nothing here passes or fails. To add one, append it to BENCHES.

import { benchApiKeyAuth } from './api-key-auth'
import { benchBacklogAtRisk } from './backlog-at-risk'
import { benchBacklogExport } from './backlog-export'
import { benchHostileClient } from './hostile-client'
import { benchImageUpload } from './image-upload'
import { benchLoop } from './loop'
import { benchManyProcesses } from './many-processes'
import { benchOnBehalf } from './on-behalf'
import { benchOpenApiDocument } from './openapi-document'
import { benchPersonDelete } from './person-delete'
import { benchPortalPages } from './portal-pages'
import { benchPortalScript } from './portal-script'
import { benchRequestLog } from './request-log'
import { benchServerAccounts } from './server-accounts'
import { benchServerBacklog } from './server-backlog'
import { benchServerHttp } from './server-http'
import { benchServerTokens } from './server-tokens'
import { benchServerVotes } from './server-votes'
import { benchSharedLimits } from './shared-limits'
import { benchSlackStatus } from './slack-status'
import { benchStartAndMemory } from './start-and-memory'
import { benchStripeEvent } from './stripe-event'
import { benchWidgetHostCost } from './widget-host-cost'
import { benchWidgetSize } from './widget-size'

interface Bench {
  name: string
  run(): Promise<void> | void
}

const BENCHES: Bench[] = [
  { name: 'widget size', run: benchWidgetSize },
  { name: 'widget host cost (Chromium)', run: benchWidgetHostCost },
  { name: 'portal.js size and request page in Chromium', run: benchPortalScript },
  { name: 'identity tokens', run: benchServerTokens },
  { name: 'API key authentication against the session cookie, both engines', run: benchApiKeyAuth },
  { name: 'server HTTP', run: benchServerHttp },
  { name: 'POST vote by identified voters, both engines', run: benchServerVotes },
  { name: 'on-behalf create+vote, both engines', run: benchOnBehalf },
  { name: 'image upload of a 2 MB JPEG, both engines', run: benchImageUpload },
  { name: 'request log overhead', run: benchRequestLog },
  { name: 'admin backlog at scale', run: benchServerBacklog },
  { name: 'revenue per account at scale', run: benchServerAccounts },
  { name: 'backlog CSV export at scale', run: benchBacklogExport },
  { name: 'revenue at risk at scale on PostgreSQL', run: benchBacklogAtRisk },
  { name: 'portal pages at scale', run: benchPortalPages },
  { name: 'people: erasing a person with 1,000 votes, both engines', run: benchPersonDelete },
  { name: 'Stripe event → backlog updated, both engines', run: benchStripeEvent },
  { name: 'hostile client', run: () => benchHostileClient() },
  { name: 'closing the loop (queue, webhooks, email)', run: benchLoop },
  { name: 'Slack: status change to message received, both engines', run: benchSlackStatus },
  { name: 'many processes on one PostgreSQL', run: benchManyProcesses },
  { name: 'shared limits on PostgreSQL against in memory', run: benchSharedLimits },
  { name: 'start to ready and memory', run: benchStartAndMemory },
  { name: 'OpenAPI document generation at start', run: benchOpenApiDocument },
]

for (const bench of BENCHES) {
  const started = Date.now()
  try {
    await bench.run()
  } catch (error) {
    console.error(`\n[bench] ${bench.name} failed:`, error instanceof Error ? error.message : error)
  }
  console.log(`[bench] ${bench.name}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
