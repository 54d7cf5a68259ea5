// GraphiQL under Parley's Content-Security-Policy: opens /q/graphql-ui/ in Chromium (Debian's package: apt-get
// install chromium), runs a query, saves a screenshot, and exits 1 on any CSP violation or failed /graphql call.
//   npm ci && PUPPETEER_SKIP_DOWNLOAD=1 node check.mjs http://localhost:8080 [screenshot.png]
import puppeteer from 'puppeteer-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const screenshot = process.argv[3] ?? 'graphiql.png';
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], headless: true });
const page = await browser.newPage();
await page.setViewport({ width: 1400, height: 900 });
const violations = [];
await page.exposeFunction('reportViolation', text => violations.push(text));
await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation',
  e => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI)));
const statuses = [];
page.on('response', response => { if (new URL(response.url()).pathname === '/graphql') statuses.push(response.status()); });

await page.goto(base + '/q/graphql-ui/?query=' + encodeURIComponent('{ actors(first: 2) { nodes { name } } }'),
  { waitUntil: 'networkidle0' });
// GraphiQL does not render at all when its scripts are blocked
await page.waitForSelector('.graphiql-execute-button', { timeout: 10000 })
  .then(button => button.click()).catch(() => {});
await page.waitForFunction(() => document.querySelector('.result-window')?.textContent.includes('"name"'),
  { timeout: 10000 }).catch(() => {});
const result = await page.$eval('.result-window', element => element.textContent).catch(() => '');
await page.screenshot({ path: screenshot });
await browser.close();

// the schema (introspection) and the query
const ok = violations.length === 0 && statuses.length >= 2 && statuses.every(s => s === 200) && result.includes('"name"');
console.log(JSON.stringify({ ok, violations, statuses, screenshot }));
process.exit(ok ? 0 : 1);
