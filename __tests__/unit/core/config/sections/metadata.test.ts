// src/core/config/sections/metadata.ts: metadata.name (EKS's rule: 1-100 characters, starting alphanumeric), region
// (the aws-region input overrides it), version (a Kubernetes minor, kept as written) and tags; docs/design.md,
// "Config rules".
import { describe, expect, it } from '@jest/globals'
import { BASE, load, messages, warnings, withLine } from '../helpers.js'

describe('metadata', () => {
  it('requires metadata', () => {
    const text = [1, 2, 7, 8, 9, 10].map((n) => BASE.split('\n')[n - 1]).join('\n') + '\n'
    expect(messages(text)).toEqual(['cluster.yaml:1:1: metadata: required key is missing (expected a mapping with name and region)'])
  })
  it('requires metadata.name, pointing at the metadata mapping', () => {
    expect(messages(withLine(4))).toEqual(['cluster.yaml:4:3: metadata.name: required key is missing (expected the EKS cluster name)'])
  })
  it('rejects an invalid cluster name', () => {
    expect(messages(withLine(4, '  name: _demo'))).toEqual([
      'cluster.yaml:4:9: metadata.name: not a valid EKS cluster name (got _demo, expected letters, digits, - and _, starting with a letter or digit)'
    ])
  })
  it('rejects a cluster name over 100 characters and accepts 100', () => {
    expect(messages(withLine(4, `  name: ${'a'.repeat(101)}`))).toEqual([
      `cluster.yaml:4:9: metadata.name: cluster name is 101 characters long (got ${'a'.repeat(57)}..., expected at most 100 characters)`
    ])
    expect(load(withLine(4, `  name: ${'a'.repeat(100)}`)).config.name).toHaveLength(100)
  })
  it('rejects a cluster name that is not a string', () => {
    expect(messages(withLine(4, '  name: 42'))).toEqual(['cluster.yaml:4:9: metadata.name: must be a string (got 42, expected the EKS cluster name)'])
  })
  it('requires metadata.region without the aws-region input', () => {
    expect(messages(withLine(5))).toEqual(['cluster.yaml:4:3: metadata.region: required key is missing (expected an AWS region like us-west-2)'])
  })
  it('takes the region from the aws-region input when the file has none', () => {
    const { config, warnings } = load(withLine(5), { regionOverride: 'eu-west-1' })
    expect(config.region).toBe('eu-west-1')
    expect(warnings).toEqual([])
  })
  it('rejects a region that is not an AWS region', () => {
    expect(messages(withLine(5, '  region: US-West-2'))).toEqual([
      'cluster.yaml:5:11: metadata.region: not an AWS region (got US-West-2, expected an AWS region like us-west-2)'
    ])
  })
  it('accepts GovCloud and China regions', () => {
    expect(load(withLine(5, '  region: us-gov-west-1')).config.region).toBe('us-gov-west-1')
    expect(load(withLine(5, '  region: cn-north-1')).config.region).toBe('cn-north-1')
  })
  it('warns when the aws-region input overrides a different region, and uses the input', () => {
    expect(warnings(BASE, { regionOverride: 'eu-west-1' })).toEqual([
      'cluster.yaml:5:11: metadata.region: the aws-region input (eu-west-1) overrides the region in the file (us-west-2)'
    ])
    expect(load(BASE, { regionOverride: 'eu-west-1' }).config.region).toBe('eu-west-1')
    expect(warnings(BASE, { regionOverride: 'us-west-2' })).toEqual([])
    // an unset input arrives as an empty string: no override
    expect(load(BASE, { regionOverride: '' }).config.region).toBe('us-west-2')
    expect(messages(withLine(5), { regionOverride: '' })).toEqual([
      'cluster.yaml:4:3: metadata.region: required key is missing (expected an AWS region like us-west-2)'
    ])
  })
  it('rejects an aws-region input that is not a region', () => {
    expect(messages(BASE, { regionOverride: 'nowhere' })).toEqual([
      'cluster.yaml:5:11: metadata.region: the aws-region input is not an AWS region (got nowhere, expected an AWS region like us-west-2)'
    ])
  })
  it('keeps metadata.version as written even unquoted (1.30 is not 1.3)', () => {
    expect(load(withLine(6, '  version: 1.30')).config.kubernetesVersion).toBe('1.30')
    expect(load(withLine(6, '  version: "1.31"')).config.kubernetesVersion).toBe('1.31')
    expect(load(withLine(6)).config.kubernetesVersion).toBeUndefined()
  })
  it('rejects a metadata.version that is not a Kubernetes minor', () => {
    expect(messages(withLine(6, "  version: '1.32.1'"))).toEqual([
      "cluster.yaml:6:12: metadata.version: not a Kubernetes minor version (got '1.32.1', expected a Kubernetes minor version like '1.32')"
    ])
    expect(messages(withLine(6, '  version: true'))).toEqual([
      "cluster.yaml:6:12: metadata.version: must be a string (got true, expected a Kubernetes minor version like '1.32')"
    ])
  })
  it('reads metadata.tags and rejects values that are not strings', () => {
    expect(load(withLine(6, "  version: '1.32'", '  tags:', '    team: platform')).config.tags).toEqual({ team: 'platform' })
    expect(messages(withLine(6, "  version: '1.32'", '  tags:', '    team: 7'))).toEqual([
      'cluster.yaml:8:11: metadata.tags.team: must be a string (quote it) (got 7, expected a string)'
    ])
    expect(messages(withLine(6, "  version: '1.32'", '  tags: [a, b]'))).toEqual([
      'cluster.yaml:7:9: metadata.tags: must be a mapping (got a list, expected a mapping of strings to strings)'
    ])
  })
})
