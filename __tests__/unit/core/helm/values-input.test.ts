// The values-file document (issue 11 item 6): one reader, one set of rules, clear errors at file:line:col.
import { describe, expect, it } from '@jest/globals'
import { parseValuesText } from '../../../../src/core/helm/values-input.js'
import { ConfigError, formatDiagnostic } from '../../../../src/core/config/diagnostics.js'

const errors = (text: string): string[] => {
  try {
    parseValuesText('ops/values.yaml', text)
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError)
    return (e as ConfigError).diagnostics.map(formatDiagnostic)
  }
  throw new Error('expected a refusal')
}

describe('parseValuesText', () => {
  it('reads a mapping; an empty file or one of comments is no values', () => {
    expect(parseValuesText('v.yaml', 'replicas: 1\nsettings:\n  featureGates: {spotToSpotConsolidation: true}\n')).toEqual({ replicas: 1, settings: { featureGates: { spotToSpotConsolidation: true } } })
    expect(parseValuesText('v.yaml', '')).toEqual({})
    expect(parseValuesText('v.yaml', '# nothing yet\n')).toEqual({})
    expect(parseValuesText('v.yaml', '---\n')).toEqual({})
  })

  it('refuses malformed YAML, a duplicated key and several documents where they are', () => {
    expect(errors('replicas: 1\nsettings:\n  clusterName: [unclosed\n')[0]).toMatch(/^ops\/values\.yaml:\d+:\d+: values-file: malformed YAML: /)
    expect(errors('replicas: 1\nreplicas: 2\n')).toEqual(['ops/values.yaml:2:1: values-file: malformed YAML: Map keys must be unique'])
    expect(errors('replicas: 1\n---\nreplicas: 2\n')).toEqual(['ops/values.yaml:2:1: values-file holds 2 YAML documents (separated by ---): expected one mapping of Helm values'])
  })

  it('refuses a list or a single value', () => {
    expect(errors('- a\n- b\n')).toEqual(['ops/values.yaml:1:1: values-file must be a mapping of Helm values (got a list, expected a mapping of Helm values)'])
    expect(errors('just text\n')).toEqual(['ops/values.yaml:1:1: values-file must be a mapping of Helm values (got a single value, expected a mapping of Helm values)'])
  })

  it('refuses an alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 8; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`)
    expect(errors(levels.join('\n') + '\n')[0]).toMatch(/^ops\/values\.yaml:1:1: values-file cannot be read: .*alias/i)
  })
})
