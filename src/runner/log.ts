// The one place the code talks to the runner's log: everything else imports from here, so the
// command-line entry and the action share it, and the toolkit can be swapped or loaded lazily.
export { info, warning, error, notice, debug, startGroup, endGroup, setSecret, isDebug } from '@actions/core'
