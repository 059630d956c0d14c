import { render } from 'preact'
import { App } from './app'
import './styles.css'
// After styles.css: the chrome's rules (top bar, tabs, breadcrumbs) and their phone layout.
import './styles/navigation.css'

render(<App />, document.getElementById('app') as HTMLElement)
