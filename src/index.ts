// Action entry point (action.yml: runs.main).
import { runAction } from './main.js'

await runAction()
