#!/usr/bin/env node
// Fill Observable Framework's npm cache from node_modules, so that `observable build`,
// `observable preview` and the built site need no network at all (no jsDelivr, no npm
// registry, no DuckDB extension server). See OFFLINE.md for the why and how.
//
// Usage: node scripts/offline-cache.mjs [--root DIR] [--force] [--clean-loader-cache] [--quiet]
//   --root DIR             Framework source root (default: docs/ of this project)
//   --force                rebuild the cache even if it looks up to date
//   --clean-loader-cache   also delete cached data-loader output in DIR/.observablehq/cache
//                          (everything except _npm/ and _node/), because `observable build`
//                          reuses stale loader output otherwise
//   --quiet                print nothing unless something goes wrong
//
// How Framework 1.13.4 resolves `npm:` imports (node_modules/@observablehq/framework/dist/npm.js):
//   * resolveNpmVersion(): an exact version is used as is; otherwise the highest version for that
//     name found as a directory `<root>/.observablehq/cache/_npm/<name>@<version>` that satisfies
//     the range wins; only when none does, it asks registry.npmjs.org.
//   * populateNpmCache(): `/_npm/<name>@<version>/<file>` is used as is when the file exists;
//     only otherwise it is downloaded from cdn.jsdelivr.net (`+esm` bundle → `_esm.js`,
//     `sub/path/+esm` → `sub/path._esm.js`, files with an extension verbatim).
// So this script writes, for each library below, an ESM bundle of the installed version at the
// path Framework expects, with its npm dependencies left as relative imports of their own
// bundles (like jsDelivr's +esm does), so a dependency shared by several libraries (d3-array,
// apache-arrow, ...) is one module in the browser.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { processAlive } from "../dist/src/lock.js";

const started = performance.now();
const scriptPath = fileURLToPath(import.meta.url);
const projectDir = path.resolve(path.dirname(scriptPath), "..");

// Libraries vendored into the cache (they must be installed, see package.json). Every one of
// them is shared: whoever imports it gets this one copy (Framework does the same for
// apache-arrow, resolving duckdb-wasm's and arquero's arrow to "latest", see npm.js).
const VENDORED = [
  "@observablehq/plot", // Plot
  "d3", // d3 (its d3-* packages are pulled in as dependencies)
  "d3-dsv", // FileAttachment.csv()/tsv()
  "htl", // html, svg, and Inputs
  "isoformat", // Inputs, Plot
  "apache-arrow", // Arrow, FileAttachment.arrow()/parquet(), DuckDB
  "parquet-wasm", // FileAttachment.parquet()
  "@duckdb/duckdb-wasm" // sql, DuckDBClient (exact version pinned by Framework: DUCKDB_WASM_VERSION)
];

// Libraries Framework's client *may* import but that this project does not vendor. They only get
// an empty version directory so that resolving their version (when Framework bundles its client,
// which mentions all of them in lazy imports) does not ask the npm registry. A page that really
// uses one of them makes `observable build` try to download it and fail: vendor it first.
const PLACEHOLDER_VERSION = "0.0.0-not-vendored";

function parseArgs(argv) {
  const options = { root: path.join(projectDir, "docs"), force: false, cleanLoaderCache: false, quiet: false };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (arg === "--root") options.root = path.resolve(argv[++i] ?? usage());
    else if (arg.startsWith("--root=")) options.root = path.resolve(arg.slice("--root=".length));
    else if (arg === "--force") options.force = true;
    else if (arg === "--clean-loader-cache") options.cleanLoaderCache = true;
    else if (arg === "--quiet") options.quiet = true;
    else usage();
  }
  return options;
}

function usage() {
  console.error("usage: node scripts/offline-cache.mjs [--root DIR] [--force] [--clean-loader-cache] [--quiet]");
  process.exit(2);
}

const options = parseArgs(process.argv.slice(2));
const log = (message) => options.quiet || console.error(`offline-cache: ${message}`);
const cacheDir = path.join(options.root, ".observablehq", "cache");
const npmDir = path.join(cacheDir, "_npm");
const stampPath = path.join(options.root, ".observablehq", "offline-npm-cache.json");

const projectRequire = createRequire(path.join(projectDir, "package.json"));
const frameworkDir = path.dirname(projectRequire.resolve("@observablehq/framework/package.json"));
const frameworkVersion = readJson(path.join(frameworkDir, "package.json")).version;

function readJson(file) {
  return JSON.parse(readFileSync(file, "utf-8"));
}

