// src/core/cfn/deploy-compare.ts: whether the deployed stack already is what we want, before any change set is made
// (docs/design.md, "What it creates": when template, parameters and tags are equal no change set is made).
import { describe, expect, it } from '@jest/globals'
import {
  canonicalJson,
  parameterDifferences,
  stackDifferences,
  tagDifferences,
  templateBody,
  templateDiffers
} from '../../../../src/core/cfn/deploy-compare.js'
import { singleRoleTemplate } from '../../../../src/core/templates/common.js'
import type { StackSpec } from '../../../../src/core/types.js'

const spec = (over: Partial<StackSpec> = {}): StackSpec => ({
  name: 's',
  template: singleRoleTemplate('d', 'Role1', { RoleName: 'r', Path: '/' }),
  parameters: {},
  tags: { team: 'platform', 'alpha.eksctl.io/cluster-name': 'demo' },
  capabilities: ['CAPABILITY_NAMED_IAM'],
  terminationProtection: true,
  ...over
})

describe('canonicalJson', () => {
  it('sorts object keys at every level and keeps list order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}')
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
  })
})

describe('templateDiffers', () => {
  it('is false for the same template deployed with other key order or white space', () => {
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v
    const s = spec()
    const deployed = JSON.stringify(reversed(s.template), null, 4)
    expect(deployed.startsWith('{\n    "Outputs"')).toBe(true)
    expect(templateDiffers(deployed, s)).toBe(false)
  })

  it('is true for any other value, no body, or a body that is not JSON (a change set decides then)', () => {
    const s = spec()
    expect(templateDiffers(templateBody(spec({ template: singleRoleTemplate('d', 'Role1', { RoleName: 'other', Path: '/' }) })), s)).toBe(true)
    expect(templateDiffers(undefined, s)).toBe(true)
    expect(templateDiffers('', s)).toBe(true)
    expect(templateDiffers('AWSTemplateFormatVersion: "2010-09-09"\n', s)).toBe(true)
  })

  it('templateBody is the template as JSON, the way it is sent', () => {
    expect(JSON.parse(templateBody(spec()))).toEqual(spec().template)
  })
})

describe('parameterDifferences', () => {
  const withParam = spec({
    parameters: { A: '1' },
    template: { ...spec().template, Parameters: { A: { Type: 'String' }, B: { Type: 'String', Default: 'x' } } }
  })

  it('reports changed and missing parameters, and deployed ones off their default', () => {
    expect(parameterDifferences({ Parameters: [{ ParameterKey: 'A', ParameterValue: '1' }, { ParameterKey: 'B', ParameterValue: 'x' }] }, withParam)).toEqual([])
    expect(parameterDifferences({ Parameters: [{ ParameterKey: 'A', ParameterValue: '2' }] }, withParam)).toEqual(['A: 2 → 1'])
    expect(parameterDifferences({}, withParam)).toEqual(['A: (unset) → 1'])
    expect(parameterDifferences({ Parameters: [{ ParameterKey: 'A', ParameterValue: '1' }, { ParameterKey: 'B', ParameterValue: 'y' }] }, withParam)).toEqual(['B: y → (default)'])
    expect(parameterDifferences({ Parameters: [{ ParameterKey: 'Old', ParameterValue: 'v' }] }, spec())).toEqual(['Old: v → (default)'])
  })
})

describe('tagDifferences', () => {
  it('reports changed, missing and extra tags', () => {
    const tags = (o: Record<string, string>) => ({ Tags: Object.entries(o).map(([Key, Value]) => ({ Key, Value })) })
    expect(tagDifferences(tags({ 'alpha.eksctl.io/cluster-name': 'demo', team: 'platform' }), spec())).toEqual([])
    expect(tagDifferences(tags({ 'alpha.eksctl.io/cluster-name': 'demo', team: 'ops', extra: '1' }), spec())).toEqual(['team: ops → platform', 'extra: removed'])
    expect(tagDifferences({}, spec())).toEqual(['team: (unset) → platform', 'alpha.eksctl.io/cluster-name: (unset) → demo'])
  })
})

describe('stackDifferences', () => {
  it('is empty when template, parameters and tags are equal, so no change set is made', () => {
    const s = spec()
    const stack = { Parameters: [], Tags: Object.entries(s.tags).map(([Key, Value]) => ({ Key, Value })) }
    expect(stackDifferences(stack, templateBody(s), s)).toEqual([])
  })

  it('lists the template first, then each parameter and tag difference', () => {
    expect(stackDifferences({ Tags: [{ Key: 'team', Value: 'platform' }] }, undefined, spec({ parameters: { P: 'v' } }))).toEqual([
      { what: 'template', detail: 'template body differs' },
      { what: 'parameters', detail: 'P: (unset) → v' },
      { what: 'tags', detail: 'alpha.eksctl.io/cluster-name: (unset) → demo' }
    ])
  })
})
