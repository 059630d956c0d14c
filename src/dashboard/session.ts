/**
 * The admin token lives in sessionStorage only: it is gone when the tab closes and never
 * touches a URL or localStorage.
 */
const ADMIN_TOKEN_KEY = 'reqio.dashboard.adminToken'

export function readAdminToken(): string | null {
  try {
    return sessionStorage.getItem(ADMIN_TOKEN_KEY)
  } catch {
    return null
  }
}

export function storeAdminToken(token: string): void {
  sessionStorage.setItem(ADMIN_TOKEN_KEY, token)
}

export function forgetAdminToken(): void {
  sessionStorage.removeItem(ADMIN_TOKEN_KEY)
}
