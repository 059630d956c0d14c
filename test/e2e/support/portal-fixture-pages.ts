// Portal pages for portal.js's end-to-end tests, in the markup of src/portal/ (portal-pages'
// components: the data-portal-* hooks of src/portal/client/hooks.ts), built from what the
// public API answers. The browser gets them at the portal's own URLs (Playwright answers the
// page loads); portal.js and every write go to the real server.
import type { BrowserContext, Route } from 'playwright-core'
import type {
  FeedbackComment,
  FeedbackRequest,
  RequestDetailResponse,
  RequestListResponse,
} from '../../../src/shared/api'
import type { World } from './world'

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

const plural = (count: number, one: string, other: string) =>
  `${count} ${count === 1 ? one : other}`

function document(root: string, title: string, main: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<script src="/portal.js" defer></script></head>
<body data-portal-project="${root.split('/').pop()}" data-portal-root="${root}"><main>${main}</main></body></html>`
}

function voteForm(root: string, request: FeedbackRequest): string {
  return `<form class="vote" method="post" action="${root}/requests/${request.id}/vote" data-portal-vote="${request.id}" data-voted="${request.voted}">
${request.voted ? '<input type="hidden" name="_method" value="DELETE">' : ''}
<button type="submit" aria-pressed="${request.voted}" aria-label="Vote for ${escape(request.title)}: ${request.votes}" title="${plural(request.votes, 'vote', 'votes')}"><span aria-hidden="true">▲</span><span class="count">${request.votes}</span></button></form>`
}

function boardHtml(root: string, requests: FeedbackRequest[], q: string): string {
  const list =
    requests.length === 0
      ? '<p class="empty">Nothing found</p>'
      : `<ol class="list" data-portal-list="">${requests
          .map(
            (r) =>
              `<li class="row" data-portal-request="${r.id}">${voteForm(root, r)}<a class="row-title" href="${root}/requests/${r.id}">${escape(r.title)}</a></li>`,
          )
          .join('')}</ol>`
  return document(
    root,
    'Board',
    `<h1>Board</h1>
<form class="search" role="search" method="get" action="${root}" data-portal-search="">
<label for="portal-q">Search</label><input id="portal-q" type="search" name="q" value="${escape(q)}"><button type="submit">Search</button></form>
<p class="count" aria-live="polite" data-portal-count="">${plural(requests.length, 'request', 'requests')}</p>
${list}
<section class="new" aria-labelledby="portal-new"><h2 id="portal-new">Suggest a feature</h2>
<form method="post" action="${root}/requests" data-portal-submit="">
<label for="portal-title">Title</label><input id="portal-title" name="title" required>
<label for="portal-body">Details</label><textarea id="portal-body" name="body"></textarea>
<button type="submit">Send</button></form></section>`,
  )
}

function requestHtml(root: string, request: FeedbackRequest, comments: FeedbackComment[]): string {
  const thread =
    comments.length === 0
      ? '<p class="empty">No comments yet</p>'
      : `<ol class="comments" data-portal-comments="${request.id}">${comments
          .map(
            (c) =>
              `<li id="comment-${c.id}" class="comment"><p class="comment-head"><strong>${escape(c.author.name)}</strong></p><p class="comment-body">${escape(c.body)}</p></li>`,
          )
          .join('')}</ol>`
  return document(
    root,
    request.title,
    `<article class="request" data-portal-request="${request.id}">${voteForm(root, request)}<h1>${escape(request.title)}</h1>
<section class="thread" aria-labelledby="portal-comments"><h2 id="portal-comments">${plural(request.commentCount, 'comment', 'comments')}</h2>
${thread}
<form class="comment-form" method="post" action="${root}/requests/${request.id}/comments" data-portal-comment="${request.id}">
<label for="portal-comment">Your comment</label><textarea id="portal-comment" name="body" required></textarea>
<button type="submit">Comment</button></form></section></article>`,
  )
}

/**
 * Serves the fixture board and request pages of `projectId` to every page of `context`. A
 * form post's 303 (JavaScript off) is followed here, since Playwright does not route the GET
 * of a redirect: the browser gets the page the server sent it to, and `redirects` the Location.
 */
export async function routePortalPages(
  world: World,
  context: BrowserContext,
  projectId: string,
): Promise<{ redirects: string[] }> {
  const root = `/p/${projectId}`
  const api = `${world.server.url}/v1/projects/${projectId}`
  const redirects: string[] = []
  const render = async (url: URL): Promise<string | null> => {
    if (url.pathname === root) {
      const q = url.searchParams.get('q') ?? ''
      const res = await fetch(`${api}/requests?sort=new&q=${encodeURIComponent(q)}`)
      const { requests } = (await res.json()) as RequestListResponse
      return boardHtml(root, requests, q)
    }
    const match = new RegExp(`^${root}/requests/([^/]+)$`).exec(url.pathname)
    if (!match) return null
    const res = await fetch(`${api}/requests/${match[1]}`)
    const { request: detail } = (await res.json()) as RequestDetailResponse
    return requestHtml(root, detail, detail.comments)
  }
  const html = (route: Route, body: string) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })
  const answer = async (route: Route) => {
    const request = route.request()
    if (request.method() !== 'GET') {
      if (!request.isNavigationRequest()) return route.continue()
      const response = await route.fetch({ maxRedirects: 0 })
      const location = response.headers().location
      const page = location ? await render(new URL(location, request.url())) : null
      if (response.status() !== 303 || !location || page === null)
        return route.fulfill({ response })
      redirects.push(location)
      return html(route, page)
    }
    const page = await render(new URL(request.url()))
    return page === null ? route.continue() : html(route, page)
  }
  await context.route(`${world.server.url}${root}**`, answer)
  return { redirects }
}
