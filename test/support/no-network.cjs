// Node preload that forbids outbound network access:
//   node --require ./test/support/no-network.cjs ...   or   NODE_OPTIONS="--require /abs/path/no-network.cjs"
// (NODE_OPTIONS also reaches child processes, e.g. Framework's data loaders.)
//
// Any connection to a host outside the loopback range (localhost, 127.0.0.0/8, ::1) fails at once
// with ECONNREFUSED/ENOTFOUND, and is reported on stderr as
//   [no-network] BLOCKED <api> <host>[:<port>]
// and, when NO_NETWORK_LOG names a file, appended to that file as one JSON line.
// Unix sockets, pipes and loopback connections are untouched.
"use strict";

const dns = require("node:dns");
const fs = require("node:fs");
const net = require("node:net");
const tls = require("node:tls");

const MARKER = "[no-network] BLOCKED";

function isLoopback(host) {
  if (host === undefined || host === null || host === "") return true; // defaults to localhost
  host = String(host).toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  const v4 = host.replace(/^::ffff:/, "");
  return net.isIPv4(v4) && v4.startsWith("127.");
}

function block(api, host, port) {
  const where = port === undefined || port === null || port === "" ? `${host}` : `${host}:${port}`;
  try {
    process.stderr.write(`${MARKER} ${api} ${where} (pid ${process.pid})\n`);
  } catch {
    // stderr closed: still record below
  }
  if (process.env.NO_NETWORK_LOG) {
    try {
      fs.appendFileSync(
        process.env.NO_NETWORK_LOG,
        JSON.stringify({ api, host: String(host), port: port ?? null, pid: process.pid, argv: process.argv.slice(1) }) + "\n"
      );
    } catch {
      // ignore: stderr has it
    }
  }
  blocked.push({ api, host: String(host), port: port ?? null });
  const error = new Error(`${MARKER} ${api} ${where}: network access is disabled`);
  error.code = "ECONNREFUSED";
  error.host = String(host);
  return error;
}

const blocked = [];
globalThis.__noNetworkBlocked = blocked;

// net.connect, net.createConnection, tls.connect and http(s) requests all end in
// Socket.prototype.connect; so does the undici behind the global fetch.
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  let options = args[0];
  if (Array.isArray(options)) options = options[0]; // internal normalized form [options, cb]
  let host;
  let port;
  if (options !== null && typeof options === "object") {
    if (options.path !== undefined) return originalConnect.apply(this, args);
    host = options.host ?? options.hostname;
    port = options.port;
  } else if (typeof options === "string" && !/^\d+$/.test(options)) {
    return originalConnect.apply(this, args); // a pipe / unix socket path
  } else {
    port = options;
    host = typeof args[1] === "string" ? args[1] : undefined;
  }
  if (isLoopback(host)) return originalConnect.apply(this, args);
  const error = block("net.connect", host, port);
  process.nextTick(() => this.destroy(error));
  return this;
};

for (const [module, name, label] of [
  [net, "connect", "net.connect"],
  [net, "createConnection", "net.createConnection"],
  [tls, "connect", "tls.connect"]
]) {
  const original = module[name];
  module[name] = function (...args) {
    const options = args[0];
    if (options !== null && typeof options === "object" && !Array.isArray(options) && options.path === undefined) {
      const host = options.host ?? options.hostname ?? options.servername;
      if (!isLoopback(host)) {
        const socket = new net.Socket();
        const error = block(label, host, options.port);
        process.nextTick(() => socket.destroy(error));
        return socket;
      }
    }
    return original.apply(this, args);
  };
}

function dnsError(api, hostname) {
  const error = block(api, hostname);
  error.code = "ENOTFOUND";
  error.hostname = hostname;
  return error;
}

const originalLookup = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
  if (typeof options === "function") (callback = options), (options = undefined);
  if (!isLoopback(hostname)) {
    const error = dnsError("dns.lookup", hostname);
    process.nextTick(() => callback(error));
    return {};
  }
  return options === undefined ? originalLookup.call(this, hostname, callback) : originalLookup.call(this, hostname, options, callback);
};

const originalPromisesLookup = dns.promises.lookup;
dns.promises.lookup = async function lookup(hostname, options) {
  if (!isLoopback(hostname)) throw dnsError("dns.promises.lookup", hostname);
  return originalPromisesLookup.call(this, hostname, options);
};

for (const name of ["resolve", "resolve4", "resolve6", "resolveAny", "resolveCname", "resolveTxt", "resolveSrv"]) {
  const original = dns[name];
  if (typeof original !== "function") continue;
  dns[name] = function (hostname, ...rest) {
    const callback = rest[rest.length - 1];
    if (!isLoopback(hostname) && typeof callback === "function") {
      const error = dnsError(`dns.${name}`, hostname);
      process.nextTick(() => callback(error));
      return;
    }
    return original.call(this, hostname, ...rest);
  };
}

if (typeof globalThis.fetch === "function") {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = async function fetch(input, init) {
    let url;
    try {
      url = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url);
    } catch {
      return originalFetch.call(this, input, init);
    }
    if ((url.protocol === "http:" || url.protocol === "https:") && !isLoopback(url.hostname)) {
      const cause = block("fetch", url.hostname, url.port || (url.protocol === "https:" ? 443 : 80));
      throw new TypeError(`fetch failed: ${url.href}`, { cause });
    }
    return originalFetch.call(this, input, init);
  };
}

module.exports = { MARKER, blocked, isLoopback };
