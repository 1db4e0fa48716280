// The one place the code talks to the log. On a runner (GITHUB_ACTIONS=true) it speaks the
// workflow-command protocol through @actions/core; on a laptop (the command line) it prints plain text.
import * as core from '@actions/core'

const onRunner = (): boolean => process.env.GITHUB_ACTIONS === 'true'

export function info(message: string): void {
  core.info(message)
}
export function debug(message: string): void {
  core.debug(message)
}
export function warning(message: string): void {
  if (onRunner()) core.warning(message)
  else process.stderr.write(`warning: ${message}\n`)
}
export function error(message: string): void {
  if (onRunner()) core.error(message)
  else process.stderr.write(`error: ${message}\n`)
}
export function notice(message: string): void {
  if (onRunner()) core.notice(message)
  else process.stdout.write(`${message}\n`)
}
export function startGroup(name: string): void {
  if (onRunner()) core.startGroup(name)
  else process.stdout.write(`── ${name}\n`)
}
export function endGroup(): void {
  if (onRunner()) core.endGroup()
}
/** Masks a secret in every later log line (a no-op off the runner, where nothing is collected). */
export function setSecret(secret: string): void {
  if (secret) core.setSecret(secret)
}
export function isDebug(): boolean {
  return core.isDebug()
}
