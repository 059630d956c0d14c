import type { SnippetTarget } from '../stacks'
import type { ServerSnippet } from '../types'
import { PORTAL_ADAPT, portalAddress } from './portal-address'

/** PHP: the sign-in URL beside reqio_token.php, and a plain page for the SSO URL. */
export function phpPortalSnippet(target: SnippetTarget): ServerSnippet {
  const portal = `<?php
// reqio_portal.php: signs your signed-in users in to your Reqio portal.
require_once __DIR__ . '/reqio_token.php';

const REQIO_PORTAL = '${portalAddress(target)}'; // ${PORTAL_ADAPT}

/** The portal's sign-in with a fresh token; Reqio sends the browser on to $returnTo if it is a portal page. */
function reqioPortalSignInUrl(array $user, ?string $returnTo): string
{
    $query = ['token' => mintReqioToken($user)];
    if ($returnTo !== null && $returnTo !== '') {
        $query['return_to'] = $returnTo;
    }
    return REQIO_PORTAL . '/sso?' . http_build_query($query, '', '&', PHP_QUERY_RFC3986);
}
`
  const route = `<?php
// reqio-sign-in.php: your SSO URL (Settings › Portal), e.g. https://app.example.com/reqio-sign-in.php.
// The portal's "Sign in" sends people here with ?return_to=<the portal page they were on>.
require __DIR__ . '/vendor/autoload.php';
require __DIR__ . '/reqio_portal.php';

session_start();
$user = $_SESSION['user'] ?? null; // ADAPT: your signed-in user as an array
if ($user === null) {
    header('Location: /login?next=' . urlencode($_SERVER['REQUEST_URI'])); // ADAPT: your login page
    exit;
}
header('Cache-Control: no-store');
$returnTo = isset($_GET['return_to']) && is_string($_GET['return_to']) ? $_GET['return_to'] : null;
header('Location: ' . reqioPortalSignInUrl($user, $returnTo), true, 302);
`
  return {
    stack: 'php',
    files: [
      { path: 'reqio_portal.php', language: 'php', code: portal, role: 'portal' },
      { path: 'reqio-sign-in.php', language: 'php', code: route, role: 'usage' },
    ],
  }
}
