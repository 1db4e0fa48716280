// Tags are held to AWS's rules when the file is read (IAM's tagKeyType / tagValueType, the `aws:` prefix).
import { describe, expect, it } from '@jest/globals'
import { load, messages, withLine } from '../helpers.js'

const withTags = (...lines: string[]): string => withLine(6, "  version: '1.32'", '  tags:', ...lines)

describe('metadata.tags', () => {
  it('keeps tags that AWS accepts: letters of any script, digits, spaces and _ . : / = + - @, an empty value', () => {
    const config = load(withTags('    karpenter.sh/discovery: demo', "    'team name': 'Plattform Ünïcode 2 + x=y @ a:b'", "    empty: ''")).config
    expect(config.tags).toEqual({ 'karpenter.sh/discovery': 'demo', 'team name': 'Plattform Ünïcode 2 + x=y @ a:b', empty: '' })
  })

  it('refuses a line break in a value, at the value, naming the character (and never printing it raw)', () => {
    expect(messages(withTags('    team: "ok\\n::error::pwned"'))).toEqual([
      'cluster.yaml:8:11: metadata.tags.team: tag value contains a line break (U+000A), which AWS does not allow in tags ' +
        '(got "ok\\n::error::pwned", expected a tag value: 0-256 letters, digits, spaces and _ . : / = + - @)'
    ])
  })

  it('refuses a block scalar whose second line is a workflow command; the message shows only its first line', () => {
    const out = messages(withTags('    team: |', '      ok', '      ::add-mask::x'))
    expect(out).toHaveLength(1)
    expect(out[0]).toMatch(/^cluster\.yaml:8:11: metadata\.tags\.team: tag value contains a line break/)
    expect(out[0]).not.toContain('\n')
  })

  it('refuses a backtick, < and other characters outside the allowed set', () => {
    expect(messages(withTags("    team: 'a` b'"))[0]).toContain('tag value contains "`" (U+0060), which AWS does not allow in tags')
    expect(messages(withTags("    team: '<b>'"))[0]).toContain('tag value contains "<" (U+003C)')
  })

  it('refuses keys: too long, reserved aws: prefix in any case, characters outside the set; at the key', () => {
    expect(messages(withTags(`    ${'k'.repeat(129)}: v`))).toEqual([
      `cluster.yaml:8:5: metadata.tags: tag key is 129 characters long (AWS allows at most 128) (got ${'k'.repeat(57)}..., expected a tag key: 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:)`
    ])
    expect(messages(withTags('    AWS:cloudformation:stack-name: x'))[0]).toContain('cluster.yaml:8:5: metadata.tags: tag keys starting with aws: are reserved for AWS')
    expect(messages(withTags('    "a\\nb": x'))[0]).toMatch(/^cluster\.yaml:8:5: metadata\.tags: tag key contains a line break/)
    expect(messages(withTags("    '': x"))[0]).toContain('a tag key must not be empty')
  })

  it('counts characters, not bytes: 256 letters pass, 257 do not', () => {
    expect(load(withTags(`    team: ${'ü'.repeat(256)}`)).config.tags.team).toHaveLength(256)
    expect(messages(withTags(`    team: ${'ü'.repeat(257)}`))[0]).toContain('tag value is 257 characters long (AWS allows at most 256)')
  })
})

describe('iam.podIdentityAssociations[].tags', () => {
  it('are held to the same rules', () => {
    const text = withLine(
      8,
      '  withOIDC: true',
      '  podIdentityAssociations:',
      '    - namespace: karpenter',
      '      serviceAccountName: karpenter',
      '      tags:',
      '        ok: fine',
      '        team: "x\\r::error::pwned"'
    )
    expect(messages(text)).toEqual([
      'cluster.yaml:14:15: iam.podIdentityAssociations[0].tags.team: tag value contains a carriage return (U+000D), which AWS does not allow in tags ' +
        '(got "x\\r::error::pwned", expected a tag value: 0-256 letters, digits, spaces and _ . : / = + - @)'
    ])
  })
})
