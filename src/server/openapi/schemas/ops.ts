import * as v from 'valibot'
import { IsoDateTime } from './requests'

export const HealthSchema = v.strictObject({
  status: v.literal('ok'),
  version: v.pipe(v.string(), v.description('From package.json.')),
})

export const ReadySchema = v.strictObject({
  status: v.literal('ready'),
  version: v.string(),
})

export const NotReadySchema = v.strictObject({
  status: v.picklist(['unavailable', 'draining']),
})

export const DemoTokenResponseSchema = v.strictObject({
  token: v.pipe(v.string(), v.description('An identity token for the demo project.')),
  expiresAt: IsoDateTime,
})

export const DemoCustomersResponseSchema = v.strictObject({
  customers: v.array(
    v.object({
      key: v.string(),
      label: v.string(),
      sub: v.string(),
    }),
  ),
})

export const UnsubscribedSchema = v.strictObject({ unsubscribed: v.literal(true) })
