import { describe, expect, it } from '@jest/globals'
import {
  controllerPolicyArnPattern,
  CRD_RELEASE,
  defaultInstanceProfileName,
  deriveNames,
  irsaRoleName,
  isKarpenterStackName,
  issuerHostPath,
  mainControllerPolicyName,
  partControllerPolicyName,
  podIdentityRoleName,
  roleNameFromArn,
  SERVICE_ACCOUNT
} from '../../../src/core/names.js'
import { CRD_RELEASE as HELM_CRD_RELEASE } from '../../../src/core/helm/args.js'
import { defaultControllerRoleName, KARPENTER_SERVICE_ACCOUNT } from '../../../src/core/config/identity.js'
import { clusterConfig } from '../../helpers/config.js'

describe('names derived from the cluster name (eksctl\'s)', () => {
  it('names the controller roles, the instance profile and the policies', () => {
    expect(irsaRoleName('c1')).toBe('eksctl-c1-iamservice-role')
    expect(podIdentityRoleName('c1')).toBe('c1-karpenter')
    expect(defaultInstanceProfileName('c1')).toBe('eksctl-KarpenterNodeInstanceProfile-c1')
    expect(mainControllerPolicyName('c1')).toBe('eksctl-KarpenterControllerPolicy-c1')
    expect(partControllerPolicyName('c1', 'Ec2')).toBe('eksctl-KarpenterControllerEc2Policy-c1')
  })

  it('is the one source of the service account, the CRD release and the default role name', () => {
    expect(SERVICE_ACCOUNT).toBe('karpenter')
    expect(KARPENTER_SERVICE_ACCOUNT).toBe(SERVICE_ACCOUNT)
    expect(CRD_RELEASE).toBe('karpenter-crd')
    expect(HELM_CRD_RELEASE).toBe(CRD_RELEASE)
    expect(defaultControllerRoleName('c1')).toBe(podIdentityRoleName('c1'))
  })

  it('deriveNames uses the helpers, and a given Pod Identity role name or instance profile wins', () => {
    const config = clusterConfig()
    const n = deriveNames(config, 'kube-system')
    expect(n.irsaRole).toBe(irsaRoleName(config.name))
    expect(n.podIdentityRole).toBe(podIdentityRoleName(config.name))
    expect(n.serviceAccount).toBe(SERVICE_ACCOUNT)
    expect(n.crdRelease).toBe(CRD_RELEASE)
    expect(n.irsaStack).toBe(`eksctl-${config.name}-addon-iamserviceaccount-kube-system-karpenter`)
    expect(deriveNames(config, 'kube-system', 'my-role').podIdentityRole).toBe('my-role')
    const noProfile = clusterConfig()
    delete (noProfile.karpenter as { defaultInstanceProfile?: string }).defaultInstanceProfile
    expect(deriveNames(noProfile, 'karpenter').instanceProfile).toBe(defaultInstanceProfileName(noProfile.name))
  })
})

describe('roleNameFromArn', () => {
  it('takes the last path segment', () => {
    expect(roleNameFromArn('arn:aws:iam::111122223333:role/c1-karpenter')).toBe('c1-karpenter')
    expect(roleNameFromArn('arn:aws-cn:iam::111122223333:role/team/sub/c1-karpenter')).toBe('c1-karpenter')
  })
  it('returns a bare name unchanged', () => {
    expect(roleNameFromArn('c1-karpenter')).toBe('c1-karpenter')
  })
})

describe('issuerHostPath', () => {
  it('drops the scheme and any trailing slashes', () => {
    expect(issuerHostPath('https://oidc.eks.us-west-2.amazonaws.com/id/ABC')).toBe('oidc.eks.us-west-2.amazonaws.com/id/ABC')
    expect(issuerHostPath('https://oidc.eks.us-west-2.amazonaws.com/id/ABC/')).toBe('oidc.eks.us-west-2.amazonaws.com/id/ABC')
    expect(issuerHostPath('https://oidc.eks.us-west-2.amazonaws.com/id/ABC//')).toBe('oidc.eks.us-west-2.amazonaws.com/id/ABC')
  })
  it('leaves a host path as it is', () => {
    expect(issuerHostPath('oidc.eks.cn-north-1.amazonaws.com.cn/id/X')).toBe('oidc.eks.cn-north-1.amazonaws.com.cn/id/X')
  })
})

describe('controllerPolicyArnPattern', () => {
  const re = controllerPolicyArnPattern('111122223333', 'c1')
  it('matches the main and every split controller policy of the cluster, under any path, in any partition', () => {
    expect(re.test(`arn:aws:iam::111122223333:policy/${mainControllerPolicyName('c1')}`)).toBe(true)
    expect(re.test(`arn:aws:iam::111122223333:policy/${partControllerPolicyName('c1', 'Ec2')}`)).toBe(true)
    expect(re.test(`arn:aws-cn:iam::111122223333:policy/team/${partControllerPolicyName('c1', 'Iam2')}`)).toBe(true)
  })
  it('does not match another cluster, another account or another policy', () => {
    expect(re.test(`arn:aws:iam::111122223333:policy/${mainControllerPolicyName('c10')}`)).toBe(false)
    expect(re.test(`arn:aws:iam::999999999999:policy/${mainControllerPolicyName('c1')}`)).toBe(false)
    expect(re.test('arn:aws:iam::111122223333:policy/eksctl-KarpenterNodePolicy-c1')).toBe(false)
  })
  it('escapes the cluster name', () => {
    const dotted = controllerPolicyArnPattern('111122223333', 'a.b')
    expect(dotted.test(`arn:aws:iam::111122223333:policy/${mainControllerPolicyName('a.b')}`)).toBe(true)
    expect(dotted.test(`arn:aws:iam::111122223333:policy/${mainControllerPolicyName('aXb')}`)).toBe(false)
  })
})

describe('isKarpenterStackName', () => {
  it('tells a Karpenter stack from the identity stacks', () => {
    expect(isKarpenterStackName('eksctl-c1-karpenter')).toBe(true)
    expect(isKarpenterStackName('eksctl-c1-addon-iamserviceaccount-kube-system-karpenter')).toBe(false)
    expect(isKarpenterStackName('eksctl-c1-podidentityrole-kube-system-karpenter')).toBe(false)
  })
})
