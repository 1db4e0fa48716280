// Preloaded with `node --import` to prove a run makes no network call: every socket connect,
// DNS lookup and fetch is refused and recorded in the file named by NO_NETWORK_LOG.
import net from 'node:net'
import dns from 'node:dns'
import { appendFileSync } from 'node:fs'

const log = process.env.NO_NETWORK_LOG
const refuse = what => {
  if (log) appendFileSync(log, `${what}\n`)
  throw new Error(`network use refused in this test: ${what}`)
}
const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  const target = args[0]
  // Local IPC (pipes) is not network; anything with a port or host is.
  if (target && typeof target === 'object' && target.path && !target.port) return connect.apply(this, args)
  refuse(`connect ${JSON.stringify(target)}`)
}
dns.lookup = (host) => refuse(`dns.lookup ${host}`)
dns.promises.lookup = async (host) => refuse(`dns.promises.lookup ${host}`)
globalThis.fetch = async (url) => refuse(`fetch ${url}`)
