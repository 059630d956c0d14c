/** Tags (spec/api.md v3 "Intake and moderation"): the team's labels on requests, shown to everyone. */

export const TAG_NAME_MAX_LENGTH = 40
/** `#rrggbb`; the server stores it in lower case. */
export const TAG_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/
/** More than this on one request stops being a label and becomes noise (and a bigger answer). */
export const TAGS_PER_REQUEST_MAX = 20
/** A vocabulary, not a free-text field: the widget and the portal show every tag as a filter. */
export const TAGS_PER_PROJECT_MAX = 100

/** A tag as every answer shows it, on a request and in the project's list. */
export interface RequestTag {
  id: string
  name: string
  /** `#rrggbb`, lower case. */
  color: string
}

/** `GET /v1/admin/projects/{pid}/tags`: by name. */
export interface TagsResponse {
  tags: RequestTag[]
}
/** `POST` and `PATCH` of one tag. */
export interface TagResponse {
  tag: RequestTag
}
/** `POST /v1/admin/projects/{pid}/tags`; a PATCH takes either field. */
export interface TagInput {
  name: string
  color: string
}
