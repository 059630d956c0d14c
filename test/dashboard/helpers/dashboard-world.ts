/**
 * Puts the happy-dom page on the real test server's origin, the way the dashboard is served
 * in production (same origin as the API, so relative URLs and no CORS), with fresh storage.
 */
export function openDashboardOrigin(server: { url: string }): void {
  const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM
  happyDOM.setURL(`${server.url}/dashboard/`)
  sessionStorage.clear()
  localStorage.clear()
}
