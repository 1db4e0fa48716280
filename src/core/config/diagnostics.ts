// Problems found in the user's ClusterConfig, each pinned to a file position so the log line and the
// GitHub annotation point at the exact key to fix.
// Pure: src/config/annotate.ts writes them as GitHub annotations.
import { ProvisionError } from '../errors.js'

export interface Diagnostic {
  severity: 'error' | 'warning'
  /** the config file path as the user gave it */
  file: string
  /** 1-based */
  line: number
  /** 1-based */
  col: number
  /** key path like `karpenter.version`; empty for problems with the file as a whole */
  path: string
  message: string
  /** the value as written in the file */
  got?: string
  /** what would have been accepted */
  expected?: string
  /** what the file is, when it is not the cluster config (titles the annotation) */
  subject?: 'manifest'
}

/** `FILE:LINE:COL: key.path: message (got X, expected Y)`, leaving out the parts a diagnostic does not have. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${describeWithoutLocation(d)}`
}

/** The diagnostic without its `FILE:LINE:COL: ` (an annotation carries the position itself). */
export function describeWithoutLocation(d: Diagnostic): string {
  const details: string[] = []
  if (d.got !== undefined) details.push(`got ${d.got}`)
  if (d.expected !== undefined) details.push(`expected ${d.expected}`)
  const suffix = details.length > 0 ? ` (${details.join(', ')})` : ''
  const prefix = d.path ? `${d.path}: ` : ''
  return `${prefix}${d.message}${suffix}`
}

/** Thrown when the config cannot be used; carries every error found, not just the first. */
export class ConfigError extends ProvisionError {
  override readonly name: string = 'ConfigError'
  readonly diagnostics: Diagnostic[]

  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error')
    const heading =
      errors.length === 1
        ? `${errors[0]?.file ?? 'cluster config'} has 1 error:`
        : `${errors[0]?.file ?? 'cluster config'} has ${errors.length} errors:`
    super([heading, ...diagnostics.map(formatDiagnostic)].join('\n'))
    this.diagnostics = diagnostics
  }
}
