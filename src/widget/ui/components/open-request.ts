/** What a roadmap card, a shipped-request link or an update opens: that request's view. */
export type OpenRequest = (request: { id: string; title: string }) => void
