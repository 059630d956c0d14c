/**
 * `?tag={tagId}` on the public list and the backlog: the request (named `r`) carries the tag
 * whose id is the SQL parameter `param` (request_tags_by_tag makes it an index probe).
 */
export function tagCondition(param: string): string {
  return `EXISTS (SELECT 1 FROM request_tags ft WHERE ft.request_id = r.id AND ft.tag_id = ${param})`
}
