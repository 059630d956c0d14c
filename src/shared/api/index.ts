/** Shapes that cross the wire between widget, server and dashboard (spec/api.md), by area. */
export * from './audit'
export * from './backlog'
export * from './changelog'
export * from './companies'
export * from './portal-settings'
export * from './projects'
export * from './requests'
export * from './widget-settings'
