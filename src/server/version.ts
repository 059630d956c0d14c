import packageJson from '../../package.json' with { type: 'json' }

/** Reqio's version, from package.json (the build inlines it): in /healthz, /readyz and the start banner. */
export const VERSION: string = packageJson.version
