import type { RouteDoc } from '../route-doc'

/**
 * Placeholder until the apidocs branch's index arrives: every /v1/admin/* RouteDoc, gathered
 * from routes/admin-*.ts (each exporting `adminXxxDocs`). The lead takes that branch's version.
 */
export const ADMIN_ROUTE_DOCS: readonly RouteDoc[] = []
