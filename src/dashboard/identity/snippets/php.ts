import { TOKEN_LIFETIME_SECONDS } from '../../../shared/identity'
import type { SnippetTarget } from './stacks'
import type { ServerSnippet } from './types'
import { widgetScriptTag } from './widget-tag'

/** PHP: a firebase/php-jwt function, then a plain PHP page that embeds the widget. */
export function phpSnippet(target: SnippetTarget): ServerSnippet {
  const mint = `<?php
// reqio_token.php: mints the identity token the Reqio widget sends with every request.
// Server only: REQIO_SECRET must never reach the browser.
// composer require firebase/php-jwt
use Firebase\\JWT\\JWT;

const REQIO_AUDIENCE = '${target.audience}';
const REQIO_TOKEN_LIFETIME_SECONDS = ${TOKEN_LIFETIME_SECONDS};

/** ADAPT: pass your signed-in user; map the keys below to your session model. */
function mintReqioToken(array $user): string
{
    $iat = time();
    $payload = [
        'sub' => (string) $user['id'], // ADAPT: your stable user id, e.g. the database row id
        'aud' => REQIO_AUDIENCE,
        'iat' => $iat,
        'exp' => $iat + REQIO_TOKEN_LIFETIME_SECONDS,
    ];
    // Send the same claims on every token: each one replaces what Reqio stores about the user,
    // so a claim left out is cleared (the newest token by iat wins).
    if (!empty($user['email'])) { // ADAPT (optional)
        $payload['email'] = $user['email'];
    }
    if (!empty($user['name'])) { // ADAPT (optional): shown beside their comments, at most 100 characters
        $payload['name'] = $user['name'];
    }
    if (!empty($user['plan'])) { // ADAPT (optional): the customer's billing, for revenue ranking
        $payload['traits'] = [
            'plan' => $user['plan'], // e.g. 'pro'
            'amount' => (int) $user['amount_cents'], // as billed, in cents; the yearly total for yearly plans
            'interval' => $user['billing_interval'], // 'month' or 'year'
        ];
    }
    // ADAPT (optional), B2B: the account the user belongs to. With it, traits are the
    // company's billing and Reqio counts the company's revenue once, however many vote.
    if (!empty($user['company_id'])) {
        $payload['company'] = [
            'id' => (string) $user['company_id'],
            'name' => $user['company_name'] ?? null,
        ];
    }
    return JWT::encode($payload, getenv('REQIO_SECRET'), 'HS256');
}
`
  const usage = `<?php
// page.php: a fresh token on every render. ADAPT: $_SESSION['user'] is your session.
require __DIR__ . '/vendor/autoload.php';
require __DIR__ . '/reqio_token.php';

session_start();
$reqioToken = isset($_SESSION['user']) ? mintReqioToken($_SESSION['user']) : '';
?>
${widgetScriptTag(target, '<?= htmlspecialchars($reqioToken) ?>')}
`
  return {
    stack: 'php',
    files: [
      { path: 'reqio_token.php', language: 'php', code: mint, role: 'mint' },
      { path: 'page.php', language: 'php', code: usage, role: 'usage' },
    ],
  }
}