function sha256(...parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

// Everything that changes what this script writes: the script itself, Framework's version,
// and the installed packages (package-lock.json, or else the vendored packages' versions).
function cacheKey() {
  const lockPath = path.join(projectDir, "package-lock.json");
  const lock = existsSync(lockPath)
    ? readFileSync(lockPath)
    : VENDORED.map((name) => `${name}@${readJson(path.join(findPackageDir(name, projectDir), "package.json")).version}`).join();
  return sha256(readFileSync(scriptPath), frameworkVersion, lock, process.version.split(".")[0]);
}

function isUpToDate(key) {
  if (options.force || !existsSync(stampPath)) return false;
  try {
    const stamp = readJson(stampPath);
    if (stamp.key !== key) return false;
    for (const dir of stamp.dirs) if (!existsSync(path.join(npmDir, dir))) return false;
    for (const file of stamp.files) if (!existsSync(path.join(npmDir, file))) return false;
    return stamp;
  } catch {
    return false;
  }
}

// Delete cached loader output (and Framework's built client bundles), keep the npm cache
// (_npm, written here) and Framework's own node_modules bundles (_node, keyed by version).
async function cleanLoaderCache() {
  if (!existsSync(cacheDir)) return 0;
  // (a preview or build running now reads it: left to the site config, which drops what differs from this run's
  // inputs, or stops this run when the other one reads another warehouse: src/loadercache.ts)
  const users = path.join(options.root, ".observablehq", "loader-users");
  const live = existsSync(users) ? readdirSync(users).map((f) => Number(f.replace(/\.json$/, ""))).filter((pid) => Number.isInteger(pid) && processAlive(pid)) : [];
  if (live.length > 0) {
    log(`not clearing cached loader output: in use by process ${live.join(", ")} (a running preview or build)`);
    return 0;
  }
  let removed = 0;
  for (const entry of readdirSync(cacheDir)) {
    if (entry === "_npm" || entry === "_node") continue;
    await rm(path.join(cacheDir, entry), { recursive: true, force: true });
    ++removed;
  }
  return removed;
}

function findPackageDir(name, fromDir) {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`cannot find package ${name} from ${path.relative(projectDir, fromDir) || "."}: run npm ci`);
}

