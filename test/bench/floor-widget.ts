// The floor for the host-cost bench: the least a Preact widget in a shadow root can be (a
// button and a list, mounted at once, its list loaded from the same Reqio server). Built with
// esbuild in the same run as the measurement, so both pages are measured alike.
import { h, render } from 'preact'
import { useEffect, useState } from 'preact/hooks'

const script = document.currentScript as HTMLScriptElement
const api = `${script.dataset.apiUrl}/v1/projects/${script.dataset.projectId}/requests?sort=top`

function Floor() {
  const [titles, setTitles] = useState<string[]>([])
  useEffect(() => {
    fetch(api)
      .then((res) => res.json())
      .then((data: { requests: Array<{ title: string }> }) =>
        setTitles(data.requests.map((r) => r.title)),
      )
  }, [])
  return h(
    'div',
    null,
    h('button', null, 'Feedback'),
    h(
      'ul',
      null,
      titles.map((t) => h('li', null, t)),
    ),
  )
}

const host = document.createElement('floor-widget')
const root = host.attachShadow({ mode: 'open' })
document.body.append(host)
render(h(Floor, null), root)
