// The one place the code talks to the log. On a runner (GITHUB_ACTIONS=true) it speaks the
// workflow-command protocol; on a laptop (the command line) it prints plain text.
import { EOL } from 'node:os'
import { annotation, issueCommand, setSecret as mask } from './workflow.js'

const onRunner = (): boolean => process.env.GITHUB_ACTIONS === 'true'

export function info(message: string): void {
  process.stdout.write(message + EOL)
}
export function debug(message: string): void {
  if (onRunner()) issueCommand('debug', {}, message)
  else if (isDebug()) process.stderr.write(`debug: ${message}${EOL}`)
}
export function warning(message: string): void {
  if (onRunner()) annotation('warning', message)
  else process.stderr.write(`warning: ${message}${EOL}`)
}
export function error(message: string): void {
  if (onRunner()) annotation('error', message)
  else process.stderr.write(`error: ${message}${EOL}`)
}
export function notice(message: string): void {
  if (onRunner()) annotation('notice', message)
  else process.stdout.write(message + EOL)
}
export function startGroup(name: string): void {
  if (onRunner()) issueCommand('group', {}, name)
  else process.stdout.write(`── ${name}${EOL}`)
}
export function endGroup(): void {
  if (onRunner()) issueCommand('endgroup', {}, '')
}
/**
 * Masks a secret in every later log line. Always issued (not only on a runner): it costs nothing
 * elsewhere, and a runner that does not set GITHUB_ACTIONS must still mask.
 */
export function setSecret(secret: string): void {
  if (secret) mask(secret)
}
export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1'
}
