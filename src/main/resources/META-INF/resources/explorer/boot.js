// Loaded first (index.html): sends the page's GraphQL read while the browser still loads and runs the app's other
// modules; the page's own query() then takes the answer in flight (api.js). Without it the request waited for them.
// It also has the browser fetch the page's modules, which app.js imports when it shows the page.
import { prefetch } from './api.js';
import { firstRead, pageAt } from './routes.js';

const read = firstRead(location.hash);
if (read) prefetch(...read);
// the page's modules, all at once: app.js imports the page's own, which imports the rest
for (const module of pageAt(location.hash).modules) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: `/explorer/pages/${module}.js` }));
}
