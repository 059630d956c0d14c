import { describe, expect, it } from 'vitest'
import { WEBHOOK_EVENT_TYPES } from '../../../src/server/events/events'
import { WEBHOOK_EVENT_CHOICES } from '../../../src/shared/webhook-events'

describe('the webhook events the dashboard offers', () => {
  it('are exactly the events the server lets an endpoint subscribe to, in its order', () => {
    expect(WEBHOOK_EVENT_CHOICES.map((choice) => choice.type)).toEqual([...WEBHOOK_EVENT_TYPES])
  })
})
