/**
 * The seams between the portal's server-rendered markup (src/portal/) and this script: data
 * attributes, so styling and wording can change without breaking either side.
 */
export const HOOKS = {
  /** <body>: where this project's portal lives (`/p/{pid}`, or `` on its own domain). */
  root: 'data-portal-root',
  /** <form> posting a vote for the request id it names; `data-voted` says whether it counts. */
  vote: 'data-portal-vote',
  /** <form> filing a new request. */
  submit: 'data-portal-submit',
  /** <form> commenting on the request id it names. */
  comment: 'data-portal-comment',
  /** <input type="file"> of a new request or comment form (image-field.tsx). */
  images: 'data-portal-images',
  /** <ol> of a request's comments (absent while there are none). */
  comments: 'data-portal-comments',
  /** The board's GET search <form>; its `q` input searches as you type. */
  search: 'data-portal-search',
  /** The board's count line; the list (or the "nothing found" line) comes right after it. */
  count: 'data-portal-count',
} as const

export const selector = (hook: string) => `[${hook}]`
