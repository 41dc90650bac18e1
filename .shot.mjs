import { chromium } from "/work/main/node_modules/playwright-core/index.mjs";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
const shots = [["/guide/reporting", "E_SHEET_AMBIGUOUS", "g1"], ["/guide/reporting", "目标任务 | 完成情况", "g2"], ["/guide/reporting", "仍高于该水平", "g3"], ["/guide/task-table", "targets --write", "t1"], ["/dictionary", "增减率指标（增长8%", "d1"]];
for (const [path, text, name] of shots) {
  await page.goto(`http://127.0.0.1:3932${path}`, { waitUntil: "networkidle" });
  await page.waitForTimeout(1500);
  const el = page.locator("main p, main li, main td, main tr").filter({ hasText: text }).last();
  console.log(name, await el.count());
  if (await el.count()) { await el.scrollIntoViewIfNeeded(); await el.screenshot({ path: `/tmp/el-${name}.png` }); }
}
console.log("errors", errors);
await browser.close();
