/** Submits `count` requests to a project over HTTP, each from its own visitor; answers their ids. */
export async function seedRequests(
  url: string,
  projectId: string,
  count: number,
): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': `anon-seed-${i}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: `Seed request ${i}`, body: 'For the benchmark.' }),
    })
    ids.push(((await res.json()) as { request: { id: string } }).request.id)
  }
  return ids
}
