// Maps a caller's STS identity to a Kubernetes user the way aws-iam-authenticator does: an assumed-role ARN
// is reduced to its role ARN, then looked up in a table of { arn → username, groups }.

export interface UserMapping {
  /** Username; may use {{AccountID}}, {{SessionName}} (with '@' → '-'), {{SessionNameRaw}}, {{AccessKeyID}}. */
  username: string
  groups: string[]
}

export interface CallerIdentity {
  arn: string
  account: string
  userId: string
  accessKeyId: string
}

export interface MappedUser {
  username: string
  uid: string
  groups: string[]
  extra: Record<string, string[]>
}

const ASSUMED_ROLE = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/
const IAM_ROLE = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/

/**
 * The ARN mappings are keyed by: `arn:<p>:iam::<acct>:role/<name>` for an assumed role (paths dropped,
 * as the STS assumed-role ARN has none), the user ARN unchanged for IAM users.
 */
export function canonicalArn(arn: string): string {
  const assumed = ASSUMED_ROLE.exec(arn)
  if (assumed) return `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}`
  const role = IAM_ROLE.exec(arn)
  if (role) return `arn:${role[1]}:iam::${role[2]}:role/${role[3]}`
  return arn
}

export function sessionNameOf(arn: string): string | undefined {
  return ASSUMED_ROLE.exec(arn)?.[4]
}

/** Builds the Kubernetes user for a caller and its mapping (uid and extra as aws-iam-authenticator sets them). */
export function toKubeUser(caller: CallerIdentity, mapping: UserMapping): MappedUser {
  const session = sessionNameOf(caller.arn) ?? ''
  const username = mapping.username
    .replaceAll('{{AccountID}}', caller.account)
    .replaceAll('{{SessionNameRaw}}', session)
    .replaceAll('{{SessionName}}', session.replaceAll('@', '-'))
    .replaceAll('{{AccessKeyID}}', caller.accessKeyId)
  return {
    username,
    uid: `aws-iam-authenticator:${caller.account}:${caller.userId}`,
    groups: [...mapping.groups],
    extra: {
      arn: [caller.arn],
      canonicalArn: [canonicalArn(caller.arn)],
      sessionName: [session],
      accessKeyId: [caller.accessKeyId],
      principalId: [caller.userId]
    }
  }
}

/** Normalises a mapping table so that keys given with a role path still match (see canonicalArn). */
export function normaliseMappings(table: Record<string, UserMapping>): Map<string, UserMapping> {
  return new Map(Object.entries(table).map(([arn, m]) => [canonicalArn(arn), m]))
}
