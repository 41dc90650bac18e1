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
