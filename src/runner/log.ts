// The one place the code talks to the log. On a runner (GITHUB_ACTIONS=true) it speaks the
// workflow-command protocol; on a laptop (the command line) it prints plain text.
//
// Nothing written here can start a workflow command that the code did not mean to issue: a runner
// reads any line that begins (after blanks) with `::` or `##[` as a command, so
//   - annotations, debug lines and group names are command messages, escaped as the protocol requires
//     (% → %25, CR → %0D, LF → %0A; workflow.ts);
//   - `info` is one log line: a line break inside its message (text that came from a config, a values
//     file or an AWS answer) is written as %0D / %0A, so it cannot begin a second line;
//   - `infoBlock` is for text that is several lines by nature (a rendered template, helm's own output):
//     a line of it that would read as a command has its first marker character escaped (`%3A:…`, `%23#[…`).
import { EOL } from 'node:os'
import { annotation, issueCommand, setSecret as mask } from './workflow.js'

const onRunner = (): boolean => process.env.GITHUB_ACTIONS === 'true'

/** Leading blanks, then what a runner takes for the start of a workflow command: `::` or `##[`. */
const COMMAND_START = /^(\s*)(?::(?=:)|#(?=#\[))/

/** One line of plain text that a runner cannot take for a workflow command. */
export function plainLine(text: string): string {
  return text.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(COMMAND_START, (marker: string, blanks: string) => `${blanks}${marker.endsWith(':') ? '%3A' : '%23'}`)
}

/** Several lines of plain text, each made safe like plainLine (line breaks kept). */
export function plainLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(plainLine)
    .join(EOL)
}

export function info(message: string): void {
  process.stdout.write(plainLine(message) + EOL)
}
/** Multi-line output (rendered files, a tool's own output), written line by line. */
export function infoBlock(text: string): void {
  process.stdout.write(plainLines(text) + EOL)
}
export function debug(message: string): void {
  if (onRunner()) issueCommand('debug', {}, message)
  else if (isDebug()) process.stderr.write(`debug: ${plainLines(message)}${EOL}`)
}
export function warning(message: string): void {
  if (onRunner()) annotation('warning', message)
  else process.stderr.write(`warning: ${plainLines(message)}${EOL}`)
}
export function error(message: string): void {
  if (onRunner()) annotation('error', message)
  else process.stderr.write(`error: ${plainLines(message)}${EOL}`)
}
export function notice(message: string): void {
  if (onRunner()) annotation('notice', message)
  else process.stdout.write(plainLines(message) + EOL)
}
export function startGroup(name: string): void {
  if (onRunner()) issueCommand('group', {}, name)
  else process.stdout.write(`── ${plainLine(name)}${EOL}`)
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
