// Shapes of names and ARNs the config may hold, as AWS and EKS define them.

/** EKS cluster names: 1–100 chars, starting alphanumeric (EKS CreateCluster). */
export const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9-_]*$/
export const CLUSTER_NAME_MAX = 100

/** us-west-2, us-gov-east-1, cn-north-1, eu-isoe-west-1 … */
export const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d$/

/** A Kubernetes minor as eksctl takes it: `1.32`. */
export const KUBERNETES_MINOR = /^1\.\d{1,3}$/

/** IAM role names: `[\w+=,.@-]`, 1–64 chars. */
export const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/
/** IAM instance profile names: `[\w+=,.@-]`, 1–128 chars. */
export const INSTANCE_PROFILE_NAME = /^[\w+=,.@-]{1,128}$/
export const INSTANCE_PROFILE_NAME_MAX = 128

/** arn:<partition>:iam::<account>:role/<optional path/>name */
export const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/
/** arn:<partition>:iam::<account or aws>:policy/<optional path/>name */
export const IAM_POLICY_ARN = /^arn:aws[a-z-]*:iam::(\d{12}|aws):policy\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/

export const AUTHENTICATION_MODES = ['CONFIG_MAP', 'API', 'API_AND_CONFIG_MAP'] as const

/**
 * AWS tags, as IAM takes them (its API model's tagKeyType / tagValueType; the stacks' tags reach the IAM
 * roles): keys 1–128 and values 0–256 characters of letters, digits, spaces and `_ . : / = + - @`; keys
 * starting with `aws:` (any case) are reserved for AWS.
 */
export const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u
export const TAG_KEY_MAX = 128
export const TAG_VALUE_MAX = 256
export const TAG_RESERVED_PREFIX = /^aws:/i
