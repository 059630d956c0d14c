/** Following a request (spec/api.md v3 "Intake and moderation" > Following). */

/** `POST`/`DELETE /v1/projects/{pid}/requests/{rid}/follow`: whether the caller follows it now. */
export interface FollowResponse {
  following: boolean
}
