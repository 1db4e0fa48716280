import { describe, expect, it } from '@jest/globals'
import { InputError, parseDuration, readInputs } from '../../../src/inputs/read.js'

const read = (raw: Record<string, string>) => readInputs(name => raw[name] ?? '')

describe('readInputs', () => {
  it('applies the SPEC defaults', () => {
    const i = read({ 'cluster-config': 'c.yaml' })
    expect(i).toMatchObject({
      clusterConfig: 'c.yaml',
      mode: 'apply',
      audience: 'sts.amazonaws.com',
      roleSessionName: 'karpenter-provision',
      roleDurationSeconds: 3600,
      helmVersion: 'auto',
      chart: 'oci://public.ecr.aws/karpenter/karpenter',
      namespace: 'karpenter',
      timeoutSeconds: 600,
      failOnDrift: true,
      installChart: true,
      nodeAccess: 'auto',
      controllerIdentity: 'auto'
    })
    expect(i.roleToAssume).toBeUndefined()
  })

  it('reports every bad input at once, naming the input, the value and what is expected', () => {
    let error: unknown
    try {
      read({ mode: 'destroy', 'role-duration-seconds': '60', timeout: 'soon', 'install-chart': 'yes', 'node-access': 'iam', 'role-to-assume': 'deployer', namespace: 'Kube_System', 'helm-version': 'latest' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    const problems = (error as InputError).problems
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('input cluster-config is required'),
        'input mode: "destroy" is not one of apply, plan, drift, delete, render',
        'input role-duration-seconds: "60" is not a whole number of seconds from 900 to 43200',
        'input timeout: "soon" is not a duration (expected e.g. 600, 90s, 10m, 1h30m)',
        'input install-chart: "yes" is not a boolean (expected true or false)',
        'input node-access: "iam" is not one of auto, access-entry, aws-auth, none',
        expect.stringContaining('input role-to-assume: "deployer" is not an IAM role ARN'),
        expect.stringContaining('input namespace: "Kube_System" is not a Kubernetes namespace name'),
        'input helm-version: "latest" is not auto or a version like 3.18.4'
      ])
    )
    expect(problems).toHaveLength(9)
  })

  // issue 11 item 5: whole decimal numbers only, bounded
  it.each(['0x1000', '1e3', '3600.0', '+3600', ' 36 00', '3600s', '899', '43201', '99999999999999999999'])(
    'role-duration-seconds %j is refused',
    value => expect(() => read({ 'cluster-config': 'c', 'role-duration-seconds': value })).toThrow(/input role-duration-seconds: .* is not a whole number of seconds from 900 to 43200/)
  )
  it.each([['900', 900], ['43200', 43200], ['7200', 7200]])('role-duration-seconds %s is accepted', (value, seconds) => {
    expect(read({ 'cluster-config': 'c', 'role-duration-seconds': value }).roleDurationSeconds).toBe(seconds)
  })
  it.each(['99999999999999999999h', '25h', '86401', '1441m', '0x10', '1e3', '600.0'])('timeout %j is refused, naming the bound', value => {
    expect(() => read({ 'cluster-config': 'c', timeout: value })).toThrow(/input timeout: .* (is not a duration|is longer than 24h)/)
  })
  it.each([['24h', 86400], ['86400', 86400], ['1h30m', 5400]])('timeout %s is accepted', (value, seconds) => {
    expect(read({ 'cluster-config': 'c', timeout: value }).timeoutSeconds).toBe(seconds)
  })

  // issue 11 item 4: the chart goes into helm's argv, so it can never be a flag
  it.each(['--post-renderer=/tmp/x', '-f', 'http://charts.example.com/karpenter', 'file:///etc/karpenter', 'oci://', 'oci://host/chart --debug', 'charts/karpenter\n--set=x'])(
    'chart %j is refused',
    value => expect(() => read({ 'cluster-config': 'c', chart: value.replace('\\n', '\n') })).toThrow(/input chart: .* is not an oci:\/\/ or https:\/\/ chart reference or a path/)
  )
  it.each(['oci://public.ecr.aws/karpenter/karpenter', 'oci://127.0.0.1:5000/charts/karpenter', 'https://charts.example.com/karpenter-1.2.1.tgz', 'charts/karpenter', './charts/karpenter', '/opt/charts/karpenter'])(
    'chart %j is accepted',
    value => expect(read({ 'cluster-config': 'c', chart: value }).chart).toBe(value)
  )

  it('accepts a v-prefixed helm version and strips the v', () => {
    expect(read({ 'cluster-config': 'c', 'helm-version': 'v3.18.4' }).helmVersion).toBe('3.18.4')
  })
})

describe('parseDuration', () => {
  it.each([
    ['600', 600],
    ['90s', 90],
    ['10m', 600],
    ['1h30m', 5400],
    ['1h', 3600]
  ])('%s is %d seconds', (text, seconds) => expect(parseDuration(text)).toBe(seconds))
  it.each(['', '0', '0s', '10 m', 'm', '-5', '1.5m'])('%j is refused', text => expect(parseDuration(text)).toBeUndefined())
})
