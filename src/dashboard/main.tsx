import { render } from 'preact'

render(<h1>Reqio dashboard</h1>, document.getElementById('app') as HTMLElement)
