// Errors: the one base class of every error this tool throws on purpose, and the type guards that read an
// unknown thrown value without casting it. Pure: imports nothing.
//
// Each subclass names itself in its class body (`override readonly name: string = 'ConfigError'`), so the name
// is the same for every instance and survives bundling; callers tell errors apart with `instanceof`, never by
// comparing names. AWS SDK errors are the exception: AWS defines them by their `name` (the error code), which
// `awsErrorName` / `isAwsError` read.

export class ProvisionError extends Error {
  override readonly name: string = 'ProvisionError'
}

/** The message of anything thrown: an Error's message, a `message` field of another object, else its text. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message
  return String(e)
}

/** The error code of an AWS SDK error (its `name`), or of any thrown object with a string `name`. */
export function awsErrorName(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined
  const name = (e as { name?: unknown }).name
  return typeof name === 'string' ? name : undefined
}

/** True when `e` is an AWS error with one of these codes (e.g. isAwsError(err, 'NoSuchEntity', 'NoSuchEntityException')). */
export function isAwsError(e: unknown, ...names: string[]): boolean {
  const name = awsErrorName(e)
  return name !== undefined && names.includes(name)
}

/** The HTTP status an AWS SDK error carries in `$metadata`, if any. */
export function httpStatus(e: unknown): number | undefined {
  if (!e || typeof e !== 'object') return undefined
  const status = (e as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode
  return typeof status === 'number' ? status : undefined
}

/** The `code` of a Node.js system error (ENOENT, ELOOP, ECONNREFUSED, ...), if any. */
export function errnoCode(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined
  const code = (e as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}
