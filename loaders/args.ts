// Command-line parsing errors, in Chinese, for every luoshi command.

/** A command-line parsing error of node:util parseArgs, in Chinese; null for any other error. */
export function parseArgsError(e: unknown): string | null {
  const code = e instanceof TypeError && "code" in e ? String((e as { code: unknown }).code) : "";
  if (!code.startsWith("ERR_PARSE_ARGS")) return null;
  const message = (e as Error).message;
  const quoted = message.match(/'([^']+)'/)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `未知的选项：${quoted}（此命令可用的选项见下方说明）`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `多余的参数：${quoted}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return /argument missing/.test(message) ? `选项 ${quoted.split(" ")[0]} 需要一个值` : `选项取值无效：${quoted}`;
  return `命令行参数有误（${message}）`;
}

/**
 * Why an output file named on the command line cannot be written (checked before any work is done), or null:
 * an extension other than those allowed (a name without one is allowed), a folder, a missing folder, no permission.
 */
export async function outputProblem(path: string, extensions: readonly string[]): Promise<string | null> {
  const { accessSync, constants, existsSync, statSync } = await import("node:fs");
  const { dirname, extname, resolve } = await import("node:path");
  const target = resolve(path);
  const ext = extname(target).toLowerCase();
  if (ext !== "" && !extensions.includes(ext)) return `只能写成 ${extensions.join(" 或 ")}（${extname(target)} 不行）`;
  if (existsSync(target) && statSync(target).isDirectory()) return "这是一个文件夹";
  try {
    accessSync(existsSync(target) ? target : dirname(target), constants.W_OK);
  } catch {
    return existsSync(dirname(target)) ? "没有写权限" : `文件夹 ${dirname(target)} 不存在`;
  }
  return null;
}
