import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import { parseRoute } from './route.ts'
import './node/page-api.ts'
import './styles.css'

const root = document.getElementById('root')
if (root == null) throw new Error('index.html has no #root element')
createRoot(root).render(<App route={parseRoute(new URL(location.href))} />)