// "npm:" specifiers named by Framework: its client code (recommended libraries, stdlib,
// FileAttachment), the implicit imports and downloads (libraries.js) and resolvers.js.
function findFrameworkSpecifiers() {
  const files = [
    path.join(frameworkDir, "dist", "libraries.js"),
    path.join(frameworkDir, "dist", "resolvers.js")
  ];
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (entry.endsWith(".js")) files.push(file);
    }
  };
  walk(path.join(frameworkDir, "dist", "client"));
  const specifiers = new Set();
  for (const file of files) {
    for (const match of readFileSync(file, "utf-8").matchAll(/["'`]npm:([^"'`\s${}]+)["'`]/g)) {
      specifiers.add(match[1]);
    }
  }
  return specifiers;
}

// Same as Framework's parseNpmSpecifier: "name@range/path" → {name, range, path}.
function parseSpecifier(specifier) {
  const parts = specifier.split("/");
  const namerange = specifier.startsWith("@") ? [parts.shift(), parts.shift()].join("/") : parts.shift();
  const ranged = namerange.indexOf("@", 1);
  return {
    name: ranged > 0 ? namerange.slice(0, ranged) : namerange,
    range: ranged > 0 ? namerange.slice(ranged + 1) : undefined,
    path: parts.length > 0 ? parts.join("/") : undefined
  };
}

const isJavaScriptFile = (file) => /\.[cm]?js$/i.test(file);

// The cache path of a bundle, as Framework maps jsDelivr paths: "+esm" → "_esm.js",
// "sub/path/+esm" → "sub/path._esm.js"; a .js subpath keeps its name.
function bundlePath(name, version, subpath) {
  const file = !subpath ? "_esm.js" : isJavaScriptFile(subpath) ? subpath : `${subpath}._esm.js`;
  return `${name}@${version}/${file}`;
}

function relativeImport(fromFile, toFile) {
  const relative = path.posix.relative(path.posix.dirname(`/${fromFile}`), `/${toFile}`);
  return relative.startsWith(".") ? relative : `./${relative}`;
}

async function build(key) {
  const frameworkRequire = createRequire(path.join(frameworkDir, "package.json"));
  const esbuild = await import(pathToFileURL(frameworkRequire.resolve("esbuild")).href);
  const semver = frameworkRequire("semver");
  const { DUCKDB_WASM_VERSION } = await import(pathToFileURL(path.join(frameworkDir, "dist", "duckdb.js")).href);
  const { builtins } = await import(pathToFileURL(path.join(frameworkDir, "dist", "resolvers.js")).href);

  const vendored = new Map(); // name → {dir, version}
  for (const name of VENDORED) {
    const dir = findPackageDir(name, projectDir);
    const { version } = readJson(path.join(dir, "package.json"));
    vendored.set(name, { dir, version });
  }
  const duckdbVersion = vendored.get("@duckdb/duckdb-wasm").version;
  if (duckdbVersion !== DUCKDB_WASM_VERSION) {
    throw new Error(
      `Framework ${frameworkVersion} loads @duckdb/duckdb-wasm@${DUCKDB_WASM_VERSION} but ${duckdbVersion} is installed:` +
        ` run npm install --save-exact @duckdb/duckdb-wasm@${DUCKDB_WASM_VERSION}`
    );
  }

  await rm(npmDir, { recursive: true, force: true });
  await mkdir(npmDir, { recursive: true });

  const files = new Set(); // written files, relative to _npm
  const dirs = new Set(); // version directories, relative to _npm
  const notes = [];
  let bundled = 0;
  let copied = 0;
  let bytes = 0;

  async function write(file, contents) {
    const target = path.join(npmDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents);
    files.add(file);
    bytes += contents.length;
  }

  async function copy(name, version, dir, subpath) {
    const file = `${name}@${version}/${subpath}`;
    if (files.has(file)) return;
    const source = path.join(dir, subpath);
    if (!existsSync(source)) throw new Error(`missing file ${source}`);
    const target = path.join(npmDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target);
    files.add(file);
    bytes += statSync(source).size;
    ++copied;
  }

  // Bundles to write: name@version (+ subpath) from a package directory.
  const queue = [];
  const queued = new Set();
  function enqueue(name, version, dir, subpath) {
    const file = bundlePath(name, version, subpath);
    if (!queued.has(file)) queued.add(file), queue.push({ name, version, dir, subpath, file });
    return file;
  }

  // Where an import of `name` made from `fromDir` (in package `importer`) goes.
  function locate(name, fromDir, importer) {
    const shared = vendored.get(name);
    if (shared) {
      const wanted = readJson(path.join(importer.dir, "package.json"));
      const range = wanted.dependencies?.[name] ?? wanted.peerDependencies?.[name];
      if (range && semver.validRange(range) && !semver.satisfies(shared.version, range)) {
        notes.push(`${importer.name}@${importer.version} wants ${name}@${range}, gets the shared ${shared.version}`);
      }
      return shared;
    }
    const dir = findPackageDir(name, fromDir);
    return { dir, version: readJson(path.join(dir, "package.json")).version };
  }

  function externalsPlugin(item) {
    return {
      name: "npm-cache-externals",
      setup(build) {
        build.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.pluginData?.entry || path.isAbsolute(args.path)) return undefined;
          if (/^[a-z][\w+.-]*:/i.test(args.path)) return undefined; // node:, data:, http:
          // require() calls stay inside this bundle: an ESM import cannot stand in for them.
          if (args.kind === "require-call" || args.kind === "require-resolve") return undefined;
          const { name, path: subpath } = parseSpecifier(args.path);
          if (name === item.name) return undefined; // the package's own files
          const target = locate(name, args.resolveDir, item);
          const file = enqueue(name, target.version, target.dir, subpath);
          return { path: relativeImport(item.file, file), external: true };
        });
      }
    };
  }

  async function bundle(item) {
    const specifier = item.subpath ? `${item.name}/${item.subpath}` : item.name;
    const result = await esbuild.build({
      stdin: { contents: "", resolveDir: item.dir },
      write: false,
      logLevel: "silent",
      plugins: [
        {
          name: "resolve-entry",
          setup(build) {
            build.onStart(async () => {
              const resolved = await build.resolve(specifier, {
                kind: "entry-point",
                resolveDir: item.dir,
                pluginData: { entry: true }
              });
              if (resolved.errors.length) throw new Error(resolved.errors[0].text);
              item.entry = resolved.path;
            });
          }
        }
      ],
      platform: "browser",
      bundle: true
    });
    if (result.errors.length) throw new Error(result.errors[0].text);
    const output = await esbuild.build({
      entryPoints: [item.entry],
      absWorkingDir: item.dir,
      bundle: true,
      format: "esm",
      platform: "browser",
      target: ["es2022"],
      minify: true,
      legalComments: "none",
      write: false,
      metafile: true,
      logLevel: "silent",
      define: { "process.env.NODE_ENV": '"production"' },
      plugins: [externalsPlugin(item)]
    });
    const [out] = output.outputFiles;
    const exports = Object.values(output.metafile.outputs)[0].exports;
    if (exports.length === 1 && exports[0] === "default" && /\.c?js$/.test(item.entry)) {
      notes.push(`${item.file} is CommonJS: it has a default export only`);
    }
    const header = `/**\n * Bundled for Framework's offline npm cache by scripts/offline-cache.mjs\n * from ${path.relative(projectDir, item.entry)} (${item.name}@${item.version}).\n */\n`;
    await write(item.file, Buffer.from(header + out.text));
    ++bundled;
  }

  // Roots: what Framework may ask for, as found in its own source.
  const placeholders = new Set();
  for (const specifier of findFrameworkSpecifiers()) {
    if (builtins.has(`npm:${specifier}`)) continue;
    const { name, range, path: subpath } = parseSpecifier(specifier);
    if (range) throw new Error(`unexpected ranged specifier in Framework: npm:${specifier}`);
    const pkg = vendored.get(name);
    if (!pkg) {
      placeholders.add(name);
      continue;
    }
    if (!subpath) enqueue(name, pkg.version, pkg.dir);
    else if (subpath.endsWith("/")) continue; // a directory prefix (sql.js/dist/)
    else if (path.extname(subpath)) await copy(name, pkg.version, pkg.dir, subpath); // wasm, workers: verbatim
    else enqueue(name, pkg.version, pkg.dir, subpath);
  }
  for (const [name, pkg] of vendored) enqueue(name, pkg.version, pkg.dir);
  for (let i = 0; i < queue.length; ++i) await bundle(queue[i]);

  for (const file of files) dirs.add(file.split("/").slice(0, file.startsWith("@") ? 2 : 1).join("/"));
  for (const name of placeholders) {
    const dir = `${name}@${PLACEHOLDER_VERSION}`;
    await mkdir(path.join(npmDir, dir), { recursive: true });
    dirs.add(dir);
  }

  // Self-check with Framework's own resolver: every vendored specifier must resolve to a file
  // written above (this runs offline: every name now has a version directory).
  const { resolveNpmImport } = await import(pathToFileURL(path.join(frameworkDir, "dist", "npm.js")).href);
  for (const specifier of findFrameworkSpecifiers()) {
    const { name, path: subpath } = parseSpecifier(specifier);
    if (builtins.has(`npm:${specifier}`) || !vendored.has(name) || subpath?.endsWith("/")) continue;
    const resolved = await resolveNpmImport(options.root, specifier);
    if (!files.has(resolved.slice("/_npm/".length))) {
      throw new Error(`Framework resolves npm:${specifier} to ${resolved}, which was not written`);
    }
  }

  const stamp = { key, framework: frameworkVersion, dirs: [...dirs].sort(), files: [...files].sort() };
  await writeFile(stampPath, JSON.stringify(stamp, null, 2) + "\n");
  return { bundled, copied, bytes, placeholders, notes, vendored };
}

try {
  if (options.cleanLoaderCache) {
    const removed = await cleanLoaderCache();
    if (removed) log(`cleared ${removed} cached loader output entr${removed === 1 ? "y" : "ies"} in ${path.relative(process.cwd(), cacheDir) || "."}`);
  }
  const key = cacheKey();
  const stamp = isUpToDate(key);
  const where = path.relative(process.cwd(), npmDir) || npmDir;
  const seconds = () => ((performance.now() - started) / 1000).toFixed(2);
  if (stamp) {
    log(`up to date: ${stamp.files.length} files for Framework ${stamp.framework} in ${where} (${seconds()} s)`);
  } else {
    const { bundled, copied, bytes, placeholders, notes, vendored } = await build(key);
    for (const note of notes) log(`note: ${note}`);
    log(`vendored ${[...vendored].map(([name, { version }]) => `${name}@${version}`).join(", ")}`);
    log(`not vendored (a page using them would need the network): ${[...placeholders].sort().join(", ")}`);
    log(`wrote ${bundled} ES module bundles and ${copied} wasm/worker files, ${(bytes / 1e6).toFixed(1)} MB, to ${where} (${seconds()} s)`);
  }
} catch (error) {
  console.error(`offline-cache: error: ${error.message}`);
  process.exit(1);
}
