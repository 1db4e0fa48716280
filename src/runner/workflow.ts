// The few workflow commands the shell needs at start-up, written to GitHub's documented protocol
// (the same bytes @actions/core writes: __tests__/unit/runner checks them against it).
// Why not @actions/core here: importing it loads its OIDC client and undici, which roughly doubles
// the start-up of a `render` run. The toolkit is still used where its logic matters (getIDToken,
// @actions/exec, @actions/tool-cache), loaded only by the modes that need it.
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'

export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

export function issueCommand(command: string, properties: Record<string, string | number | undefined>, message: string): void {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',')
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`)
}

export function annotation(kind: 'error' | 'warning' | 'notice', message: string, p: AnnotationProperties = {}): void {
  issueCommand(kind, { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn }, message)
}

/** Like core.getInput: INPUT_<NAME> with spaces as underscores, upper-cased, trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** GITHUB_OUTPUT file command with a random heredoc delimiter (a value can never end it early). */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT
  if (!file) {
    issueCommand('set-output', { name }, value)
    return
  }
  // Web Crypto's global (Node 19+): loading node:crypto at start-up costs render about 3 ms
  const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} contains the delimiter`)
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (file) appendFileSync(file, markdown, { encoding: 'utf8' })
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function setFailed(message: string): void {
  process.exitCode = 1
  annotation('error', message)
}
