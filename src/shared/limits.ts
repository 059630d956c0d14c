/** Input limits enforced by the server and mirrored by the widget's forms. */
export const TITLE_MAX_LENGTH = 160
export const BODY_MAX_LENGTH = 5000
export const PAYLOAD_MAX_BYTES = 64 * 1024
export const COMMENT_MAX_LENGTH = 5000
export const STATUS_NOTE_MAX_LENGTH = 1000
/** The token's optional `name` claim. */
export const NAME_MAX_LENGTH = 100
/** Public comments a request's detail carries, and the default page of older ones. */
export const COMMENTS_PAGE_SIZE = 50
/** The most `limit` may ask for in one page of comments. */
export const COMMENTS_PAGE_MAX = 100
